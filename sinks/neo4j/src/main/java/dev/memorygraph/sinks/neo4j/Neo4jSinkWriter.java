package dev.memorygraph.sinks.neo4j;

import static dev.memorygraph.operators.metrics.MetricNames.LABEL_STORAGE_BACKEND;
import static dev.memorygraph.operators.metrics.MetricNames.STORAGE_WRITES_TOTAL;
import static dev.memorygraph.operators.metrics.MetricNames.STORAGE_WRITE_FAILURES_TOTAL;
import static dev.memorygraph.operators.metrics.MetricNames.STORAGE_WRITE_RETRIES_TOTAL;
import static dev.memorygraph.operators.metrics.MetricNames.WRITE_LATENCY_SECONDS;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.operators.dlq.DeadLetterQueue;
import dev.memorygraph.operators.metrics.DurationHistogram;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.FatalDiscoveryException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of graph mutations to Neo4j, one transaction per batch (see {@link CypherBatch}),
 * with the driver's async API so the task thread never waits on the network.
 *
 * <p>Failures, classified by the driver's own exception types:
 *
 * <ul>
 *   <li>{@link RetryableException} (transient errors such as deadlocks, and lost connections): the
 *       batch is retried after 1 s, 2 s, 4 s (configurable).
 *   <li>Connectivity still failing after the retries, or authentication and unknown-database
 *       errors: the job fails and restarts from its last checkpoint; nothing is dead-lettered for
 *       an outage.
 *   <li>Anything else (the server rejects the data) or transient errors that outlast the retries:
 *       the batch is split in halves, recursively, until the failing mutation is alone; it goes to
 *       the dead-letter queue with {@link ReasonCode#STORE_REJECTED} and the Neo4j error code, and
 *       the rest of the batch is written.
 * </ul>
 *
 * <p>All continuations run on one I/O thread of this writer, never on the driver's event loop.
 * Nothing logged names property values or ids other than event ids.
 */
class Neo4jSinkWriter extends AsyncSinkWriter<GraphMutation, GraphMutation> {

    private static final Logger LOG = LoggerFactory.getLogger(Neo4jSinkWriter.class);

    static final String BACKEND = "neo4j";
    static final String STAGE = "neo4j-sink";

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final TransactionConfig transactionConfig;
    private final Duration initialBackoff;
    private final int maxRetries;
    private final DeadLetterQueue.Writer deadLetters;
    private final ExecutorService io;

    private final DurationHistogram latency;
    private final Counter written;
    private final Counter failed;
    private final Counter retries;

    Neo4jSinkWriter(
            ElementConverter<GraphMutation, GraphMutation> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<GraphMutation>> states,
            Neo4jSink.Settings settings)
            throws IOException {
        super(elementConverter, context, configuration, states);
        this.sessionConfig = SessionConfig.forDatabase(settings.connection().database());
        this.transactionConfig =
                TransactionConfig.builder().withTimeout(settings.transactionTimeout()).build();
        this.initialBackoff = settings.initialBackoff();
        this.maxRetries = settings.maxRetries();
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        this.io =
                Executors.newSingleThreadExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "neo4j-sink-io-" + subtask);
                            thread.setDaemon(true);
                            return thread;
                        });
        this.driver = settings.connection().createDriver();
        try {
            if (settings.bootstrapSchema()) {
                GraphSchema.apply(driver, settings.connection().database(), Duration.ofMinutes(5));
            }
            this.deadLetters = settings.deadLetterQueue().open();
        } catch (InterruptedException e) {
            driver.close();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while creating the graph schema", e);
        } catch (IOException | RuntimeException e) {
            driver.close();
            io.shutdownNow();
            throw e;
        }
        MetricGroup metrics = context.metricGroup().addGroup(LABEL_STORAGE_BACKEND, BACKEND);
        this.latency = metrics.histogram(WRITE_LATENCY_SECONDS, new DurationHistogram(1024));
        this.written = metrics.counter(STORAGE_WRITES_TOTAL);
        this.failed = metrics.counter(STORAGE_WRITE_FAILURES_TOTAL);
        this.retries = metrics.counter(STORAGE_WRITE_RETRIES_TOTAL);
    }

    @Override
    protected void submitRequestEntries(
            List<GraphMutation> entries, ResultHandler<GraphMutation> handler) {
        attempt(List.copyOf(entries), 0)
                .whenComplete(
                        (ignored, error) -> {
                            if (error == null) {
                                handler.complete();
                            } else {
                                handler.completeExceptionally(asException(unwrap(error)));
                            }
                        });
    }

    /** Writes {@code batch}; completes when every mutation is written or dead-lettered. */
    private CompletableFuture<Void> attempt(List<GraphMutation> batch, int retry) {
        long start = System.nanoTime();
        return commit(batch)
                .toCompletableFuture()
                .handleAsync(
                        (ignored, error) -> {
                            if (error == null) {
                                latency.recordSince(start);
                                written.inc(batch.size());
                                return CompletableFuture.<Void>completedFuture(null);
                            }
                            return recover(batch, retry, unwrap(error));
                        },
                        io)
                .thenCompose(next -> next);
    }

    private CompletableFuture<Void> recover(List<GraphMutation> batch, int retry, Throwable error) {
        if (isFatal(error)) {
            return CompletableFuture.failedFuture(error);
        }
        if (error instanceof RetryableException && retry < maxRetries) {
            long delay = initialBackoff.toMillis() << retry;
            retries.inc();
            LOG.info(
                    "Neo4j write of {} mutations failed ({}), retry {} of {} in {} ms",
                    batch.size(),
                    errorCode(error),
                    retry + 1,
                    maxRetries,
                    delay);
            Executor delayed = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, io);
            return CompletableFuture.supplyAsync(() -> attempt(batch, retry + 1), delayed)
                    .thenCompose(next -> next);
        }
        if (isConnectivity(error)) {
            return CompletableFuture.failedFuture(
                    new IOException(
                            "Neo4j unreachable after "
                                    + maxRetries
                                    + " retries: "
                                    + errorCode(error),
                            error));
        }
        if (batch.size() == 1) {
            return deadLetter(batch.get(0), error);
        }
        int half = batch.size() / 2;
        List<GraphMutation> left = batch.subList(0, half);
        List<GraphMutation> right = batch.subList(half, batch.size());
        LOG.info(
                "Neo4j rejected a batch of {} mutations ({}); splitting it to isolate the cause",
                batch.size(),
                errorCode(error));
        return attempt(left, 0).thenCompose(ignored -> attempt(right, 0));
    }

    private CompletableFuture<Void> deadLetter(GraphMutation mutation, Throwable error) {
        String code = errorCode(error);
        LOG.warn(
                "Neo4j rejected a {} mutation of event {} ({}); sent to the dead-letter queue",
                mutation.kind(),
                mutation.sourceEventId(),
                code);
        try {
            deadLetters.send(
                    new DeadLetter(
                            ReasonCode.STORE_REJECTED,
                            "Neo4j rejected the mutation: " + code,
                            STAGE,
                            null,
                            -1,
                            -1L,
                            -1L,
                            Instant.now(),
                            mutation.sourceEventId() == null
                                    ? null
                                    : mutation.sourceEventId()
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            GraphMutationJson.toJson(mutation)));
            failed.inc();
            return CompletableFuture.completedFuture(null);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletionStage<Void> commit(List<GraphMutation> batch) {
        List<CypherBatch.Statement> statements = CypherBatch.plan(batch);
        AsyncSession session;
        try {
            session = driver.session(AsyncSession.class, sessionConfig);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return session.executeWriteAsync(tx -> runAll(tx, statements), transactionConfig)
                .handle(
                        (ignored, error) ->
                                session.closeAsync()
                                        .handle(
                                                (closed, closeError) -> {
                                                    if (error != null) {
                                                        throw new CompletionException(
                                                                unwrap(error));
                                                    }
                                                    return (Void) null;
                                                }))
                .thenCompose(next -> next);
    }

    /** Runs the statements one after another in the transaction. */
    static CompletionStage<Void> runAll(
            AsyncTransactionContext tx, List<CypherBatch.Statement> statements) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (CypherBatch.Statement statement : statements) {
            chain =
                    chain.thenCompose(
                            ignored ->
                                    tx.runAsync(statement.query(), statement.parameters())
                                            .thenCompose(ResultCursor::consumeAsync)
                                            .thenApply(summary -> (Void) null));
        }
        return chain;
    }

    @Override
    protected long getSizeInBytes(GraphMutation mutation) {
        return GraphMutationJson.estimateSize(mutation);
    }

    /** Waits for in-flight batches (and, at end of input, the buffer), then for dead letters. */
    @Override
    public void flush(boolean flush) throws InterruptedException {
        super.flush(flush);
        try {
            deadLetters.flush();
        } catch (IOException e) {
            getFatalExceptionCons().accept(e);
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            io.shutdownNow();
            driver.close();
            try {
                deadLetters.close();
            } catch (IOException e) {
                LOG.warn("Closing the dead-letter writer failed", e);
            }
        }
    }

    static boolean isFatal(Throwable error) {
        return error instanceof AuthenticationException
                || error instanceof SecurityException
                || error instanceof FatalDiscoveryException;
    }

    static boolean isConnectivity(Throwable error) {
        return error instanceof ServiceUnavailableException
                || error instanceof SessionExpiredException;
    }

    /** The Neo4j status code, or the exception class: never the message, which may quote data. */
    static String errorCode(Throwable error) {
        if (error instanceof Neo4jException neo4j
                && neo4j.code() != null
                && !neo4j.code().isEmpty()) {
            return neo4j.code();
        }
        return error.getClass().getName();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Exception asException(Throwable t) {
        return t instanceof Exception e ? e : new IOException("Neo4j write failed", t);
    }
}
