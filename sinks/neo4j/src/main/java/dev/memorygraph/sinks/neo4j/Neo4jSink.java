package dev.memorygraph.sinks.neo4j;

import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.sinks.base.EntryStateSerializer;
import dev.memorygraph.sinks.base.RetriesExhausted;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import dev.memorygraph.sinks.base.StoreSink;
import dev.memorygraph.sinks.neo4j.internal.Neo4jBatchClient;
import dev.memorygraph.sinks.neo4j.internal.Neo4jSinkStateSerializer;
import dev.memorygraph.sinks.neo4j.internal.Neo4jSinkWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
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
public class Neo4jSink extends StoreSink<GraphMutation, GraphMutation> {

    private static final long serialVersionUID = 1L;

    static final StoreSink.Keys KEYS =
            new StoreSink.Keys(
                    "Neo4j",
                    Neo4jOptions.BATCH_MAX_SIZE.key(),
                    Neo4jOptions.BUFFER_MAX_MUTATIONS.key(),
                    Neo4jOptions.BATCH_MAX_BYTES.key(),
                    Neo4jOptions.RECORD_MAX_BYTES.key(),
                    Neo4jOptions.BATCH_MAX_TIME.key(),
                    "in-flight batches",
                    Neo4jOptions.REQUEST_TIMEOUT.key());

    private final Neo4jBatchClient.Factory clientFactory;

    private Neo4jSink(
            StoreSink.Limits limits,
            Neo4jBatchClient.Factory clientFactory,
            SinkErrorHandling errorHandling) {
        super(
                (ElementConverter<GraphMutation, GraphMutation>) (mutation, context) -> mutation,
                limits,
                errorHandling);
        this.clientFactory = clientFactory;
    }

    /** A builder with the defaults of {@link Neo4jOptions}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StatefulSinkWriter<GraphMutation, BufferedRequestState<GraphMutation>> restoreWriter(
            WriterInitContext context,
            Collection<BufferedRequestState<GraphMutation>> recoveredState)
            throws IOException {
        return new Neo4jSinkWriter(
                getElementConverter(),
                context,
                writerConfiguration(),
                recoveredState,
                clientFactory.create(),
                entryCodec(),
                errorHandling());
    }

    @Override
    public EntryStateSerializer<GraphMutation> entryCodec() {
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
            extends StoreSink.Builder<GraphMutation, GraphMutation, Builder> {

        private Neo4jConnection connection;
        private Neo4jBatchClient.Factory clientFactory;
        private Duration transactionTimeout = Neo4jOptions.TRANSACTION_TIMEOUT.defaultValue();
        private boolean bootstrapSchema = true;
        private int referenceCacheEntries = Neo4jOptions.REFERENCE_CACHE_MAX_ENTRIES.defaultValue();
        private boolean transactionPerStatement;

        private Builder() {
            super(
                    Neo4jOptions.ON_RETRIES_EXHAUSTED.defaultValue(),
                    Neo4jOptions.REQUEST_TIMEOUT.defaultValue());
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
            setRetryPolicy(Neo4jOptions.RETRY.read(config));
            setContentionRetryPolicy(Neo4jOptions.CONTENTION_RETRY.read(config));
            setOnRetriesExhausted(config.get(Neo4jOptions.ON_RETRIES_EXHAUSTED));
            setRequestTimeout(config.get(Neo4jOptions.REQUEST_TIMEOUT));
            this.transactionTimeout = config.get(Neo4jOptions.TRANSACTION_TIMEOUT);
            this.referenceCacheEntries = config.get(Neo4jOptions.REFERENCE_CACHE_MAX_ENTRIES);
            return this;
        }

        public Builder setConnection(Neo4jConnection connection) {
            this.connection = connection;
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
            StoreSink.Limits limits = checkedLimits(KEYS);
            Preconditions.checkArgument(
                    referenceCacheEntries >= 0,
                    "neo4j.reference-cache.max-entries must not be negative, was %s",
                    referenceCacheEntries);
            Preconditions.checkArgument(
                    !transactionTimeout.isNegative() && !transactionTimeout.isZero(),
                    "neo4j.transaction.timeout must be positive");
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
                    limits, factory, errorHandling(Neo4jSinkWriter.BACKEND, Neo4jSinkWriter.STAGE));
        }
    }
}
