package dev.memorygraph.operators.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.RelationshipType;
import dev.memorygraph.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class GraphExtractionFunctionTest {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void followsIsEventTimeOrderWhateverTheArrivalOrder() throws Exception {
        List<InboundEvent> prompts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Two prompts share a timestamp: the id breaks the tie.
            Instant time = T0.plusSeconds(i == 5 ? 4 : i);
            prompts.add(TestEvents.prompt(String.format("p%02d", i), time, "prompt " + i));
        }
        List<String> expected = chain(prompts.stream().map(e -> e.eventId()).toList());
        Random random = new Random(42);
        for (int round = 0; round < 25; round++) {
            List<InboundEvent> shuffled = new ArrayList<>(prompts);
            Collections.shuffle(shuffled, random);
            try (var harness = harness(null)) {
                for (InboundEvent prompt : shuffled) {
                    harness.processElement(record(prompt));
                }
                assertThat(applyLinks(harness.extractOutputValues())).isEqualTo(expected);
            }
        }
    }

    @Test
    void replayAfterRestoreConvergesToTheSameChain() throws Exception {
        List<InboundEvent> prompts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            prompts.add(TestEvents.prompt("p" + i, T0.plusSeconds(i), "prompt " + i));
        }
        List<GraphMutation> written = new ArrayList<>();
        OperatorSubtaskState checkpoint;
        try (var harness = harness(null)) {
            harness.processElement(record(prompts.get(0)));
            harness.processElement(record(prompts.get(3)));
            checkpoint = harness.snapshot(1L, 1L);
            // After the checkpoint, and written before the failure:
            harness.processElement(record(prompts.get(5)));
            harness.processElement(record(prompts.get(2)));
            written.addAll(harness.extractOutputValues());
        }
        try (var harness = harness(checkpoint)) {
            // The replay delivers the same records in another order, plus the rest.
            for (int i : new int[] {2, 1, 5, 4}) {
                harness.processElement(record(prompts.get(i)));
            }
            written.addAll(harness.extractOutputValues());
        }

        assertThat(applyLinks(written))
                .isEqualTo(chain(List.of("p0", "p1", "p2", "p3", "p4", "p5")));
    }

    @Test
    void aPromptSeenTwiceAddsNoLinks() throws Exception {
        try (var harness = harness(null)) {
            harness.processElement(record(TestEvents.prompt("a", T0, "one")));
            harness.processElement(record(TestEvents.prompt("b", T0.plusSeconds(1), "two")));
            int before = harness.extractOutputValues().size();
            harness.processElement(record(TestEvents.prompt("b", T0.plusSeconds(1), "two")));

            List<GraphMutation> again =
                    harness.extractOutputValues()
                            .subList(before, harness.extractOutputValues().size());
            assertThat(again).noneMatch(m -> m.kind() == GraphMutation.Kind.SEQUENCE_LINK);
        }
    }

    @Test
    void timelineIsAPojo() {
        assertThat(TypeInformation.of(PromptTimeline.class)).isInstanceOf(PojoTypeInfo.class);
    }

    /** Applies FOLLOWS sequence links in order, with the semantics the Neo4j sink gives them. */
    static List<String> applyLinks(List<GraphMutation> mutations) {
        Map<String, String> next = new LinkedHashMap<>();
        for (GraphMutation m : mutations) {
            if (m.kind() != GraphMutation.Kind.SEQUENCE_LINK) {
                continue;
            }
            assertThat(m.type()).isEqualTo(RelationshipType.FOLLOWS);
            next.entrySet().removeIf(e -> e.getValue().equals(m.toId()));
            next.put(m.fromId(), m.toId());
        }
        return next.entrySet().stream()
                .map(e -> e.getKey() + ">" + e.getValue())
                .sorted()
                .collect(Collectors.toList());
    }

    static List<String> chain(List<String> idsInOrder) {
        List<String> links = new ArrayList<>();
        for (int i = 1; i < idsInOrder.size(); i++) {
            links.add(idsInOrder.get(i - 1) + ">" + idsInOrder.get(i));
        }
        Collections.sort(links);
        return links;
    }

    static StreamRecord<EnrichedEvent> record(InboundEvent event) {
        return new StreamRecord<>(new EnrichedEvent(event, null));
    }

    static KeyedOneInputStreamOperatorTestHarness<String, EnrichedEvent, GraphMutation> harness(
            OperatorSubtaskState restoreFrom) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new GraphExtractionFunction(Duration.ofHours(1), 1_000)),
                        GraphExtractionFunction::key,
                        Types.STRING);
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }
}
