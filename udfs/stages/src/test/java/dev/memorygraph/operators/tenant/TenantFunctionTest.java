package dev.memorygraph.operators.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class TenantFunctionTest {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    static final Duration TTL = Duration.ofDays(1);
    static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aPromptWithoutATenantTakesItsSessionsTenant() throws Exception {
        try (var harness = harness(null)) {
            harness.processElement(record(TestEvents.session("s-e", T0, "session-1")));
            harness.processElement(record(TestEvents.prompt("p1", T0.plusSeconds(1), "hello")));

            InboundEvent prompt = harness.extractOutputValues().get(1);
            assertThat(prompt.tenantId()).isEqualTo("tenant-1");
            assertThat(prompt.text()).isEqualTo("hello");
            assertThat(prompt.prompt().prompt().metadata()).contains("\"tenantId\":\"tenant-1\"");
        }
    }

    @Test
    void thePromptsOwnTenantWinsAndOtherMetadataIsKept() throws Exception {
        InboundEvent own =
                withMetadata(TestEvents.prompt("p1", T0, "hi"), "{\"tenantId\":\"globex\"}");
        InboundEvent other =
                withMetadata(TestEvents.prompt("p2", T0, "hi"), "{\"team\":\"search\"}");
        try (var harness = harness(null)) {
            harness.processElement(record(TestEvents.session("s-e", T0, "session-1")));
            harness.processElement(record(own));
            harness.processElement(record(other));

            List<InboundEvent> out = harness.extractOutputValues();
            assertThat(out.get(1).tenantId()).isEqualTo("globex");
            assertThat(out.get(2).tenantId()).isEqualTo("tenant-1");
            assertThat(out.get(2).prompt().prompt().metadata()).contains("\"team\":\"search\"");
        }
    }

    @Test
    void aPromptBeforeItsSessionEventWaitsForItsTenant() throws Exception {
        try (var harness = harness(null)) {
            harness.setProcessingTime(0);
            harness.processElement(record(TestEvents.prompt("p1", T0, "first")));
            harness.processElement(record(TestEvents.prompt("p2", T0, "second")));
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.setProcessingTime(1_000);
            harness.processElement(record(TestEvents.session("s-e", T0, "session-1")));

            List<InboundEvent> out = harness.extractOutputValues();
            assertThat(out).extracting(InboundEvent::eventId).containsExactly("s-e", "p1", "p2");
            assertThat(out.subList(1, 3))
                    .extracting(InboundEvent::tenantId)
                    .containsOnly("tenant-1");
            // the wait's timer is gone: nothing more comes out when it would have fired
            harness.setProcessingTime(WAIT.toMillis() + 1);
            assertThat(harness.extractOutputValues()).hasSize(3);
        }
    }

    @Test
    void aPromptWhoseSessionNeverSpeaksGoesOnWithoutATenantAfterTheWait() throws Exception {
        try (var harness = harness(null)) {
            harness.setProcessingTime(0);
            harness.processElement(
                    record(TestEvents.prompt("p1", T0, "hello", "session-9", "gpt-4o")));
            harness.processElement(record(TestEvents.response("r1", T0, "p1", "hi")));
            assertThat(harness.extractOutputValues())
                    .extracting(InboundEvent::eventId)
                    .containsExactly("r1");

            harness.setProcessingTime(WAIT.toMillis());

            assertThat(harness.extractOutputValues())
                    .extracting(InboundEvent::eventId)
                    .containsExactly("r1", "p1");
            assertThat(harness.extractOutputValues())
                    .extracting(InboundEvent::tenantId)
                    .containsOnlyNulls();
        }
    }

    @Test
    void waitingPromptsSurviveASnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(null)) {
            harness.setProcessingTime(0);
            harness.processElement(record(TestEvents.prompt("p1", T0, "first")));
            snapshot = harness.snapshot(1L, 1L);
        }
        try (var restored = harness(snapshot)) {
            restored.setProcessingTime(10);
            restored.processElement(record(TestEvents.session("s-e", T0, "session-1")));

            assertThat(restored.extractOutputValues())
                    .extracting(InboundEvent::eventId)
                    .containsExactly("s-e", "p1");
            assertThat(restored.extractOutputValues().get(1).tenantId()).isEqualTo("tenant-1");
        }
    }

    @Test
    void remembersTheTenantAcrossSnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(null)) {
            harness.processElement(record(TestEvents.session("s-e", T0, "session-1")));
            snapshot = harness.snapshot(1L, 1L);
        }
        try (var restored = harness(snapshot)) {
            restored.processElement(record(TestEvents.prompt("p1", T0, "hello")));

            assertThat(restored.extractOutputValues().get(0).tenantId()).isEqualTo("tenant-1");
        }
    }

    private static InboundEvent withMetadata(InboundEvent event, String metadata) {
        PromptEvent p = event.prompt();
        Prompt prompt = p.prompt();
        return InboundEvent.of(
                new PromptEvent(
                        p.eventId(),
                        p.timestamp(),
                        new Prompt(
                                prompt.text(),
                                prompt.template(),
                                prompt.parameters(),
                                prompt.images(),
                                metadata),
                        p.session(),
                        p.model(),
                        p.context(),
                        p.tags(),
                        p.traceContext()),
                event.origin());
    }

    private static StreamRecord<InboundEvent> record(InboundEvent event) {
        return new StreamRecord<>(event, event.eventTime().toEpochMilli());
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, InboundEvent, InboundEvent>
            harness(OperatorSubtaskState restoreFrom) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new TenantFunction(TTL, WAIT)),
                        TenantFunction::key,
                        Types.STRING);
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }
}
