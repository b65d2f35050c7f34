package dev.memorygraph.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextFormatTest {

    @Test
    void labelValuesEscapeBackslashQuoteAndLineFeed() {
        StringBuilder out = new StringBuilder();

        TextFormat.escapeLabelValue("C:\\tmp \"quoted\"\nnext\tline", out);

        assertThat(out).hasToString("C:\\\\tmp \\\"quoted\\\"\\nnext\tline");
    }

    @Test
    void labelPairsKeepTheirOrderAndCarryNoBraces() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("reason", "MALFORMED_JSON");
        labels.put("task_name", "Source: \"events\" -> Map");

        assertThat(TextFormat.labelPairs(labels))
                .isEqualTo("reason=\"MALFORMED_JSON\",task_name=\"Source: \\\"events\\\" -> Map\"");
        assertThat(TextFormat.labelPairs(Map.of())).isEmpty();
    }

    @Test
    void helpEscapesBackslashAndLineFeedButNotQuotes() {
        assertThat(TextFormat.escapeHelp("a\\b \"c\"\nd")).isEqualTo("a\\\\b \"c\"\\nd");
    }

    @Test
    void numbersAreSpelledTheWayPrometheusParsesThem() {
        assertThat(TextFormat.number(3.0)).isEqualTo("3");
        assertThat(TextFormat.number(-2.0)).isEqualTo("-2");
        assertThat(TextFormat.number(0.25)).isEqualTo("0.25");
        assertThat(TextFormat.number(1e20)).isEqualTo("1.0E20");
        assertThat(TextFormat.number(Double.NaN)).isEqualTo("NaN");
        assertThat(TextFormat.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(TextFormat.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }
}
