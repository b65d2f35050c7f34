package dev.memorygraph.model.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class GraphMutationSerializerTest {

    @Test
    void roundTripsEveryKindAndValueType() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("text", "x".repeat(100_000) + " ünïcødé 😀");
        properties.put("count", 3);
        properties.put("score", 0.5f);
        properties.put("flag", true);
        properties.put("at", Instant.parse("2026-11-26T08:00:00.123456789Z"));
        properties.put("tags", List.of("a", "b"));
        properties.put("absent", null);
        List<GraphMutation> mutations =
                List.of(
                        GraphMutation.node(NodeLabel.PROMPT, "p1", properties, "e1"),
                        GraphMutation.relationship(
                                RelationshipType.REFERENCES, "p1", "d1", Map.of("x", 1L), "e1"),
                        GraphMutation.sequenceLink(
                                RelationshipType.FOLLOWS, "p0", "p1", Map.of(), null));

        for (GraphMutation mutation : mutations) {
            DataOutputSerializer out = new DataOutputSerializer(256);
            GraphMutationSerializer.INSTANCE.serialize(mutation, out);
            GraphMutation back =
                    GraphMutationSerializer.INSTANCE.deserialize(
                            new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(back).isEqualTo(mutation);
        }
        assertThat(mutations.get(0).properties())
                .containsEntry("count", 3L)
                .containsEntry("score", 0.5d)
                .doesNotContainKey("absent");
    }

    @Test
    void rejectsValuesNeo4jCannotStore() {
        assertThatThrownBy(
                        () ->
                                GraphMutation.node(
                                        NodeLabel.PROMPT, "p", Map.of("nested", Map.of()), "e"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flinkUsesTheDedicatedSerializerNotKryo() {
        TypeInformation<GraphMutation> info = TypeInformation.of(GraphMutation.class);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);

        assertThat(info).isInstanceOf(GraphMutationTypeInfoFactory.GraphMutationTypeInfo.class);
        assertThat(info.createSerializer(config)).isSameAs(GraphMutationSerializer.INSTANCE);
        assertThat(
                        GraphMutationSerializer.INSTANCE
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(
                                        GraphMutationSerializer.INSTANCE.snapshotConfiguration()))
                .matches(TypeSerializerSchemaCompatibility::isCompatibleAsIs);
    }

    @Test
    void toStringNamesKeysNotValues() {
        GraphMutation m =
                GraphMutation.node(NodeLabel.PROMPT, "p1", Map.of("text", "secret prompt"), "e");
        assertThat(m.toString()).contains("text").doesNotContain("secret");
    }
}
