package dev.memorygraph.operators.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DedupFunctionTest {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    static final Duration TTL = Duration.ofHours(1);

    @Test
    void emitsFirstCopyAndDropsLaterOnes() throws Exception {
        try (var harness = harness()) {
            harness.setStateTtlProcessingTime(0);
            harness.processElement(record(TestEvents.prompt("a", T0, "one")));
            harness.processElement(record(TestEvents.prompt("b", T0, "two")));
            harness.processElement(record(TestEvents.prompt("a", T0, "one again")));
            harness.processElement(record(TestEvents.session("a", T0, "s")));

            assertThat(ids(harness)).containsExactly("a", "b");
            assertThat(harness.extractOutputValues().get(0).text()).isEqualTo("one");
        }
    }

    @Test
    void forgetsIdsAfterTheTtl() throws Exception {
        try (var harness = harness()) {
            harness.setStateTtlProcessingTime(0);
            harness.setProcessingTime(0);
            harness.processElement(record(TestEvents.prompt("a", T0, "one")));

            harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
            harness.processElement(record(TestEvents.prompt("a", T0, "one")));
            assertThat(ids(harness)).containsExactly("a");

            harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
            harness.processElement(record(TestEvents.prompt("a", T0, "one")));
            assertThat(ids(harness)).containsExactly("a", "a");
        }
    }

    @Test
    void remembersIdsAcrossSnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness()) {
            harness.setStateTtlProcessingTime(0);
            harness.processElement(record(TestEvents.prompt("a", T0, "one")));
            harness.processElement(record(TestEvents.prompt("b", T0, "two")));
            snapshot = harness.snapshot(1L, 1L);
            // after the checkpoint: lost on failure, so must be processed again after restore
            harness.processElement(record(TestEvents.prompt("c", T0, "three")));
        }

        try (var restored = harness(snapshot)) {
            restored.setStateTtlProcessingTime(1_000);
            restored.processElement(record(TestEvents.prompt("a", T0, "one")));
            restored.processElement(record(TestEvents.prompt("b", T0, "two")));
            restored.processElement(record(TestEvents.prompt("c", T0, "three")));

            assertThat(ids(restored)).containsExactly("c");
        }
    }

    @Test
    void rejectsANonPositiveTtl() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DedupFunction(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, InboundEvent, InboundEvent>
            harness() throws Exception {
        return harness(null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, InboundEvent, InboundEvent>
            harness(OperatorSubtaskState restoreFrom) throws Exception {
        var harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new DedupFunction(TTL), InboundEvent::eventId, Types.STRING);
        if (restoreFrom != null) {
            harness.close();
            harness =
                    new KeyedOneInputStreamOperatorTestHarness<>(
                            new org.apache.flink.streaming.api.operators.KeyedProcessOperator<>(
                                    new DedupFunction(TTL)),
                            InboundEvent::eventId,
                            Types.STRING);
            harness.initializeState(restoreFrom);
            harness.open();
        }
        return harness;
    }

    private static StreamRecord<InboundEvent> record(InboundEvent event) {
        return new StreamRecord<>(event, event.eventTime().toEpochMilli());
    }

    private static List<String> ids(
            KeyedOneInputStreamOperatorTestHarness<String, InboundEvent, InboundEvent> harness) {
        return harness.extractOutputValues().stream().map(InboundEvent::eventId).toList();
    }
}
