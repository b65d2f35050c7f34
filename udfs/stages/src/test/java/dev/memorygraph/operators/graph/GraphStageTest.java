package dev.memorygraph.operators.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.operators.text.TextEnricher;
import dev.memorygraph.operators.text.TextOptions;
import dev.memorygraph.testing.TestEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Which writer gets which graph write: every node's properties have exactly one writer. */
class GraphStageTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void splitsSessionResponseAndReferenceWrites() throws Exception {
        GraphExtractor extractor = new GraphExtractor();
        List<GraphMutation> all = new ArrayList<>();
        for (InboundEvent event :
                List.of(
                        TestEvents.prompt("p1", T0, "Summarise the incident report"),
                        TestEvents.response("r1", T0.plusSeconds(1), "p1", "Here it is."),
                        TestEvents.session("s-e1", T0, "session-1"))) {
            all.addAll(
                    extractor.extract(
                            new EnrichedEvent(
                                    event,
                                    new TextEnricher(TextOptions.defaults()).enrich(event))));
        }

        try (OneInputStreamOperatorTestHarness<GraphMutation, GraphMutation> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new GraphStage.ReferenceSplit())) {
            for (GraphMutation m : all) {
                harness.processElement(m, 0L);
            }
            Set<String> sessions = names(harness.extractOutputValues());
            Set<String> responses = names(values(harness.getSideOutput(GraphStage.RESPONSES)));
            Set<String> reference = names(values(harness.getSideOutput(GraphStage.REFERENCE)));

            assertThat(sessions)
                    .contains(
                            "Prompt",
                            "Session",
                            "CONTAINS",
                            "USES_MODEL",
                            "HAS_SESSION",
                            "HAS_TEXT")
                    .doesNotContain("Response", "GENERATED", "User", "Model", "PromptText");
            assertThat(responses).containsExactlyInAnyOrder("Response", "GENERATED");
            assertThat(reference)
                    .contains("User", "Model", "PromptText", "BELONGS_TO")
                    .doesNotContain("Prompt", "Session", "Response");
            assertThat(
                            harness.extractOutputValues().size()
                                    + harness.getSideOutput(GraphStage.RESPONSES).size()
                                    + harness.getSideOutput(GraphStage.REFERENCE).size())
                    .isEqualTo(all.size());
        }
    }

    private static List<GraphMutation> values(Iterable<StreamRecord<GraphMutation>> records) {
        List<GraphMutation> out = new ArrayList<>();
        if (records != null) {
            records.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    private static Set<String> names(List<GraphMutation> mutations) {
        return mutations.stream()
                .map(
                        m ->
                                m.kind() == GraphMutation.Kind.NODE
                                        ? m.label().cypherName()
                                        : m.type().cypherName())
                .collect(Collectors.toSet());
    }
}
