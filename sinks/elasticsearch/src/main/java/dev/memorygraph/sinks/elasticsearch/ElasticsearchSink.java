package dev.memorygraph.sinks.elasticsearch;

import dev.memorygraph.core.dlq.DeadLetterQueue;
import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.sinks.base.RetriesExhausted;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import dev.memorygraph.sinks.elasticsearch.internal.ElasticsearchBatchClient;
import dev.memorygraph.sinks.elasticsearch.internal.ElasticsearchSinkStateSerializer;
import dev.memorygraph.sinks.elasticsearch.internal.ElasticsearchSinkWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
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
 * A Flink sink (Sink V2, on {@link AsyncSinkBase}) that indexes documents into Elasticsearch.
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
public class ElasticsearchSink extends AsyncSinkBase<IndexAction, IndexAction> {

    private static final long serialVersionUID = 1L;

    private final ElasticsearchBatchClient.Factory clientFactory;
    private final SinkErrorHandling errorHandling;

    private ElasticsearchSink(
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMs,
            long maxRecordSizeInBytes,
            long requestTimeoutMs,
            ElasticsearchBatchClient.Factory clientFactory,
            SinkErrorHandling errorHandling) {
        super(
                (ElementConverter<IndexAction, IndexAction>) (action, context) -> action,
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBufferMs,
                maxRecordSizeInBytes,
                requestTimeoutMs,
                true);
        this.clientFactory = clientFactory;
        this.errorHandling = errorHandling;
    }

    /** A builder with the defaults of {@link ElasticsearchOptions}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StatefulSinkWriter<IndexAction, BufferedRequestState<IndexAction>> createWriter(
            WriterInitContext context) throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<IndexAction, BufferedRequestState<IndexAction>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<IndexAction>> recoveredState)
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
        return new ElasticsearchSinkWriter(
                getElementConverter(),
                context,
                configuration,
                recoveredState,
                clientFactory.create(),
                errorHandling);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<IndexAction>> getWriterStateSerializer() {
        return new ElasticsearchSinkStateSerializer();
    }

    /** Builds an {@link ElasticsearchSink}, validating every setting in {@link #build}. */
    public static final class Builder
            extends AsyncSinkBaseBuilder<IndexAction, IndexAction, Builder> {

        private ElasticsearchConnection connection;
        private DeadLetterQueue deadLetterQueue;
        private DeadLetterQueue reconciliationQueue;
        private RetryPolicy retries = RetryPolicy.SPEC_DEFAULT;
        private RetriesExhausted onRetriesExhausted =
                ElasticsearchOptions.ON_RETRIES_EXHAUSTED.defaultValue();
        private Duration requestTimeout = ElasticsearchOptions.REQUEST_TIMEOUT.defaultValue();

        private Builder() {
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
            setMaxBatchSize(config.get(ElasticsearchOptions.BATCH_MAX_ACTIONS));
            setMaxBufferedRequests(config.get(ElasticsearchOptions.BUFFER_MAX_ACTIONS));
            setMaxBatchSizeInBytes(config.get(ElasticsearchOptions.BATCH_MAX_BYTES).getBytes());
            setMaxRecordSizeInBytes(config.get(ElasticsearchOptions.RECORD_MAX_BYTES).getBytes());
            setMaxTimeInBufferMS(config.get(ElasticsearchOptions.BATCH_MAX_TIME).toMillis());
            setMaxInFlightRequests(config.get(ElasticsearchOptions.MAX_IN_FLIGHT));
            this.retries = ElasticsearchOptions.RETRY.read(config);
            this.onRetriesExhausted = config.get(ElasticsearchOptions.ON_RETRIES_EXHAUSTED);
            this.requestTimeout = config.get(ElasticsearchOptions.REQUEST_TIMEOUT);
            return this;
        }

        public Builder setConnection(ElasticsearchConnection connection) {
            this.connection = connection;
            return this;
        }

        /** Where documents Elasticsearch refuses for good, and oversized ones, go. Required. */
        public Builder setDeadLetterQueue(DeadLetterQueue deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
            return this;
        }

        /** Where documents go whose retries ran out, under {@link RetriesExhausted#RECONCILE}. */
        public Builder setReconciliationQueue(DeadLetterQueue reconciliationQueue) {
            this.reconciliationQueue = reconciliationQueue;
            return this;
        }

        /** The schedule for overload and outages (default 1 s, 2 s, 4 s). */
        public Builder setRetryPolicy(RetryPolicy retries) {
            this.retries = retries;
            return this;
        }

        public Builder setOnRetriesExhausted(RetriesExhausted onRetriesExhausted) {
            this.onRetriesExhausted = onRetriesExhausted;
            return this;
        }

        public Builder setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        @Override
        public ElasticsearchSink build() {
            Preconditions.checkArgument(
                    connection != null, "No Elasticsearch connection: set elasticsearch.hosts");
            Preconditions.checkArgument(
                    deadLetterQueue != null, "The Elasticsearch sink needs a dead-letter queue");
            int maxBatchSize = getMaxBatchSize();
            int maxBuffered = getMaxBufferedRequests();
            long maxBatchBytes = getMaxBatchSizeInBytes();
            long maxRecordBytes = getMaxRecordSizeInBytes();
            Preconditions.checkArgument(
                    maxBatchSize >= 1,
                    "elasticsearch.batch.max-actions must be at least 1, was %s",
                    maxBatchSize);
            Preconditions.checkArgument(
                    maxBuffered > maxBatchSize,
                    "elasticsearch.buffer.max-actions (%s) must exceed"
                            + " elasticsearch.batch.max-actions (%s)",
                    maxBuffered,
                    maxBatchSize);
            Preconditions.checkArgument(
                    maxRecordBytes >= 1 && maxBatchBytes >= maxRecordBytes,
                    "elasticsearch.batch.max-bytes (%s) must be at least"
                            + " elasticsearch.record.max-bytes (%s)",
                    maxBatchBytes,
                    maxRecordBytes);
            Preconditions.checkArgument(
                    getMaxInFlightRequests() >= 1,
                    "elasticsearch.max-in-flight must be at least 1, was %s",
                    getMaxInFlightRequests());
            Preconditions.checkArgument(
                    getMaxTimeInBufferMS() >= 1, "elasticsearch.batch.max-time must be positive");
            Preconditions.checkArgument(
                    requestTimeout.compareTo(retries.maxTotalDelay()) > 0,
                    "elasticsearch.request-timeout (%s) must exceed the retries' total delay (%s)",
                    requestTimeout,
                    retries.maxTotalDelay());
            SinkErrorHandling handling =
                    new SinkErrorHandling(
                            ElasticsearchSinkWriter.BACKEND,
                            ElasticsearchSinkWriter.STAGE,
                            retries,
                            SinkErrorHandling.DEFAULT_CONTENTION_RETRIES,
                            onRetriesExhausted,
                            deadLetterQueue,
                            reconciliationQueue);
            return new ElasticsearchSink(
                    maxBatchSize,
                    getMaxInFlightRequests(),
                    maxBuffered,
                    maxBatchBytes,
                    getMaxTimeInBufferMS(),
                    maxRecordBytes,
                    requestTimeout.toMillis(),
                    new ElasticsearchBatchClient.Factory(connection),
                    handling);
        }
    }
}
