package dev.memorygraph.operators.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.mailbox.Mail;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link EmbeddingOperator} in Flink's keyed operator harness, with an embedder whose answers the
 * test gives: one request per distinct text, the cache, answers through the mailbox, waiting events
 * and pending keys across a snapshot and restore, refusals and outages, and watermarks held back.
 */
class EmbeddingOperatorTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @BeforeEach
    void reset() {
        Controlled.REQUESTS.clear();
    }

    @Test
    void identicalTextIsEmbeddedOnceAndCachedAcrossUsersAndSessions() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, EnrichedEvent, EnrichedEvent> h =
                harness()) {
            h.open();
            h.processElement(prompt("a", "reset my password"), 1);
            h.processElement(prompt("b", "reset my password"), 2); // another user, same text
            h.processElement(prompt("c", "what is a vector"), 3);
            assertThat(Controlled.REQUESTS)
                    .extracting(Request::text)
                    .containsExactly("reset my password", "what is a vector");
            assertThat(h.extractOutputValues()).isEmpty();

            Controlled.REQUESTS.get(0).answer.complete(new float[] {1, 0});
            Controlled.REQUESTS.get(1).answer.complete(new float[] {0, 1});
            drain(h);

            List<EnrichedEvent> out = h.extractOutputValues();
            assertThat(out).extracting(EnrichedEvent::eventId).containsExactly("a", "b", "c");
            assertThat(out.get(1).embedding().vector()).containsExactly(1, 0);
            assertThat(out.get(1).embedding().model()).isEqualTo("controlled");
            assertThat(h.extractOutputStreamRecords().get(1).getTimestamp()).isEqualTo(2);

            h.processElement(prompt("d", "reset my password"), 4);
            assertThat(Controlled.REQUESTS).hasSize(2); // from the cache
            assertThat(h.extractOutputValues().get(3).embedding().vector()).containsExactly(1, 0);
        }
    }

    @Test
    void waitingEventsAndPendingKeysSurviveARestoreAndAreAskedForAgain() throws Exception {
        OperatorSubtaskState snapshot;
        try (KeyedOneInputStreamOperatorTestHarness<String, EnrichedEvent, EnrichedEvent> h =
                harness()) {
            h.open();
            h.processElement(prompt("a", "summarise this contract"), 1);
            assertThat(Controlled.REQUESTS).hasSize(1);
            snapshot = h.snapshot(1L, 10L);
            // the old subtask goes away; its late answer changes nothing in the snapshot
            Controlled.REQUESTS.get(0).answer.complete(new float[] {9, 9});
            drain(h);
        }
        Controlled.REQUESTS.clear();
        try (KeyedOneInputStreamOperatorTestHarness<String, EnrichedEvent, EnrichedEvent> h =
                harness()) {
            h.initializeState(snapshot);
            h.open();
            assertThat(Controlled.REQUESTS)
                    .extracting(Request::text)
                    .containsExactly("summarise this contract");
            Controlled.REQUESTS.get(0).answer.complete(new float[] {0.6f, 0.8f});
            drain(h);
            assertThat(h.extractOutputValues())
                    .singleElement()
                    .satisfies(e -> assertThat(e.embedding().vector()).containsExactly(0.6f, 0.8f));
        }
    }

    @Test
    void aRefusedTextOrAnOutageLetsTheEventsGoOnWithoutAVectorAndCachesNothing() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, EnrichedEvent, EnrichedEvent> h =
                harness()) {
            h.open();
            h.processElement(prompt("a", "refused text"), 1);
            h.processElement(prompt("b", "while down"), 2);
            Controlled.REQUESTS
                    .get(0)
                    .answer
                    .completeExceptionally(new Embedder.RejectedTextException("HTTP 400"));
            Controlled.REQUESTS
                    .get(1)
                    .answer
                    .completeExceptionally(new java.io.IOException("unavailable"));
            drain(h);
            assertThat(h.extractOutputValues())
                    .extracting(EnrichedEvent::eventId)
                    .containsExactly("a", "b");
            assertThat(h.extractOutputValues()).allMatch(e -> e.embedding() == null);
            // only the outage is for re-enrichment: a refused text would be refused again
            assertThat(h.extractOutputValues().get(0).metadata()).isNull();
            assertThat(h.extractOutputValues().get(1).metadata().missing())
                    .containsExactly("embedding");

            h.processElement(prompt("c", "while down"), 3);
            assertThat(Controlled.REQUESTS).hasSize(3); // not cached: asked again
            Controlled.REQUESTS.get(2).answer.complete(new float[] {1, 0});
            drain(h);
        }
    }

    @Test
    void aWatermarkWaitsForTheEventsThatArrivedBeforeIt() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, EnrichedEvent, EnrichedEvent> h =
                harness()) {
            h.open();
            h.processElement(prompt("a", "slow text"), 1);
            h.processWatermark(new Watermark(5));
            assertThat(h.getOutput()).isEmpty();

            Controlled.REQUESTS.get(0).answer.complete(new float[] {1, 0});
            drain(h);

            List<Object> out = List.copyOf(h.getOutput());
            assertThat(out).hasSize(2);
            assertThat(out.get(0)).isInstanceOf(StreamRecord.class);
            assertThat(out.get(1)).isEqualTo(new Watermark(5));
            h.processWatermark(new Watermark(6)); // nothing in flight: straight on
            assertThat(h.getOutput()).hasSize(3);
        }
    }

    static KeyedOneInputStreamOperatorTestHarness<String, EnrichedEvent, EnrichedEvent> harness()
            throws Exception {
        EmbeddingOptions options =
                new EmbeddingOptions(
                        new Controlled(), "controlled", 2, false, 2_000, Duration.ofHours(1), 8);
        KeySelector<EnrichedEvent, String> key =
                event -> EmbeddingStage.key("controlled", EmbeddingStage.textOf(event, 2_000));
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new EmbeddingOperatorFactory(options), key, Types.STRING);
    }

    static EnrichedEvent prompt(String id, String text) {
        InboundEvent event = TestEvents.prompt(id, T, text);
        return new EnrichedEvent(event, null, null);
    }

    /** Runs the answers the operator posted to its mailbox, as the task thread would. */
    static void drain(KeyedOneInputStreamOperatorTestHarness<?, ?, ?> h) throws Exception {
        Optional<Mail> mail;
        while ((mail = h.getTaskMailbox().tryTake(TaskMailbox.MIN_PRIORITY)).isPresent()) {
            mail.get().run();
        }
    }

    record Request(String text, CompletableFuture<float[]> answer) {}

    /** An embedder whose answers the test gives, shared through this JVM. */
    static final class Controlled implements Embedder.Factory {
        private static final long serialVersionUID = 1L;
        static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();

        @Override
        public Embedder create() {
            return new Embedder() {
                @Override
                public String model() {
                    return "controlled";
                }

                @Override
                public int dimension() {
                    return 2;
                }

                @Override
                public CompletableFuture<float[]> embed(String text) {
                    CompletableFuture<float[]> answer = new CompletableFuture<>();
                    REQUESTS.add(new Request(text, answer));
                    return answer;
                }

                @Override
                public void close() {}
            };
        }
    }
}
