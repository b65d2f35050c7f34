package dev.memorygraph.sinks.neo4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.NodeLabel;
import dev.memorygraph.sinks.base.BatchClient;
import dev.memorygraph.sinks.base.RetriesExhausted;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import dev.memorygraph.sinks.testing.TestingWriterInitContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

/** The Neo4j writer on a fake client: what Neo4j's failures turn into, without a server. */
class Neo4jSinkWriterTest {

    private static final RetryPolicy FAST =
            RetryPolicy.of("t", Duration.ofMillis(1), 2.0, Duration.ofMillis(4), 3, 0.0);

    private final TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("neo4j-writer");
    private final List<GraphMutation> written = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aConstraintViolationDeadLettersOnlyTheMutationThatCausedIt() throws Exception {
        try (Neo4jSinkWriter writer =
                writer(
                        batch ->
                                batch.stream().anyMatch(m -> m.id().equals("bad"))
                                        ? CompletableFuture.failedFuture(
                                                new ClientException(
                                                        "Neo.ClientError.Schema.ConstraintValidationFailed",
                                                        "Node(1) already exists with id 'bad'"))
                                        : accept(batch))) {
            writer.write(node("a", "e1"), null);
            writer.write(node("bad", "e2"), null);
            writer.write(node("c", "e3"), null);
            writer.flush(true);
        }

        assertThat(written).extracting(GraphMutation::id).containsExactly("a", "c");
        List<DeadLetter> letters = dlq.durable();
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.reason()).isEqualTo(ReasonCode.STORE_REJECTED);
        assertThat(letter.stage()).isEqualTo("neo4j-sink");
        assertThat(letter.message())
                .isEqualTo(
                        "neo4j rejected the write:"
                                + " Neo.ClientError.Schema.ConstraintValidationFailed");
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("e2");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8))
                .contains("\"label\":\"Prompt\"", "\"id\":\"bad\"");
    }

    @Test
    void deadlocksAreRetriedAndNothingIsDeadLettered() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Neo4jSinkWriter writer =
                writer(
                        batch ->
                                calls.incrementAndGet() <= 3
                                        ? CompletableFuture.failedFuture(
                                                new TransientException(
                                                        "Neo.TransientError.Transaction.DeadlockDetected",
                                                        "cycle"))
                                        : accept(batch))) {
            writer.write(node("a", "e1"), null);
            writer.flush(true);
        }

        assertThat(written).extracting(GraphMutation::id).containsExactly("a");
        assertThat(dlq.sent()).isEmpty();
    }

    @Test
    void aMutationOverTheRecordLimitIsDeadLetteredAndTheJobGoesOn() throws Exception {
        try (Neo4jSinkWriter writer = writer(this::accept)) {
            writer.write(
                    GraphMutation.node(
                            NodeLabel.PROMPT, "huge", Map.of("text", "x".repeat(5_000)), "e9"),
                    null);
            writer.write(node("a", "e1"), null);
            writer.flush(true);
        }

        assertThat(written).extracting(GraphMutation::id).containsExactly("a");
        assertThat(dlq.durable())
                .extracting(DeadLetter::reason)
                .containsExactly(ReasonCode.WRITE_TOO_LARGE);
    }

    @Test
    void transientErrorsThatOutlastTheRetriesFailTheJob() throws Exception {
        Neo4jSinkWriter writer =
                writer(
                        batch ->
                                CompletableFuture.failedFuture(
                                        new TransientException(
                                                "Neo.TransientError.General.DatabaseUnavailable",
                                                "down")));
        try {
            writer.write(node("a", "e1"), null);
            assertThatThrownBy(() -> writer.flush(true))
                    .hasStackTraceContaining(
                            "neo4j still failing after 3 retries"
                                    + " (Neo.TransientError.General.DatabaseUnavailable)");
            assertThat(dlq.sent()).isEmpty();
        } finally {
            writer.close();
        }
    }

    private CompletionStage<List<BatchClient.ItemFailure<GraphMutation>>> accept(
            List<GraphMutation> batch) {
        written.addAll(batch);
        return CompletableFuture.completedFuture(List.of());
    }

    private static GraphMutation node(String id, String eventId) {
        return GraphMutation.node(NodeLabel.PROMPT, id, Map.of("text", "t"), eventId);
    }

    private Neo4jSinkWriter writer(
            java.util.function.Function<
                            List<GraphMutation>,
                            CompletionStage<List<BatchClient.ItemFailure<GraphMutation>>>>
                    answer)
            throws Exception {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(100)
                        .setMaxBatchSizeInBytes(1_000_000)
                        .setMaxInFlightRequests(1)
                        .setMaxBufferedRequests(1_000)
                        .setMaxTimeInBufferMS(60_000)
                        .setMaxRecordSizeInBytes(1_000)
                        .setRequestTimeoutMS(60_000)
                        .setFailOnTimeout(true)
                        .build();
        BatchClient<GraphMutation> client =
                new BatchClient<>() {
                    @Override
                    public CompletionStage<List<ItemFailure<GraphMutation>>> write(
                            List<GraphMutation> batch) {
                        return answer.apply(batch);
                    }

                    @Override
                    public void close() {}
                };
        return new Neo4jSinkWriter(
                (ElementConverter<GraphMutation, GraphMutation>) (m, context) -> m,
                new TestingWriterInitContext(),
                configuration,
                List.of(),
                client,
                new Neo4jSinkStateSerializer(),
                new SinkErrorHandling(
                        Neo4jSinkWriter.BACKEND,
                        Neo4jSinkWriter.STAGE,
                        FAST,
                        FAST,
                        RetriesExhausted.FAIL,
                        dlq,
                        null));
    }
}
