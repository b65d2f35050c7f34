package dev.memorygraph.sinks.neo4j;

import dev.memorygraph.core.dlq.DeadLetterQueue;
import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.sinks.base.RetriesExhausted;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import dev.memorygraph.sinks.neo4j.internal.Neo4jBatchClient;
import dev.memorygraph.sinks.neo4j.internal.Neo4jSinkStateSerializer;
import dev.memorygraph.sinks.neo4j.internal.Neo4jSinkWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.AsyncSinkBaseBuilder;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.Preconditions;

/**
 * A Flink sink (Sink V2, on {@link AsyncSinkBase}) that applies {@link GraphMutation}s to Neo4j.
 *
 * <p><b>Delivery: at-least-once, made effectively-once by idempotent writes.</b> Mutations are
 * buffered and written in batches of up to {@code neo4j.batch.max-size} (1,000) or after {@code
 * neo4j.batch.max-time} (100 ms), one transaction per batch of {@code UNWIND $rows ... MERGE}
 * statements (see {@link CypherBatch}). A checkpoint waits for the in-flight batch and stores the
 * buffer in state, end of input drains it, and every statement is an idempotent MERGE, so a replay
 * leaves the graph as it was. Retries, poison isolation and dead letters are those of {@link
 * dev.memorygraph.sinks.base.BatchingSinkWriter}. The schema ({@link GraphSchema}) is created when
 * a writer starts.
 *
 * <pre>{@code
 * mutations.sinkTo(Neo4jSink.builder()
 *         .fromConfig(config)
 *         .setDeadLetterQueue(KafkaDeadLetterQueue.fromConfig(config))
 *         .build());
 * }</pre>
 */
public class Neo4jSink extends AsyncSinkBase<GraphMutation, GraphMutation> {

    private static final long serialVersionUID = 1L;

    private final Neo4jBatchClient.Factory clientFactory;
    private final SinkErrorHandling errorHandling;

    private Neo4jSink(
            int maxBatchSize,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMs,
            long maxRecordSizeInBytes,
            long requestTimeoutMs,
            Neo4jBatchClient.Factory clientFactory,
            SinkErrorHandling errorHandling) {
        super(
                (ElementConverter<GraphMutation, GraphMutation>) (mutation, context) -> mutation,
                maxBatchSize,
                1,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBufferMs,
                maxRecordSizeInBytes,
                requestTimeoutMs,
                true);
        this.clientFactory = clientFactory;
        this.errorHandling = errorHandling;
    }

    /** A builder with the defaults of {@link Neo4jOptions}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StatefulSinkWriter<GraphMutation, BufferedRequestState<GraphMutation>> createWriter(
            WriterInitContext context) throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<GraphMutation, BufferedRequestState<GraphMutation>> restoreWriter(
            WriterInitContext context,
            Collection<BufferedRequestState<GraphMutation>> recoveredState)
            throws IOException {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .setRequestTimeoutMS(getRequestTimeoutMS())
                        .setFailOnTimeout(getFailOnTimeout())
                        .build();
        return new Neo4jSinkWriter(
                getElementConverter(),
                context,
                configuration,
                recoveredState,
                clientFactory.create(),
                errorHandling);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<GraphMutation>>
            getWriterStateSerializer() {
        return new Neo4jSinkStateSerializer();
    }

    /**
     * Builds a {@link Neo4jSink} and validates every setting when {@link #build} is called.
     * Defaults (those of {@link Neo4jOptions}): batches of 1,000 mutations, 64 MiB or 100 ms;
     * 10,000 buffered; 16 MiB per mutation; one batch in flight (enforced); transient retries after
     * 1 s, 2 s, 4 s; contention retries from 20 ms, jittered; {@link RetriesExhausted#FAIL}; 60 s
     * transaction timeout; 10 min request timeout; schema bootstrap on.
     */
    public static final class Builder
            extends AsyncSinkBaseBuilder<GraphMutation, GraphMutation, Builder> {

        private Neo4jConnection connection;
        private Neo4jBatchClient.Factory clientFactory;
        private DeadLetterQueue deadLetterQueue;
        private DeadLetterQueue reconciliationQueue;
        private RetryPolicy retries = RetryPolicy.SPEC_DEFAULT;
        private RetryPolicy contentionRetries = SinkErrorHandling.DEFAULT_CONTENTION_RETRIES;
        private RetriesExhausted onRetriesExhausted =
                Neo4jOptions.ON_RETRIES_EXHAUSTED.defaultValue();
        private Duration transactionTimeout = Neo4jOptions.TRANSACTION_TIMEOUT.defaultValue();
        private Duration requestTimeout = Neo4jOptions.REQUEST_TIMEOUT.defaultValue();
        private boolean bootstrapSchema = true;
        private int referenceCacheEntries = Neo4jOptions.REFERENCE_CACHE_MAX_ENTRIES.defaultValue();
        private boolean transactionPerStatement;

        private Builder() {
            setMaxBatchSize(Neo4jOptions.BATCH_MAX_SIZE.defaultValue());
            setMaxBufferedRequests(Neo4jOptions.BUFFER_MAX_MUTATIONS.defaultValue());
            setMaxBatchSizeInBytes(Neo4jOptions.BATCH_MAX_BYTES.defaultValue().getBytes());
            setMaxRecordSizeInBytes(Neo4jOptions.RECORD_MAX_BYTES.defaultValue().getBytes());
            setMaxTimeInBufferMS(Neo4jOptions.BATCH_MAX_TIME.defaultValue().toMillis());
            super.setMaxInFlightRequests(1);
        }

        /** Every {@code neo4j.*} option from a Flink configuration ({@code neo4j.uri} required). */
        public Builder fromConfig(ReadableConfig config) {
            this.connection = Neo4jConnection.fromConfig(config);
            setMaxBatchSize(config.get(Neo4jOptions.BATCH_MAX_SIZE));
            setMaxBufferedRequests(config.get(Neo4jOptions.BUFFER_MAX_MUTATIONS));
            setMaxBatchSizeInBytes(config.get(Neo4jOptions.BATCH_MAX_BYTES).getBytes());
            setMaxRecordSizeInBytes(config.get(Neo4jOptions.RECORD_MAX_BYTES).getBytes());
            setMaxTimeInBufferMS(config.get(Neo4jOptions.BATCH_MAX_TIME).toMillis());
            this.retries = Neo4jOptions.RETRY.read(config);
            this.contentionRetries = Neo4jOptions.CONTENTION_RETRY.read(config);
            this.onRetriesExhausted = config.get(Neo4jOptions.ON_RETRIES_EXHAUSTED);
            this.transactionTimeout = config.get(Neo4jOptions.TRANSACTION_TIMEOUT);
            this.requestTimeout = config.get(Neo4jOptions.REQUEST_TIMEOUT);
            this.referenceCacheEntries = config.get(Neo4jOptions.REFERENCE_CACHE_MAX_ENTRIES);
            return this;
        }

        public Builder setConnection(Neo4jConnection connection) {
            this.connection = connection;
            return this;
        }

        /** Where mutations Neo4j rejects for good, and oversized ones, go. Required. */
        public Builder setDeadLetterQueue(DeadLetterQueue deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
            return this;
        }

        /** Where batches go whose retries ran out, under {@link RetriesExhausted#RECONCILE}. */
        public Builder setReconciliationQueue(DeadLetterQueue reconciliationQueue) {
            this.reconciliationQueue = reconciliationQueue;
            return this;
        }

        /** The schedule for transient errors (default 1 s, 2 s, 4 s). */
        public Builder setRetryPolicy(RetryPolicy retries) {
            this.retries = retries;
            return this;
        }

        /** The schedule for deadlocks and lock waits (default from 20 ms, jittered). */
        public Builder setContentionRetryPolicy(RetryPolicy contentionRetries) {
            this.contentionRetries = contentionRetries;
            return this;
        }

        public Builder setOnRetriesExhausted(RetriesExhausted onRetriesExhausted) {
            this.onRetriesExhausted = onRetriesExhausted;
            return this;
        }

        /**
         * Refused unless 1. {@code FOLLOWS} sequence links replace each other, so they must commit
         * in the order graph extraction emitted them; that holds because extraction is chained to
         * this sink (same subtask, same order) and one batch at a time is in flight, with retries
         * and poison splitting keeping the batch's order.
         */
        @Override
        public Builder setMaxInFlightRequests(int maxInFlightRequests) {
            Preconditions.checkArgument(
                    maxInFlightRequests == 1,
                    "The Neo4j sink keeps one batch in flight (FOLLOWS links must commit in"
                            + " order); %s is not allowed",
                    maxInFlightRequests);
            return super.setMaxInFlightRequests(maxInFlightRequests);
        }

        public Builder setTransactionTimeout(Duration transactionTimeout) {
            this.transactionTimeout = transactionTimeout;
            return this;
        }

        public Builder setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** Whether writers create the schema when they start (default true). */
        public Builder setBootstrapSchema(boolean bootstrapSchema) {
            this.bootstrapSchema = bootstrapSchema;
            return this;
        }

        /**
         * How many reference nodes and relationships a writer remembers having written unchanged
         * (default 100,000; 0 turns the cache off).
         */
        public Builder setReferenceCacheEntries(int referenceCacheEntries) {
            this.referenceCacheEntries = referenceCacheEntries;
            return this;
        }

        /**
         * For the sinks of {@code GraphStage}'s response and reference streams: each statement of a
         * batch commits on its own, so a transaction locks the nodes of one label (or one
         * relationship type's ends) only, in id order, and cannot close a lock cycle with the
         * session writers, which lock shared nodes label by label in the same order. Default false:
         * one transaction per batch.
         */
        public Builder setTransactionPerStatement(boolean transactionPerStatement) {
            this.transactionPerStatement = transactionPerStatement;
            return this;
        }

        /** Replaces the Neo4j client, so writer tests run without a server. */
        @VisibleForTesting
        public Builder setClientFactory(Neo4jBatchClient.Factory clientFactory) {
            this.clientFactory = clientFactory;
            return this;
        }

        @Override
        public Neo4jSink build() {
            Preconditions.checkArgument(
                    connection != null || clientFactory != null,
                    "No Neo4j connection: set neo4j.uri");
            Preconditions.checkArgument(
                    deadLetterQueue != null, "The Neo4j sink needs a dead-letter queue");
            int maxBatchSize = getMaxBatchSize();
            int maxBuffered = getMaxBufferedRequests();
            long maxBatchBytes = getMaxBatchSizeInBytes();
            long maxRecordBytes = getMaxRecordSizeInBytes();
            Preconditions.checkArgument(
                    maxBatchSize >= 1,
                    "neo4j.batch.max-size must be at least 1, was %s",
                    maxBatchSize);
            Preconditions.checkArgument(
                    maxBuffered > maxBatchSize,
                    "neo4j.buffer.max-mutations (%s) must exceed neo4j.batch.max-size (%s)",
                    maxBuffered,
                    maxBatchSize);
            Preconditions.checkArgument(
                    maxRecordBytes >= 1 && maxBatchBytes >= maxRecordBytes,
                    "neo4j.batch.max-bytes (%s) must be at least neo4j.record.max-bytes (%s)",
                    maxBatchBytes,
                    maxRecordBytes);
            Preconditions.checkArgument(
                    getMaxTimeInBufferMS() >= 1, "neo4j.batch.max-time must be positive");
            Preconditions.checkArgument(
                    referenceCacheEntries >= 0,
                    "neo4j.reference-cache.max-entries must not be negative, was %s",
                    referenceCacheEntries);
            Preconditions.checkArgument(
                    !transactionTimeout.isNegative() && !transactionTimeout.isZero(),
                    "neo4j.transaction.timeout must be positive");
            Preconditions.checkArgument(
                    requestTimeout.compareTo(retries.maxTotalDelay()) > 0,
                    "neo4j.request.timeout (%s) must exceed the retries' total delay (%s)",
                    requestTimeout,
                    retries.maxTotalDelay());
            SinkErrorHandling handling =
                    new SinkErrorHandling(
                            Neo4jSinkWriter.BACKEND,
                            Neo4jSinkWriter.STAGE,
                            retries,
                            contentionRetries,
                            onRetriesExhausted,
                            deadLetterQueue,
                            reconciliationQueue);
            Neo4jBatchClient.Factory factory =
                    clientFactory != null
                            ? clientFactory
                            : Neo4jBatchClient.factory(
                                    connection,
                                    transactionTimeout,
                                    bootstrapSchema,
                                    referenceCacheEntries,
                                    transactionPerStatement);
            return new Neo4jSink(
                    maxBatchSize,
                    maxBuffered,
                    maxBatchBytes,
                    getMaxTimeInBufferMS(),
                    maxRecordBytes,
                    requestTimeout.toMillis(),
                    factory,
                    handling);
        }
    }
}
