package dev.memorygraph.sinks.neo4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.NodeLabel;
import dev.memorygraph.model.graph.RelationshipType;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class Neo4jSinkStateSerializerTest {

    /**
     * Version 1 of the checkpointed buffer, byte for byte. If this changes, checkpoints and
     * savepoints of running jobs no longer restore: bump the version and keep a reader for 1.
     */
    static final String GOLDEN_V1 =
            ""
                    + "ffffffffffffffff000000030000000000000064000750524f4d505403703103"
                    + "6531000000040574657874000668656c6c6f0b746f6b656e436f756e74010000"
                    + "0000000000030a6372656174656441740400000000695735a5075bcd15057461"
                    + "67730500000002026102620000000000000064010b555345535f4d4f44454c03"
                    + "7031076770742d346f0365310000000105746f7050023feccccccccccccd0000"
                    + "0000000000640208464f4c4c4f57530370300370310365310000000106676170"
                    + "4d7301000000000000000c";

    static BufferedRequestState<GraphMutation> state() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("text", "hello");
        props.put("tokenCount", 3L);
        props.put("createdAt", Instant.parse("2026-01-02T03:04:05.123456789Z"));
        props.put("tags", List.of("a", "b"));
        List<GraphMutation> mutations =
                List.of(
                        GraphMutation.node(NodeLabel.PROMPT, "p1", props, "e1"),
                        GraphMutation.relationship(
                                RelationshipType.USES_MODEL,
                                "p1",
                                "gpt-4o",
                                Map.of("topP", 0.9),
                                "e1"),
                        GraphMutation.sequenceLink(
                                RelationshipType.FOLLOWS, "p0", "p1", Map.of("gapMs", 12L), "e1"));
        return new BufferedRequestState<>(
                mutations.stream().map(m -> new RequestEntryWrapper<>(m, 100)).toList());
    }

    @Test
    void roundTripsTheBuffer() throws Exception {
        Neo4jSinkStateSerializer serializer = new Neo4jSinkStateSerializer();
        BufferedRequestState<GraphMutation> state = state();

        BufferedRequestState<GraphMutation> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactlyElementsOf(
                        state.getBufferedRequestEntries().stream()
                                .map(RequestEntryWrapper::getRequestEntry)
                                .toList());
        assertThat(restored.getStateSize()).isEqualTo(state.getStateSize());
    }

    @Test
    void keepsItsVersionOneFormat() throws Exception {
        Neo4jSinkStateSerializer serializer = new Neo4jSinkStateSerializer();

        assertThat(serializer.getVersion()).isEqualTo(1);
        assertThat(HexFormat.of().formatHex(serializer.serialize(state()))).isEqualTo(GOLDEN_V1);
        assertThat(
                        serializer
                                .deserialize(1, HexFormat.of().parseHex(GOLDEN_V1))
                                .getBufferedRequestEntries())
                .hasSize(3);
    }
}
