package dev.memorygraph.sinks.neo4j.internal;

import dev.memorygraph.core.metrics.MetricNames;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.sinks.base.BatchClient;
import dev.memorygraph.sinks.neo4j.CypherBatch;
import dev.memorygraph.sinks.neo4j.GraphSchema;
import dev.memorygraph.sinks.neo4j.Neo4jConnection;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.summary.ResultSummary;

/**
 * One batch of mutations as one Neo4j transaction of {@link CypherBatch} statements, on the
 * driver's async API. The driver's own transaction retries are off (see {@link
 * Neo4jConnection#createDriver}): failures go back to the sink writer's classifier as they are.
 */
@Internal
public final class Neo4jBatchClient implements BatchClient<GraphMutation> {

    public static final String CACHE_LAYER = "neo4j-reference";

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final TransactionConfig transactionConfig;
    private final ReferenceWriteCache written;
    private final boolean transactionPerStatement;

    Neo4jBatchClient(
            Driver driver,
            String database,
            Duration transactionTimeout,
            ReferenceWriteCache written,
            boolean transactionPerStatement) {
        this.driver = driver;
        this.written = written;
        this.transactionPerStatement = transactionPerStatement;
        this.sessionConfig = SessionConfig.forDatabase(database);
        this.transactionConfig =
                TransactionConfig.builder().withTimeout(transactionTimeout).build();
    }

    /** Creates clients where the writer runs: the driver and its pool are not serializable. */
    @FunctionalInterface
    public interface Factory extends Serializable {
        BatchClient<GraphMutation> create() throws IOException;
    }

    /** The production factory: a driver for {@code connection}, the schema applied if asked. */
    public static Factory factory(
            Neo4jConnection connection,
            Duration transactionTimeout,
            boolean bootstrapSchema,
            int referenceCacheEntries,
            boolean transactionPerStatement) {
        return () -> {
            Driver driver = connection.createDriver();
            try {
                if (bootstrapSchema) {
                    GraphSchema.apply(driver, connection.database(), Duration.ofMinutes(5));
                }
                return new Neo4jBatchClient(
                        driver,
                        connection.database(),
                        transactionTimeout,
                        new ReferenceWriteCache(referenceCacheEntries),
                        transactionPerStatement);
            } catch (InterruptedException e) {
                driver.close();
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while creating the graph schema", e);
            } catch (RuntimeException e) {
                driver.close();
                throw e;
            }
        };
    }

    @Override
    public CompletionStage<List<ItemFailure<GraphMutation>>> write(List<GraphMutation> batch) {
        List<GraphMutation> toWrite = written.unwritten(batch);
        if (toWrite.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<CypherBatch.Statement> statements = CypherBatch.plan(toWrite);
        AsyncSession session = driver.session(AsyncSession.class, sessionConfig);
        CompletionStage<Void> transactions;
        if (transactionPerStatement) {
            // One statement, so one label or relationship type, per transaction: its locks are
            // taken in one pass sorted by id, the order every session writer takes them in too.
            transactions = CompletableFuture.completedFuture(null);
            for (CypherBatch.Statement statement : statements) {
                transactions =
                        transactions.thenCompose(
                                ignored ->
                                        session.executeWriteAsync(
                                                tx -> runAll(tx, List.of(statement)),
                                                transactionConfig));
            }
        } else {
            transactions =
                    session.executeWriteAsync(tx -> runAll(tx, statements), transactionConfig);
        }
        return transactions
                .handle(
                        (ignored, error) ->
                                session.closeAsync()
                                        .handle(
                                                (closed, closeError) -> {
                                                    if (error != null) {
                                                        throw error instanceof CompletionException c
                                                                ? c
                                                                : new CompletionException(error);
                                                    }
                                                    written.committed(toWrite);
                                                    return List.<ItemFailure<GraphMutation>>of();
                                                }))
                .thenCompose(next -> next);
    }

    /**
     * Runs the statements in the transaction without waiting for each other: the driver sends them
     * on the connection as one pipelined stream (RUN and PULL of every statement, then COMMIT once
     * all are consumed), so a batch costs about two round trips instead of one per statement. The
     * server runs them in the order sent. When one fails, the ones after it are not run; the
     * failure reported is the first in statement order, the one that caused the others.
     */
    public static CompletionStage<Void> runAll(
            AsyncTransactionContext tx, List<CypherBatch.Statement> statements) {
        List<CompletableFuture<ResultSummary>> results = new ArrayList<>(statements.size());
        for (CypherBatch.Statement statement : statements) {
            results.add(
                    tx.runAsync(statement.query(), statement.parameters())
                            .thenCompose(ResultCursor::consumeAsync)
                            .toCompletableFuture());
        }
        return CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0]))
                .handle(
                        (ignored, error) -> {
                            if (error == null) {
                                return null;
                            }
                            for (CompletableFuture<ResultSummary> result : results) {
                                if (result.isCompletedExceptionally()) {
                                    result.join(); // throws its CompletionException
                                }
                            }
                            throw error instanceof CompletionException c
                                    ? c
                                    : new CompletionException(error);
                        });
    }

    /**
     * {@code cache_hit_rate{layer="neo4j-reference"}}: the share of reference mutations that were
     * already written unchanged and so were not sent; {@code storage_writes_skipped} counts them.
     */
    @Override
    public void registerMetrics(MetricGroup operator) {
        operator.addGroup(MetricNames.LABEL_LAYER, CACHE_LAYER)
                .gauge(MetricNames.CACHE_HIT_RATE, (Gauge<Double>) written::hitRate);
        operator.addGroup(MetricNames.LABEL_STORAGE_BACKEND, Neo4jSinkWriter.BACKEND)
                .gauge(MetricNames.STORAGE_WRITES_SKIPPED, (Gauge<Long>) written::skipped);
    }

    @Override
    public void close() {
        driver.close();
    }
}
