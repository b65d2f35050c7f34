package dev.memorygraph.operators.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.TextFeatures;
import dev.memorygraph.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class PromptResponseJoinTest {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    static final Duration WAIT = Duration.ofMinutes(10);
    static final Duration RETENTION = Duration.ofHours(2);

    @Test
    void aResponseAfterItsPromptTakesItsTenantSessionUserModelAndTokens() throws Exception {
        try (var harness = harness(null)) {
            harness.processElement(record(tenantPrompt("p1", T0)));
            harness.processElement(record(response("r1", T0.plusSeconds(2), "p1")));

            List<EnrichedEvent> out = harness.extractOutputValues();
            assertThat(out).extracting(EnrichedEvent::eventId).containsExactly("p1", "r1");
            EnrichedEvent response = out.get(1);
            assertThat(response.metadata().join()).isEqualTo(Metadata.JOINED);
            assertThat(response.metadata().missing()).isEmpty();
            assertThat(response.tenantId()).isEqualTo("acme");
            assertThat(response.modelId()).isEqualTo("gpt-4o");
            assertThat(response.metadata().prompt().sessionId()).isEqualTo("session-1");
            assertThat(response.metadata().prompt().userId()).isEqualTo("user-1");
            assertThat(response.metadata().prompt().promptTokens()).isEqualTo(7);
            assertThat(response.metadata().prompt().promptTime()).isEqualTo(T0);
        }
    }

    @Test
    void aResponseBeforeItsPromptWaitsAndGoesOnJoinedWhenThePromptArrives() throws Exception {
        try (var harness = harness(null)) {
            harness.processElement(record(response("r1", T0, "p1")));
            harness.processElement(record(response("r2", T0.plusSeconds(1), "p1")));
            harness.processWatermark(new Watermark(T0.plus(WAIT).toEpochMilli() - 1));
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processElement(record(tenantPrompt("p1", T0.minusSeconds(1))));

            List<EnrichedEvent> out = harness.extractOutputValues();
            assertThat(out).extracting(EnrichedEvent::eventId).containsExactly("p1", "r1", "r2");
            assertThat(out.subList(1, 3))
                    .allSatisfy(
                            r -> {
                                assertThat(r.metadata().join()).isEqualTo(Metadata.JOINED);
                                assertThat(r.tenantId()).isEqualTo("acme");
                            });
            // their timers are gone with them: nothing more when the wait would have ended
            harness.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(harness.extractOutputValues()).hasSize(3);
        }
    }

    @Test
    void aResponseWhosePromptIsLateGoesOnPartialAndIsCompletedWhenThePromptArrives()
            throws Exception {
        try (var harness = harness(null)) {
            harness.processElement(record(response("r1", T0, "p1")));
            harness.processWatermark(new Watermark(T0.plus(WAIT).toEpochMilli()));

            List<EnrichedEvent> partial = harness.extractOutputValues();
            assertThat(partial).hasSize(1);
            assertThat(partial.get(0).metadata().join()).isEqualTo(Metadata.PROMPT_MISSING);
            assertThat(partial.get(0).metadata().missing()).containsExactly("prompt");
            assertThat(partial.get(0).tenantId()).isNull();
            assertThat(partial.get(0).modelId()).isNull();

            harness.processElement(record(tenantPrompt("p1", T0.minusSeconds(1))));

            List<EnrichedEvent> out = harness.extractOutputValues();
            assertThat(out).extracting(EnrichedEvent::eventId).containsExactly("r1", "p1", "r1");
            EnrichedEvent completed = out.get(2);
            assertThat(completed.metadata().join()).isEqualTo(Metadata.COMPLETED);
            assertThat(completed.metadata().missing()).isEmpty();
            assertThat(completed.tenantId()).isEqualTo("acme");
        }
    }

    @Test
    void onlyTheResponsesWhoseWaitIsOverGoOn() throws Exception {
        try (var harness = harness(null)) {
            harness.processElement(record(response("r1", T0, "p1")));
            harness.processElement(record(response("r2", T0.plusSeconds(60), "p1")));
            harness.processWatermark(new Watermark(T0.plus(WAIT).toEpochMilli()));

            assertThat(harness.extractOutputValues())
                    .extracting(EnrichedEvent::eventId)
                    .containsExactly("r1");
            harness.processElement(record(tenantPrompt("p1", T0)));
            List<EnrichedEvent> out = harness.extractOutputValues();
            assertThat(out)
                    .extracting(EnrichedEvent::eventId)
                    .containsExactly("r1", "p1", "r2", "r1");
            assertThat(out.get(2).metadata().join()).isEqualTo(Metadata.JOINED);
            assertThat(out.get(3).metadata().join()).isEqualTo(Metadata.COMPLETED);
        }
    }

    @Test
    void waitingResponsesAndPromptLinksSurviveACheckpointAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = harness(null)) {
            harness.processElement(record(tenantPrompt("p1", T0)));
            harness.processElement(record(response("r2", T0, "p2")));
            snapshot = harness.snapshot(1L, 1L);
        }
        try (var restored = harness(snapshot)) {
            restored.processElement(record(response("r1", T0.plusSeconds(1), "p1")));
            restored.processElement(record(tenantPrompt("p2", T0)));

            List<EnrichedEvent> out = restored.extractOutputValues();
            assertThat(out).extracting(EnrichedEvent::eventId).containsExactly("r1", "p2", "r2");
            assertThat(out.get(0).metadata().join()).isEqualTo(Metadata.JOINED);
            assertThat(out.get(0).tenantId()).isEqualTo("acme");
            assertThat(out.get(2).metadata().join()).isEqualTo(Metadata.JOINED);
            // the restored timer of r2 was deleted with it
            restored.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(restored.extractOutputValues()).hasSize(3);
        }
    }

    @Test
    void sessionsPassUnchanged() throws Exception {
        try (var harness = harness(null)) {
            EnrichedEvent session =
                    new EnrichedEvent(TestEvents.session("s1", T0, "session-1"), null);
            harness.processElement(record(session));
            assertThat(harness.extractOutputValues()).containsExactly(session);
        }
    }

    static EnrichedEvent tenantPrompt(String id, Instant time) {
        InboundEvent prompt = TestEvents.prompt(id, time, "hello there");
        prompt = InboundEvent.of(prompt.prompt().withTenant("acme"), prompt.origin());
        return new EnrichedEvent(prompt, features(7));
    }

    static EnrichedEvent response(String id, Instant time, String promptId) {
        return new EnrichedEvent(TestEvents.response(id, time, promptId, "hi"), features(3));
    }

    static TextFeatures features(int tokens) {
        return new TextFeatures(
                "h",
                5,
                "en",
                0.99,
                tokens,
                "o200k_base",
                "exact",
                null,
                null,
                "none",
                List.of(),
                null);
    }

    private static StreamRecord<EnrichedEvent> record(EnrichedEvent event) {
        return new StreamRecord<>(event, event.event().eventTime().toEpochMilli());
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, EnrichedEvent, EnrichedEvent>
            harness(OperatorSubtaskState restoreFrom) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new PromptResponseJoin(WAIT, RETENTION)),
                        PromptResponseJoin::key,
                        Types.STRING);
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }
}
