package dev.memorygraph.sinks.elasticsearch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.sinks.elasticsearch.IndexAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkStateSerializerTest {

    private final ElasticsearchSinkStateSerializer serializer =
            new ElasticsearchSinkStateSerializer();

    @Test
    void restoresTheBufferedActionsByteForByte() throws Exception {
        List<IndexAction> actions =
                List.of(
                        new IndexAction(
                                "llm-events",
                                "e1",
                                "{\"text\":\"héllo\"}".getBytes(StandardCharsets.UTF_8)),
                        new IndexAction("llm-events", "e2", new byte[0]));
        BufferedRequestState<IndexAction> state =
                new BufferedRequestState<>(
                        actions.stream()
                                .map(a -> new RequestEntryWrapper<>(a, a.sizeInBytes()))
                                .toList());

        byte[] bytes = serializer.serialize(state);
        BufferedRequestState<IndexAction> restored =
                serializer.deserialize(serializer.getVersion(), bytes);

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .satisfiesExactly(
                        a -> {
                            assertThat(a.id()).isEqualTo("e1");
                            assertThat(a.index()).isEqualTo("llm-events");
                            assertThat(new String(a.source(), StandardCharsets.UTF_8))
                                    .isEqualTo("{\"text\":\"héllo\"}");
                        },
                        a -> assertThat(a.source()).isEmpty());
        assertThat(HexFormat.of().formatHex(serializer.serialize(restored)))
                .isEqualTo(HexFormat.of().formatHex(bytes));
    }
}
