package dev.memorygraph.sinks.neo4j;

import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.operators.dlq.DeadLetterQueue;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink sink (Sink V2, on {@link AsyncSinkBase}) that applies {@link GraphMutation}s to Neo4j.
 *
 * <p>Mutations are buffered and written in batches of up to {@code neo4j.batch.max-size} (1,000) or
 * after {@code neo4j.batch.max-time} (100 ms), one transaction per batch of {@code UNWIND $rows ...
 * MERGE} statements (see {@link CypherBatch}). A checkpoint waits for in-flight batches and stores
 * the buffer in state, and end of input drains it, so the sink is at-least-once; every statement is
 * an idempotent MERGE, so a replay leaves the graph as it was. See {@link Neo4jSinkWriter} for
 * retries and dead letters. The schema ({@link GraphSchema}) is created when a writer starts.
 *
 * <pre>{@code
 * mutations.sinkTo(Neo4jSink.builder()
 *         .setConnection(Neo4jConnection.fromConfig(config))
 *         .setDeadLetterQueue(KafkaDeadLetterQueue.fromConfig(config))
 *         .build());
 * }</pre>
 */
public class Neo4jSink extends AsyncSinkBase<GraphMutation, GraphMutation> {

    private static final long serialVersionUID = 1L;

    /** Large enough for any event the validator lets through (4 MiB by default). */
    static final long MAX_RECORD_BYTES = 64L * 1024 * 1024;

    private final Settings settings;

    private Neo4jSink(
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxTimeInBufferMs,
            long requestTimeoutMs,
            Settings settings) {
        super(
                (ElementConverter<GraphMutation, GraphMutation>) (mutation, context) -> mutation,
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                MAX_RECORD_BYTES,
                maxTimeInBufferMs,
                MAX_RECORD_BYTES,
                requestTimeoutMs,
                true);
        this.settings = settings;
    }

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
                getElementConverter(), context, configuration, recoveredState, settings);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<GraphMutation>>
            getWriterStateSerializer() {
        return new Neo4jSinkStateSerializer();
    }

    /** What the writer needs besides the buffering parameters. */
    record Settings(
            Neo4jConnection connection,
            DeadLetterQueue deadLetterQueue,
            Duration initialBackoff,
            int maxRetries,
            Duration transactionTimeout,
            boolean bootstrapSchema)
            implements Serializable {}

    /** Builds a {@link Neo4jSink}; defaults are those of {@link Neo4jOptions}. */
    public static final class Builder {
        private Neo4jConnection connection;
        private DeadLetterQueue deadLetterQueue;
        private int maxBatchSize = Neo4jOptions.BATCH_MAX_SIZE.defaultValue();
        private Duration maxBatchTime = Neo4jOptions.BATCH_MAX_TIME.defaultValue();
        private int maxBufferedMutations = Neo4jOptions.BUFFER_MAX_MUTATIONS.defaultValue();
        private int maxInFlightBatches = Neo4jOptions.MAX_IN_FLIGHT_BATCHES.defaultValue();
        private Duration initialBackoff = Neo4jOptions.RETRY_INITIAL_BACKOFF.defaultValue();
        private int maxRetries = Neo4jOptions.RETRY_MAX_RETRIES.defaultValue();
        private Duration transactionTimeout = Neo4jOptions.TRANSACTION_TIMEOUT.defaultValue();
        private Duration requestTimeout = Neo4jOptions.REQUEST_TIMEOUT.defaultValue();
        private boolean bootstrapSchema = true;

        private Builder() {}

        /** Every {@code neo4j.*} option from a Flink configuration. */
        public Builder fromConfig(ReadableConfig config) {
            this.connection = Neo4jConnection.fromConfig(config);
            this.maxBatchSize = config.get(Neo4jOptions.BATCH_MAX_SIZE);
            this.maxBatchTime = config.get(Neo4jOptions.BATCH_MAX_TIME);
            this.maxBufferedMutations = config.get(Neo4jOptions.BUFFER_MAX_MUTATIONS);
            this.maxInFlightBatches = config.get(Neo4jOptions.MAX_IN_FLIGHT_BATCHES);
            this.initialBackoff = config.get(Neo4jOptions.RETRY_INITIAL_BACKOFF);
            this.maxRetries = config.get(Neo4jOptions.RETRY_MAX_RETRIES);
            this.transactionTimeout = config.get(Neo4jOptions.TRANSACTION_TIMEOUT);
            this.requestTimeout = config.get(Neo4jOptions.REQUEST_TIMEOUT);
            return this;
        }

        public Builder setConnection(Neo4jConnection connection) {
            this.connection = connection;
            return this;
        }

        public Builder setDeadLetterQueue(DeadLetterQueue deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
            return this;
        }

        public Builder setMaxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        public Builder setMaxBatchTime(Duration maxBatchTime) {
            this.maxBatchTime = maxBatchTime;
            return this;
        }

        public Builder setMaxBufferedMutations(int maxBufferedMutations) {
            this.maxBufferedMutations = maxBufferedMutations;
            return this;
        }

        public Builder setMaxInFlightBatches(int maxInFlightBatches) {
            this.maxInFlightBatches = maxInFlightBatches;
            return this;
        }

        /** Delay before the first retry; doubled for each further one. */
        public Builder setRetries(Duration initialBackoff, int maxRetries) {
            this.initialBackoff = initialBackoff;
            this.maxRetries = maxRetries;
            return this;
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

        public Neo4jSink build() {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
            if (maxBatchSize < 1 || maxBufferedMutations <= maxBatchSize) {
                throw new IllegalArgumentException(
                        "neo4j.buffer.max-mutations must exceed neo4j.batch.max-size (>= 1)");
            }
            if (maxRetries < 0 || initialBackoff.isNegative()) {
                throw new IllegalArgumentException("Retries and backoff must not be negative");
            }
            return new Neo4jSink(
                    maxBatchSize,
                    maxInFlightBatches,
                    maxBufferedMutations,
                    maxBatchTime.toMillis(),
                    requestTimeout.toMillis(),
                    new Settings(
                            connection,
                            deadLetterQueue,
                            initialBackoff,
                            maxRetries,
                            transactionTimeout,
                            bootstrapSchema));
        }
    }
}
