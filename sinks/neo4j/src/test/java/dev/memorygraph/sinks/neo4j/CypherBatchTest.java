package dev.memorygraph.sinks.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.NodeLabel;
import dev.memorygraph.model.graph.RelationshipType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CypherBatchTest {

    static final String SOURCE = "e1";

    @Test
    void groupsNodesThenRelationshipsThenSequenceLinksInOrder() {
        List<CypherBatch.Statement> statements =
                CypherBatch.plan(
                        List.of(
                                GraphMutation.sequenceLink(
                                        RelationshipType.FOLLOWS, "p2", "p3", Map.of(), SOURCE),
                                GraphMutation.relationship(
                                        RelationshipType.CONTAINS, "s", "p1", Map.of(), SOURCE),
                                GraphMutation.node(NodeLabel.SESSION, "s", Map.of(), SOURCE),
                                GraphMutation.node(NodeLabel.PROMPT, "p1", Map.of(), SOURCE),
                                GraphMutation.sequenceLink(
                                        RelationshipType.FOLLOWS, "p1", "p2", Map.of(), SOURCE)));

        assertThat(statements)
                .extracting(s -> s.query().substring(0, 40))
                .containsExactly(
                        "UNWIND $rows AS row MERGE (n:Prompt {id:",
                        "UNWIND $rows AS row MERGE (n:Session {id",
                        "UNWIND $rows AS row MERGE (a:Session {id",
                        "UNWIND $rows AS row CALL (row) { MERGE (");
        assertThat(rows(statements.get(3)))
                .extracting(row -> row.get("from") + ">" + row.get("to"))
                .containsExactly("p2>p3", "p1>p2");
        assertThat(statements)
                .extracting(CypherBatch.Statement::mutations)
                .containsExactly(1, 1, 1, 2);
    }

    @Test
    void locksSharedNodesInOneOrderByLabelThenId() {
        List<CypherBatch.Statement> statements =
                CypherBatch.plan(
                        List.of(
                                GraphMutation.relationship(
                                        RelationshipType.HAS_TEXT, "p1", "t9", Map.of(), SOURCE),
                                GraphMutation.relationship(
                                        RelationshipType.USES_MODEL, "p2", "m1", Map.of(), SOURCE),
                                GraphMutation.relationship(
                                        RelationshipType.HAS_TEXT, "p2", "t1", Map.of(), SOURCE),
                                GraphMutation.relationship(
                                        RelationshipType.HAS_SESSION, "u7", "s1", Map.of(), SOURCE),
                                GraphMutation.relationship(
                                        RelationshipType.USES_MODEL, "p1", "m2", Map.of(), SOURCE),
                                GraphMutation.relationship(
                                        RelationshipType.HAS_SESSION,
                                        "u3",
                                        "s2",
                                        Map.of(),
                                        SOURCE)));

        // Users before models before prompt texts (NodeLabel order), each by the shared end's id,
        // whatever the order of the prompts or sessions at the other end.
        assertThat(statements)
                .extracting(s -> rows(s).stream().map(r -> (String) r.get(sharedEnd(s))).toList())
                .containsExactly(List.of("u3", "u7"), List.of("m1", "m2"), List.of("t1", "t9"));
        // A link from a per-session node is created when missing, not MERGEd (which locks both
        // ends).
        assertThat(statements.get(1).query())
                .contains(
                        "COLLECT { MATCH (a)-[x:USES_MODEL]->(b) RETURN x }",
                        "CREATE (a)-[r:USES_MODEL]->(b)")
                .doesNotContain("MERGE (a)-[");
    }

    @Test
    void keepsMergeForRelationshipsBetweenSharedNodes() {
        List<CypherBatch.Statement> statements =
                CypherBatch.plan(
                        List.of(
                                GraphMutation.relationship(
                                        RelationshipType.USER_BELONGS_TO,
                                        "u1",
                                        "acme",
                                        Map.of(),
                                        SOURCE)));

        assertThat(statements.get(0).query()).contains("MERGE (a)-[r:BELONGS_TO]->(b)");
    }

    private static String sharedEnd(CypherBatch.Statement statement) {
        return statement.query().contains("(a:User ") ? "from" : "to";
    }

    @Test
    void coalescesMutationsOfOneElementWithLaterPropertiesWinning() {
        List<CypherBatch.Statement> statements =
                CypherBatch.plan(
                        List.of(
                                GraphMutation.node(
                                        NodeLabel.USER, "u2", Map.of("tenant", "a"), SOURCE),
                                GraphMutation.node(
                                        NodeLabel.USER,
                                        "u1",
                                        Map.of("tenant", "a", "x", 1L),
                                        SOURCE),
                                GraphMutation.node(
                                        NodeLabel.USER, "u1", Map.of("tenant", "b"), SOURCE)));

        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).mutations()).isEqualTo(3);
        List<Map<String, Object>> rows = rows(statements.get(0));
        assertThat(rows).extracting(row -> row.get("id")).containsExactly("u1", "u2");
        assertThat(rows.get(0).get("props")).isEqualTo(Map.of("tenant", "b", "x", 1L));
    }

    @Test
    void dataValuesTravelAsParametersNeverInTheStatementText() {
        String hostile = "x'}) DETACH DELETE n //";
        List<CypherBatch.Statement> statements =
                CypherBatch.plan(
                        List.of(
                                GraphMutation.node(
                                        NodeLabel.PROMPT,
                                        hostile,
                                        Map.of(hostile, hostile, "at", Instant.EPOCH),
                                        SOURCE),
                                GraphMutation.relationship(
                                        RelationshipType.USES_MODEL,
                                        hostile,
                                        hostile,
                                        Map.of(),
                                        SOURCE)));

        assertThat(statements).allSatisfy(s -> assertThat(s.query()).doesNotContain("DETACH"));
        Map<?, ?> props = (Map<?, ?>) rows(statements.get(0)).get(0).get("props");
        assertThat(props.get(hostile)).isEqualTo(hostile);
        assertThat(props.get("at")).isInstanceOf(OffsetDateTime.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(CypherBatch.Statement statement) {
        return (List<Map<String, Object>>) statement.parameters().get("rows");
    }
}
