package dev.memorygraph.sinks.pinecone;

import dev.memorygraph.sinks.base.EntryStateSerializer;
import dev.memorygraph.sinks.base.FailureClassifier;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import dev.memorygraph.sinks.base.StoreEntrySink;
import dev.memorygraph.sinks.base.StoreSink;
import dev.memorygraph.sinks.pinecone.internal.PineconeBatchClient;
import dev.memorygraph.sinks.pinecone.internal.PineconeFailureClassifier;
import dev.memorygraph.sinks.pinecone.internal.PineconeSinkStateSerializer;
import java.io.IOException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.util.Preconditions;

/**
 * A Flink sink (Sink V2, on {@link StoreSink}) that upserts prompt vectors to a Pinecone index
 * through the gRPC data plane of {@code io.pinecone:pinecone-client}: one namespace per tenant
 * ({@link EventVectors}), requests of up to {@code pinecone.batch.max-vectors} (500) vectors and
 * {@code pinecone.batch.max-bytes} (1,900 KB), or after {@code pinecone.batch.max-time} (1 s);
 * settings beyond Pinecone's own limits (1,000 vectors, 2 MB) are refused.
 *
 * <p><b>Delivery: at-least-once, made effectively-once by the vector id.</b> The id is the prompt's
 * event id, and an upsert overwrites, so a replay changes nothing. {@code UNAVAILABLE}, {@code
 * RESOURCE_EXHAUSTED} and {@code DEADLINE_EXCEEDED} are retried; {@code INVALID_ARGUMENT} (wrong
 * dimension, bad metadata) goes to the dead-letter queue after the batch is split down to the
 * vector at fault; a bad key or a missing index fails the job naming the status.
 */
public class PineconeSink extends StoreEntrySink<VectorRecord> {

    private static final long serialVersionUID = 1L;

    /** The store's name in metrics ({@code backend}) and dead letters ({@code dlq.stage}). */
    public static final String BACKEND = "pinecone";

    public static final String STAGE = "pinecone-sink";

    static final StoreSink.Keys KEYS =
            new StoreSink.Keys(
                    "Pinecone",
                    PineconeOptions.BATCH_MAX_VECTORS.key(),
                    PineconeOptions.BUFFER_MAX_VECTORS.key(),
                    PineconeOptions.BATCH_MAX_BYTES.key(),
                    "pinecone.record.max-bytes",
                    PineconeOptions.BATCH_MAX_TIME.key(),
                    PineconeOptions.MAX_IN_FLIGHT.key(),
                    PineconeOptions.REQUEST_TIMEOUT.key());

    private final PineconeBatchClient.Factory clientFactory;

    private PineconeSink(
            StoreSink.Limits limits,
            PineconeBatchClient.Factory clientFactory,
            SinkErrorHandling errorHandling) {
        super(limits, errorHandling);
        this.clientFactory = clientFactory;
    }

    /** A builder with the defaults of {@link PineconeOptions}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected PineconeBatchClient createClient() throws IOException {
        return clientFactory.create();
    }

    @Override
    protected FailureClassifier classifier() {
        return new PineconeFailureClassifier();
    }

    @Override
    public EntryStateSerializer<VectorRecord> entryCodec() {
        return new PineconeSinkStateSerializer();
    }

    /** Builds an {@link PineconeSink}, validating every setting in {@link #build}. */
    public static final class Builder
            extends StoreSink.Builder<VectorRecord, VectorRecord, Builder> {

        private PineconeIndexConnection connection;

        private Builder() {
            super(
                    PineconeOptions.ON_RETRIES_EXHAUSTED.defaultValue(),
                    PineconeOptions.REQUEST_TIMEOUT.defaultValue());
            setMaxBatchSize(PineconeOptions.BATCH_MAX_VECTORS.defaultValue());
            setMaxBufferedRequests(PineconeOptions.BUFFER_MAX_VECTORS.defaultValue());
            setMaxBatchSizeInBytes(PineconeOptions.BATCH_MAX_BYTES.defaultValue().getBytes());
            setMaxRecordSizeInBytes(recordLimit(PineconeOptions.DIMENSION.defaultValue()));
            setMaxTimeInBufferMS(PineconeOptions.BATCH_MAX_TIME.defaultValue().toMillis());
            setMaxInFlightRequests(PineconeOptions.MAX_IN_FLIGHT.defaultValue());
        }

        /** Every {@code pinecone.*} option ({@code pinecone.api-key-file} required). */
        public Builder fromConfig(ReadableConfig config) {
            this.connection = PineconeIndexConnection.fromConfig(config);
            setMaxRecordSizeInBytes(recordLimit(connection.dimension()));
            setMaxBatchSize(config.get(PineconeOptions.BATCH_MAX_VECTORS));
            setMaxBufferedRequests(config.get(PineconeOptions.BUFFER_MAX_VECTORS));
            setMaxBatchSizeInBytes(config.get(PineconeOptions.BATCH_MAX_BYTES).getBytes());
            setMaxTimeInBufferMS(config.get(PineconeOptions.BATCH_MAX_TIME).toMillis());
            setMaxInFlightRequests(config.get(PineconeOptions.MAX_IN_FLIGHT));
            setRetryPolicy(PineconeOptions.RETRY.read(config));
            setOnRetriesExhausted(config.get(PineconeOptions.ON_RETRIES_EXHAUSTED));
            setRequestTimeout(config.get(PineconeOptions.REQUEST_TIMEOUT));
            return this;
        }

        public Builder setConnection(PineconeIndexConnection connection) {
            this.connection = connection;
            setMaxRecordSizeInBytes(recordLimit(connection.dimension()));
            return this;
        }

        @Override
        public PineconeSink build() {
            Preconditions.checkArgument(
                    connection != null, "No Pinecone connection: set pinecone.api-key-file");
            Preconditions.checkArgument(
                    getMaxBatchSize() <= PineconeOptions.MAX_VECTORS_PER_UPSERT,
                    "%s must be at most %s (Pinecone's limit per upsert), was %s",
                    PineconeOptions.BATCH_MAX_VECTORS.key(),
                    PineconeOptions.MAX_VECTORS_PER_UPSERT,
                    getMaxBatchSize());
            Preconditions.checkArgument(
                    getMaxBatchSizeInBytes() <= PineconeOptions.MAX_UPSERT_BYTES - 16 * 1024,
                    "%s must leave room in Pinecone's 2 MB per upsert (at most %s bytes), was %s",
                    PineconeOptions.BATCH_MAX_BYTES.key(),
                    PineconeOptions.MAX_UPSERT_BYTES - 16 * 1024,
                    getMaxBatchSizeInBytes());
            return new PineconeSink(
                    checkedLimits(KEYS),
                    new PineconeBatchClient.Factory(connection),
                    errorHandling(BACKEND, STAGE));
        }

        /** One vector at most: its floats and Pinecone's 40 KB of metadata, plus the envelope. */
        private static long recordLimit(int dimension) {
            return 4L * dimension + PineconeOptions.MAX_METADATA_BYTES + 1024;
        }
    }
}
