package dev.memorygraph.sinks.elasticsearch;

import dev.memorygraph.sinks.base.EntryStateSerializer;
import dev.memorygraph.sinks.base.FailureClassifier;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import dev.memorygraph.sinks.base.StoreEntrySink;
import dev.memorygraph.sinks.base.StoreSink;
import dev.memorygraph.sinks.elasticsearch.internal.ElasticsearchBatchClient;
import dev.memorygraph.sinks.elasticsearch.internal.ElasticsearchFailureClassifier;
import dev.memorygraph.sinks.elasticsearch.internal.ElasticsearchSinkStateSerializer;
import java.io.IOException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.util.Preconditions;

/**
 * A Flink sink (Sink V2, on {@link StoreSink} and so {@code AsyncSinkBase}) that indexes documents
 * into Elasticsearch.
 *
 * <p><b>Delivery: at-least-once, made effectively-once by ids.</b> Documents are buffered and sent
 * as {@code _bulk} requests of up to {@code elasticsearch.batch.max-actions} (1,000) documents or
 * {@code elasticsearch.batch.max-bytes} (20 MB), or after {@code elasticsearch.batch.max-time} (1
 * s). Every document is an {@code index} operation under its event's id, so a replay overwrites
 * instead of adding. A checkpoint waits for the requests in flight and stores the buffer; end of
 * input drains it. Each bulk item is judged on its own ({@code ElasticsearchFailureClassifier}):
 * overload and outages are retried (1 s, 2 s, 4 s by default), a document Elasticsearch refuses
 * goes to the dead-letter queue with the status and error type, and missing credentials, privileges
 * or index fail the job with a message naming them.
 *
 * <pre>{@code
 * actions.sinkTo(ElasticsearchSink.builder()
 *         .fromConfig(config)
 *         .setDeadLetterQueue(KafkaDeadLetterQueue.fromConfig(config))
 *         .build());
 * }</pre>
 */
public class ElasticsearchSink extends StoreEntrySink<IndexAction> {

    private static final long serialVersionUID = 1L;

    /** The store's name in metrics ({@code backend}) and dead letters ({@code dlq.stage}). */
    public static final String BACKEND = "elasticsearch";

    public static final String STAGE = "elasticsearch-sink";

    static final StoreSink.Keys KEYS =
            new StoreSink.Keys(
                    "Elasticsearch",
                    ElasticsearchOptions.BATCH_MAX_ACTIONS.key(),
                    ElasticsearchOptions.BUFFER_MAX_ACTIONS.key(),
                    ElasticsearchOptions.BATCH_MAX_BYTES.key(),
                    ElasticsearchOptions.RECORD_MAX_BYTES.key(),
                    ElasticsearchOptions.BATCH_MAX_TIME.key(),
                    ElasticsearchOptions.MAX_IN_FLIGHT.key(),
                    ElasticsearchOptions.REQUEST_TIMEOUT.key());

    private final ElasticsearchBatchClient.Factory clientFactory;

    private ElasticsearchSink(
            StoreSink.Limits limits,
            ElasticsearchBatchClient.Factory clientFactory,
            SinkErrorHandling errorHandling) {
        super(limits, errorHandling);
        this.clientFactory = clientFactory;
    }

    /** A builder with the defaults of {@link ElasticsearchOptions}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected ElasticsearchBatchClient createClient() throws IOException {
        return clientFactory.create();
    }

    @Override
    protected FailureClassifier classifier() {
        return new ElasticsearchFailureClassifier();
    }

    @Override
    public EntryStateSerializer<IndexAction> entryCodec() {
        return new ElasticsearchSinkStateSerializer();
    }

    /** Builds an {@link ElasticsearchSink}, validating every setting in {@link #build}. */
    public static final class Builder extends StoreSink.Builder<IndexAction, IndexAction, Builder> {

        private ElasticsearchConnection connection;
        private ElasticsearchIndex bootstrapIndex;

        private Builder() {
            super(
                    ElasticsearchOptions.ON_RETRIES_EXHAUSTED.defaultValue(),
                    ElasticsearchOptions.REQUEST_TIMEOUT.defaultValue());
            setMaxBatchSize(ElasticsearchOptions.BATCH_MAX_ACTIONS.defaultValue());
            setMaxBufferedRequests(ElasticsearchOptions.BUFFER_MAX_ACTIONS.defaultValue());
            setMaxBatchSizeInBytes(ElasticsearchOptions.BATCH_MAX_BYTES.defaultValue().getBytes());
            setMaxRecordSizeInBytes(
                    ElasticsearchOptions.RECORD_MAX_BYTES.defaultValue().getBytes());
            setMaxTimeInBufferMS(ElasticsearchOptions.BATCH_MAX_TIME.defaultValue().toMillis());
            setMaxInFlightRequests(ElasticsearchOptions.MAX_IN_FLIGHT.defaultValue());
        }

        /** Every {@code elasticsearch.*} option ({@code elasticsearch.hosts} required). */
        public Builder fromConfig(ReadableConfig config) {
            this.connection = ElasticsearchConnection.fromConfig(config);
            this.bootstrapIndex =
                    config.get(ElasticsearchOptions.BOOTSTRAP)
                            ? ElasticsearchIndex.fromConfig(config)
                            : null;
            setMaxBatchSize(config.get(ElasticsearchOptions.BATCH_MAX_ACTIONS));
            setMaxBufferedRequests(config.get(ElasticsearchOptions.BUFFER_MAX_ACTIONS));
            setMaxBatchSizeInBytes(config.get(ElasticsearchOptions.BATCH_MAX_BYTES).getBytes());
            setMaxRecordSizeInBytes(config.get(ElasticsearchOptions.RECORD_MAX_BYTES).getBytes());
            setMaxTimeInBufferMS(config.get(ElasticsearchOptions.BATCH_MAX_TIME).toMillis());
            setMaxInFlightRequests(config.get(ElasticsearchOptions.MAX_IN_FLIGHT));
            setRetryPolicy(ElasticsearchOptions.RETRY.read(config));
            setOnRetriesExhausted(config.get(ElasticsearchOptions.ON_RETRIES_EXHAUSTED));
            setRequestTimeout(config.get(ElasticsearchOptions.REQUEST_TIMEOUT));
            return this;
        }

        public Builder setConnection(ElasticsearchConnection connection) {
            this.connection = connection;
            return this;
        }

        /**
         * The index writers create when they start (template, first index, alias); none if null.
         */
        public Builder setBootstrapIndex(ElasticsearchIndex bootstrapIndex) {
            this.bootstrapIndex = bootstrapIndex;
            return this;
        }

        @Override
        public ElasticsearchSink build() {
            Preconditions.checkArgument(
                    connection != null, "No Elasticsearch connection: set elasticsearch.hosts");
            return new ElasticsearchSink(
                    checkedLimits(KEYS),
                    new ElasticsearchBatchClient.Factory(connection, bootstrapIndex),
                    errorHandling(BACKEND, STAGE));
        }
    }
}
