package dev.memorygraph.sinks.neo4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.NodeLabel;
import dev.memorygraph.model.graph.RelationshipType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceWriteCacheTest {

    private static final GraphMutation USER_A =
            GraphMutation.node(NodeLabel.USER, "u1", Map.of("tenant", "acme"), "e1");
    private static final GraphMutation USER_B =
            GraphMutation.node(NodeLabel.USER, "u1", Map.of("tenant", "globex"), "e2");
    private static final GraphMutation HAS_SESSION =
            GraphMutation.relationship(RelationshipType.HAS_SESSION, "u1", "s1", Map.of(), "e1");
    private static final GraphMutation PROMPT =
            GraphMutation.node(NodeLabel.PROMPT, "p1", Map.of("text", "hi"), "e1");
    private static final GraphMutation USES_MODEL =
            GraphMutation.relationship(RelationshipType.USES_MODEL, "p1", "m1", Map.of(), "e1");
    private static final GraphMutation FOLLOWS =
            GraphMutation.sequenceLink(RelationshipType.FOLLOWS, "p0", "p1", Map.of(), "e1");

    @Test
    void skipsReferenceDataOnlyOnceCommittedUnchanged() {
        ReferenceWriteCache cache = new ReferenceWriteCache(100);
        List<GraphMutation> batch = List.of(USER_A, HAS_SESSION, PROMPT, USES_MODEL, FOLLOWS);

        // Not committed yet (a failed transaction): everything is written again.
        assertThat(cache.unwritten(batch)).containsExactlyElementsOf(batch);
        cache.committed(batch);

        assertThat(cache.unwritten(batch)).containsExactly(PROMPT, USES_MODEL, FOLLOWS);
        assertThat(cache.hitRate()).isEqualTo(2 / 4.0);
    }

    @Test
    void writesAChangeAndThenTheOldValueAgain() {
        ReferenceWriteCache cache = new ReferenceWriteCache(100);
        cache.committed(List.of(USER_A));

        assertThat(cache.unwritten(List.of(USER_B))).containsExactly(USER_B);
        cache.committed(List.of(USER_B));
        // The graph now says globex; the older value must go through again.
        assertThat(cache.unwritten(List.of(USER_A))).containsExactly(USER_A);
    }

    @Test
    void isBoundedAndCanBeTurnedOff() {
        ReferenceWriteCache small = new ReferenceWriteCache(1);
        small.committed(List.of(USER_A, HAS_SESSION));
        assertThat(small.unwritten(List.of(USER_A, HAS_SESSION))).containsExactly(USER_A);

        ReferenceWriteCache off = new ReferenceWriteCache(0);
        off.committed(List.of(USER_A));
        assertThat(off.unwritten(List.of(USER_A))).containsExactly(USER_A);
    }
}
