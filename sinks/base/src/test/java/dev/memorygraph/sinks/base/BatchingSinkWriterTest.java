package dev.memorygraph.sinks.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.Reconciliation;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import dev.memorygraph.sinks.testing.TestingReconciliationQueue;
import dev.memorygraph.sinks.testing.TestingWriterInitContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.util.FlinkRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchingSinkWriterTest {

    private static final RetryPolicy FAST =
            RetryPolicy.of("test.retry", Duration.ofMillis(1), 2.0, Duration.ofMillis(4), 3, 0.0);
    private static final RetryPolicy FAST_CONTENTION =
            RetryPolicy.of(
                    "test.contention", Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 5, 0.5);

    private final TestingDeadLetterQueue deadLetters = new TestingDeadLetterQueue("dlq-" + this);
    private final TestingReconciliationQueue reconciliation =
            new TestingReconciliationQueue("rec-" + this);
    private final ScriptedClient client = new ScriptedClient();
    private StringWriter writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    void retriesTransientFailuresUntilTheBatchIsWritten() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        client.answer = batch -> calls.incrementAndGet() <= 2 ? failed(new Transient()) : ok();
        writer = writer(RetriesExhausted.FAIL);

        write("a", "b", "c");
        writer.flush(true);

        assertThat(client.written).containsExactly("a", "b", "c");
        assertThat(deadLetters.sent()).isEmpty();
        assertThat(writer.metrics().retryCount(WriteOutcome.RETRY)).isEqualTo(2);
        assertThat(writer.metrics().writtenCount()).isEqualTo(3);
    }

    @Test
    void transientFailuresThatOutlastTheRetriesFailTheJobAndDeadLetterNothing() throws Exception {
        client.answer = batch -> failed(new Transient());
        writer = writer(RetriesExhausted.FAIL);

        write("a", "b", "c");

        assertThatThrownBy(() -> writer.flush(true))
                .hasStackTraceContaining("still failing after 3 retries (transient-code)");
        assertThat(deadLetters.sent()).isEmpty();
        assertThat(client.calls.get()).isEqualTo(4);
    }

    @Test
    void transientFailuresThatOutlastTheRetriesAreReconciledWhenAsked() throws Exception {
        client.answer = batch -> batch.contains("b") ? failed(new Transient()) : ok();
        writer = writer(RetriesExhausted.RECONCILE);

        write("a", "b", "c");
        writer.flush(true);

        assertThat(deadLetters.sent()).isEmpty();
        assertThat(reconciliation.durable())
                .extracting(Reconciliation::entityId)
                .containsExactly("a", "b", "c");
        Reconciliation first = reconciliation.durable().get(0);
        assertThat(first.store()).isEqualTo("test");
        assertThat(first.stage()).isEqualTo("test-sink");
        assertThat(first.operation()).isEqualTo("write");
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.errorCode()).isEqualTo("transient-code");
        assertThat(first.format()).isEqualTo("test-string/1");
        assertThat(CODEC.decode(first.payload())).isEqualTo("a");
        assertThat(first.firstFailure()).isEqualTo(first.failedAt());
        assertThat(first.run()).isNull();
        assertThat(writer.metrics().reconciledCount()).isEqualTo(3);
    }

    @Test
    void contentionIsRetriedOnItsOwnSchedule() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        client.answer = batch -> calls.incrementAndGet() <= 4 ? failed(new Contention()) : ok();
        writer = writer(RetriesExhausted.FAIL);

        write("a");
        writer.flush(true);

        // Four contention retries: more than the transient schedule's three would allow.
        assertThat(client.written).containsExactly("a");
        assertThat(writer.metrics().retryCount(WriteOutcome.RETRY_CONTENTION)).isEqualTo(4);
        assertThat(writer.metrics().retryCount(WriteOutcome.RETRY)).isZero();
    }

    @Test
    void isolatesAPoisonEntryBySplittingAndWritesTheRestInOrder() throws Exception {
        client.answer = batch -> batch.contains("poison") ? failed(new Poison()) : ok();
        writer = writer(RetriesExhausted.FAIL);

        write("a", "b", "c", "poison", "d", "e", "f");
        writer.flush(true);

        assertThat(client.written).containsExactly("a", "b", "c", "d", "e", "f");
        List<DeadLetter> letters = deadLetters.durable();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).reason()).isEqualTo(ReasonCode.STORE_REJECTED);
        assertThat(letters.get(0).message()).isEqualTo("test rejected the write: poison-code");
        assertThat(letters.get(0).stage()).isEqualTo("test-sink");
        assertThat(keys(letters)).containsExactly("poison");
        assertThat(writer.metrics().deadLetteredCount()).isEqualTo(1);
    }

    @Test
    void perItemFailuresAreDeadLetteredOrRetriedOneByOne() throws Exception {
        client.itemResults = true;
        AtomicInteger flaky = new AtomicInteger();
        client.answer =
                batch -> {
                    List<BatchClient.ItemFailure<String>> failures = new ArrayList<>();
                    for (String entry : batch) {
                        if (entry.equals("poison")) {
                            failures.add(new BatchClient.ItemFailure<>(entry, new Poison()));
                        } else if (entry.equals("flaky") && flaky.incrementAndGet() == 1) {
                            failures.add(new BatchClient.ItemFailure<>(entry, new Transient()));
                        }
                    }
                    List<String> accepted = new ArrayList<>(batch);
                    failures.forEach(f -> accepted.remove(f.entry()));
                    client.written.addAll(accepted);
                    return CompletableFuture.completedFuture(failures);
                };
        writer = writer(RetriesExhausted.FAIL);

        write("a", "poison", "flaky", "b");
        writer.flush(true);

        assertThat(client.written).containsExactly("a", "b", "flaky");
        assertThat(keys(deadLetters.durable())).containsExactly("poison");
        assertThat(writer.metrics().retryCount(WriteOutcome.RETRY)).isEqualTo(1);
    }

    @Test
    void aFatalFailureFailsTheJobWithItsCode() throws Exception {
        client.answer = batch -> failed(new Fatal());
        writer = writer(RetriesExhausted.FAIL);

        write("a");

        assertThatThrownBy(() -> writer.flush(true))
                .hasStackTraceContaining("test cannot be written (fatal-code)");
        assertThat(client.calls.get()).isEqualTo(1);
        assertThat(deadLetters.sent()).isEmpty();
    }

    @Test
    void anEntryOverTheRecordLimitIsDeadLetteredInsteadOfFailingTheWrite() throws Exception {
        client.answer = batch -> ok();
        writer = writer(RetriesExhausted.FAIL);

        write("a", "x".repeat(101), "b");
        writer.flush(true);

        assertThat(client.written).containsExactly("a", "b");
        List<DeadLetter> letters = deadLetters.durable();
        assertThat(letters)
                .extracting(DeadLetter::reason)
                .containsExactly(ReasonCode.WRITE_TOO_LARGE);
        assertThat(letters.get(0).message())
                .isEqualTo("Write of 101 bytes exceeds the test record limit of 100 bytes");
    }

    @Test
    void aDeadLetterThatCannotBeMadeDurableFailsTheCheckpoint() throws Exception {
        client.answer = batch -> batch.contains("poison") ? failed(new Poison()) : ok();
        writer = writer(RetriesExhausted.FAIL);
        deadLetters.failFlushes(true);

        // A full batch (10) is sent as soon as it is buffered.
        write("a", "poison", "b", "c", "d", "e", "f", "g", "h", "i");

        // flush(false) is what a checkpoint's pre-barrier flush calls.
        assertThatThrownBy(() -> writer.flush(false))
                .isInstanceOf(FlinkRuntimeException.class)
                .hasMessageContaining("failing the checkpoint");
        assertThat(deadLetters.sent()).hasSize(1);
        assertThat(deadLetters.durable()).isEmpty();
    }

    @Test
    void theRetryPolicyIsValidatedWithTheKeyInTheMessage() {
        assertThatThrownBy(
                        () ->
                                RetryPolicy.of(
                                        "neo4j.retry",
                                        Duration.ofSeconds(2),
                                        2.0,
                                        Duration.ofSeconds(1),
                                        3,
                                        0))
                .hasMessage(
                        "Invalid value 'PT1S' for neo4j.retry.max-backoff: must be >="
                                + " neo4j.retry.initial-backoff");
        assertThatThrownBy(() -> RetryPolicy.of("x", Duration.ZERO, 0.5, Duration.ZERO, 3, 0))
                .hasMessageContaining("x.multiplier");
        assertThatThrownBy(() -> RetryPolicy.of("x", Duration.ZERO, 1, Duration.ZERO, 3, 1.5))
                .hasMessageContaining("x.jitter");
        assertThat(RetryPolicy.SPEC_DEFAULT.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.SPEC_DEFAULT.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.SPEC_DEFAULT.delay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryPolicy.SPEC_DEFAULT.canRetry(3)).isFalse();
        assertThat(RetryPolicy.SPEC_DEFAULT.maxTotalDelay()).isEqualTo(Duration.ofSeconds(7));
        for (int i = 0; i < 100; i++) {
            assertThat(FAST_CONTENTION.delay(0)).isBetween(Duration.ZERO, Duration.ofMillis(1));
        }
    }

    @Test
    void reconcileWithoutAQueueIsRefused() {
        assertThatThrownBy(
                        () ->
                                new SinkErrorHandling(
                                        "test",
                                        "test-sink",
                                        FAST,
                                        FAST_CONTENTION,
                                        RetriesExhausted.RECONCILE,
                                        deadLetters,
                                        null))
                .hasMessageContaining("test.on-retries-exhausted is RECONCILE");
    }

    private void write(String... entries) throws Exception {
        for (String entry : entries) {
            writer.write(entry, null);
        }
    }

    private StringWriter writer(RetriesExhausted onExhausted) throws IOException {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(10)
                        .setMaxBatchSizeInBytes(1_000)
                        .setMaxInFlightRequests(1)
                        .setMaxBufferedRequests(100)
                        .setMaxTimeInBufferMS(60_000)
                        .setMaxRecordSizeInBytes(100)
                        .setRequestTimeoutMS(60_000)
                        .setFailOnTimeout(true)
                        .build();
        return new StringWriter(
                configuration,
                client,
                new SinkErrorHandling(
                        "test",
                        "test-sink",
                        FAST,
                        FAST_CONTENTION,
                        onExhausted,
                        deadLetters,
                        onExhausted == RetriesExhausted.RECONCILE ? reconciliation : null));
    }

    private static List<String> keys(List<DeadLetter> letters) {
        return letters.stream().map(l -> new String(l.key(), StandardCharsets.UTF_8)).toList();
    }

    private static CompletionStage<List<BatchClient.ItemFailure<String>>> failed(Exception e) {
        return CompletableFuture.failedFuture(e);
    }

    private CompletionStage<List<BatchClient.ItemFailure<String>>> ok() {
        return CompletableFuture.completedFuture(List.of());
    }

    /** A store whose answer to each batch the test scripts; records what it accepted. */
    private static final class ScriptedClient implements BatchClient<String> {
        final List<String> written = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger calls = new AtomicInteger();
        volatile Function<List<String>, CompletionStage<List<ItemFailure<String>>>> answer;
        volatile boolean itemResults;

        @Override
        public CompletionStage<List<ItemFailure<String>>> write(List<String> batch) {
            calls.incrementAndGet();
            CompletionStage<List<ItemFailure<String>>> result = answer.apply(batch);
            if (!itemResults) {
                result =
                        result.thenApply(
                                failures -> {
                                    written.addAll(batch);
                                    return failures;
                                });
            }
            return result;
        }

        @Override
        public void close() {}
    }

    private static final class Transient extends RuntimeException {}

    private static final class Contention extends RuntimeException {}

    private static final class Poison extends RuntimeException {}

    private static final class Fatal extends RuntimeException {}

    private static final FailureClassifier CLASSIFIER =
            error -> {
                if (error instanceof Transient) {
                    return Classification.retry("transient-code");
                }
                if (error instanceof Contention) {
                    return Classification.retryContention("contention-code");
                }
                if (error instanceof Poison) {
                    return Classification.reject("poison-code");
                }
                return Classification.fail("fatal-code");
            };

    private static final EntryCodec<String> CODEC =
            new EntryCodec<>() {
                @Override
                public String format() {
                    return "test-string";
                }

                @Override
                public int version() {
                    return 1;
                }

                @Override
                public String operation() {
                    return "write";
                }

                @Override
                public void write(String entry, java.io.DataOutputStream out) throws IOException {
                    out.writeUTF(entry);
                }

                @Override
                public String read(java.io.DataInputStream in) throws IOException {
                    return in.readUTF();
                }
            };

    /** The smallest concrete writer: strings, one byte per character. */
    private static final class StringWriter extends BatchingSinkWriter<String, String> {
        StringWriter(
                AsyncSinkWriterConfiguration configuration,
                BatchClient<String> client,
                SinkErrorHandling handling)
                throws IOException {
            super(
                    (ElementConverter<String, String>) (element, context) -> element,
                    new TestingWriterInitContext(),
                    configuration,
                    List.of(),
                    client,
                    CLASSIFIER,
                    CODEC,
                    handling);
        }

        @Override
        protected long getSizeInBytes(String entry) {
            return entry.length();
        }

        @Override
        protected DeadLetter toDeadLetter(String entry, ReasonCode reason, String message) {
            return new DeadLetter(
                    reason,
                    message,
                    "test-sink",
                    null,
                    -1,
                    -1L,
                    -1L,
                    Instant.EPOCH,
                    entry.getBytes(StandardCharsets.UTF_8),
                    entry.getBytes(StandardCharsets.UTF_8));
        }
    }
}
