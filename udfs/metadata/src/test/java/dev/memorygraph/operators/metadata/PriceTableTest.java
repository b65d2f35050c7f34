package dev.memorygraph.operators.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    @Test
    void thePriceInForceAtTheEventsTimeApplies() throws Exception {
        PriceTable table =
                parse(
                        "# model_id,effective_from,input,output,cached\n"
                                + "m,2024-01-01T00:00:00Z,0.01,0.03,\n"
                                + "M,2024-06-01T00:00:00Z,0.005,0.015,0.001\n"
                                + "since-ever,,0.1,0.2\n");
        assertThat(table.at("m", Instant.parse("2023-12-31T23:59:59Z"))).isNull();
        assertThat(table.at("m", Instant.parse("2024-01-01T00:00:00Z")).inputPer1k())
                .isEqualTo(0.01);
        Price june = table.at("m", Instant.parse("2024-06-02T00:00:00Z"));
        assertThat(june.inputPer1k()).isEqualTo(0.005);
        assertThat(june.cachedInputPer1k()).isEqualTo(0.001);
        assertThat(table.at(" M ", Instant.parse("2030-01-01T00:00:00Z")).outputPer1k())
                .isEqualTo(0.015);
        assertThat(table.at("since-ever", Instant.EPOCH).outputPer1k()).isEqualTo(0.2);
        assertThat(table.at("other", Instant.EPOCH)).isNull();
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> parse("m,2024-01-01T00:00:00Z,0.01,0.03\nm,yesterday,1,2\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> parse("m,,-1,2\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> parse("m,,1\n")).hasMessageContaining("line 1");
    }

    @Test
    void theBundledTableParsesAndPricesTheGeneratorsHostedModels() {
        PriceTable table = PriceTable.bundled();
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        for (String model :
                new String[] {
                    "gpt-4o",
                    "gpt-4o-mini",
                    "gpt-4.1",
                    "o3-mini",
                    "gpt-4",
                    "gpt-3.5-turbo",
                    "claude-3-5-sonnet",
                    "mistral-large"
                }) {
            assertThat(table.at(model, now)).as(model).isNotNull();
        }
        assertThat(table.at("llama-3.1-70b-instruct", now)).isNull();
    }

    @Test
    void aHistoryAddsOnlyChangedPrices() {
        Price first = new Price(null, 1, 2, null);
        PriceHistory history = PriceHistory.of(java.util.List.of(first));
        assertThat(history.with(new Price(Instant.EPOCH, 1, 2, null))).isSameAs(history);
        PriceHistory changed =
                history.with(new Price(Instant.parse("2025-01-01T00:00:00Z"), 3, 4, null));
        assertThat(changed.prices()).hasSize(2);
        assertThat(changed.at(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo(first);
    }

    private static PriceTable parse(String csv) throws Exception {
        return PriceTable.parse(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }
}
