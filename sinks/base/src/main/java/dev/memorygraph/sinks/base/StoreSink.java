package dev.memorygraph.sinks.base;

import dev.memorygraph.core.dlq.DeadLetterQueue;
import dev.memorygraph.core.dlq.ReconciliationQueue;
import dev.memorygraph.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.AsyncSinkBaseBuilder;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.Preconditions;

/**
 * What every store sink shares on top of {@link AsyncSinkBase}: the writer configuration built from
 * the sink's limits, a writer without state made as a restored writer with none, and the {@link
 * SinkErrorHandling} its writers apply. A store sink supplies {@link #restoreWriter} with its
 * {@link BatchingSinkWriter} and client.
 *
 * @param <InputT> what the sink receives
 * @param <RequestEntryT> what is buffered, checkpointed and written
 */
public abstract class StoreSink<InputT, RequestEntryT extends Serializable>
        extends AsyncSinkBase<InputT, RequestEntryT> {

    private static final long serialVersionUID = 1L;

    private final SinkErrorHandling errorHandling;

    protected StoreSink(
            ElementConverter<InputT, RequestEntryT> elementConverter,
            Limits limits,
            SinkErrorHandling errorHandling) {
        super(
                elementConverter,
                limits.maxBatchSize(),
                limits.maxInFlightRequests(),
                limits.maxBufferedRequests(),
                limits.maxBatchSizeInBytes(),
                limits.maxTimeInBufferMs(),
                limits.maxRecordSizeInBytes(),
                limits.requestTimeoutMs(),
                true);
        this.errorHandling = Objects.requireNonNull(errorHandling, "errorHandling");
    }

    protected SinkErrorHandling errorHandling() {
        return errorHandling;
    }

    @Override
    public StatefulSinkWriter<InputT, BufferedRequestState<RequestEntryT>> createWriter(
            WriterInitContext context) throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public abstract StatefulSinkWriter<InputT, BufferedRequestState<RequestEntryT>> restoreWriter(
            WriterInitContext context,
            Collection<BufferedRequestState<RequestEntryT>> recoveredState)
            throws IOException;

    /**
     * The format of this sink's entries, in checkpoints and reconciliation records; the
     * reconciliation job decodes payloads with it.
     */
    public abstract EntryStateSerializer<RequestEntryT> entryCodec();

    @Override
    public final SimpleVersionedSerializer<BufferedRequestState<RequestEntryT>>
            getWriterStateSerializer() {
        return entryCodec();
    }

    /** The writer configuration of this sink's limits. */
    protected AsyncSinkWriterConfiguration writerConfiguration() {
        return AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(getMaxBatchSize())
                .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                .setMaxInFlightRequests(getMaxInFlightRequests())
                .setMaxBufferedRequests(getMaxBufferedRequests())
                .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                .setRequestTimeoutMS(getRequestTimeoutMS())
                .setFailOnTimeout(getFailOnTimeout())
                .build();
    }

    /** A sink's buffer, batch and request limits, as checked by its builder. */
    public record Limits(
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMs,
            long maxRecordSizeInBytes,
            long requestTimeoutMs) {}

    /**
     * The option keys a store names its limits by, for the messages of {@link Builder}'s checks.
     */
    public record Keys(
            String store,
            String batchMaxSize,
            String bufferMax,
            String batchMaxBytes,
            String recordMaxBytes,
            String batchMaxTime,
            String maxInFlight,
            String requestTimeout) {}

    /**
     * What every store sink's builder shares: the dead-letter and reconciliation queues, the retry
     * schedules, what happens when they run out, the request timeout, and the checks of all limits,
     * whose messages name the store's option keys.
     */
    public abstract static class Builder<
                    InputT,
                    RequestEntryT extends Serializable,
                    B extends Builder<InputT, RequestEntryT, B>>
            extends AsyncSinkBaseBuilder<InputT, RequestEntryT, B> {

        private DeadLetterQueue deadLetterQueue;
        private ReconciliationQueue reconciliationQueue;
        private RetryPolicy retries = RetryPolicy.SPEC_DEFAULT;
        private RetryPolicy contentionRetries = SinkErrorHandling.DEFAULT_CONTENTION_RETRIES;
        private RetriesExhausted onRetriesExhausted;
        private Duration requestTimeout;

        protected Builder(RetriesExhausted onRetriesExhausted, Duration requestTimeout) {
            this.onRetriesExhausted = onRetriesExhausted;
            this.requestTimeout = requestTimeout;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** Where entries the store rejects for good, and oversized ones, go. Required. */
        public B setDeadLetterQueue(DeadLetterQueue deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
            return self();
        }

        /** Where entries go whose retries ran out, under {@link RetriesExhausted#RECONCILE}. */
        public B setReconciliationQueue(ReconciliationQueue reconciliationQueue) {
            this.reconciliationQueue = reconciliationQueue;
            return self();
        }

        /** The schedule for transient errors (default 1 s, 2 s, 4 s). */
        public B setRetryPolicy(RetryPolicy retries) {
            this.retries = retries;
            return self();
        }

        /** The schedule for lock contention (default from 20 ms, jittered). */
        public B setContentionRetryPolicy(RetryPolicy contentionRetries) {
            this.contentionRetries = contentionRetries;
            return self();
        }

        public B setOnRetriesExhausted(RetriesExhausted onRetriesExhausted) {
            this.onRetriesExhausted = onRetriesExhausted;
            return self();
        }

        public B setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return self();
        }

        /** The limits, checked; a message names the store's key for the wrong one. */
        protected Limits checkedLimits(Keys keys) {
            Preconditions.checkArgument(
                    deadLetterQueue != null, "The %s sink needs a dead-letter queue", keys.store());
            int maxBatchSize = getMaxBatchSize();
            int maxBuffered = getMaxBufferedRequests();
            long maxBatchBytes = getMaxBatchSizeInBytes();
            long maxRecordBytes = getMaxRecordSizeInBytes();
            Preconditions.checkArgument(
                    maxBatchSize >= 1,
                    "%s must be at least 1, was %s",
                    keys.batchMaxSize(),
                    maxBatchSize);
            Preconditions.checkArgument(
                    maxBuffered > maxBatchSize,
                    "%s (%s) must exceed %s (%s)",
                    keys.bufferMax(),
                    maxBuffered,
                    keys.batchMaxSize(),
                    maxBatchSize);
            Preconditions.checkArgument(
                    maxRecordBytes >= 1 && maxBatchBytes >= maxRecordBytes,
                    "%s (%s) must be at least %s (%s)",
                    keys.batchMaxBytes(),
                    maxBatchBytes,
                    keys.recordMaxBytes(),
                    maxRecordBytes);
            Preconditions.checkArgument(
                    getMaxInFlightRequests() >= 1,
                    "%s must be at least 1, was %s",
                    keys.maxInFlight(),
                    getMaxInFlightRequests());
            Preconditions.checkArgument(
                    getMaxTimeInBufferMS() >= 1, "%s must be positive", keys.batchMaxTime());
            Preconditions.checkArgument(
                    requestTimeout.compareTo(retries.maxTotalDelay()) > 0,
                    "%s (%s) must exceed the retries' total delay (%s)",
                    keys.requestTimeout(),
                    requestTimeout,
                    retries.maxTotalDelay());
            return new Limits(
                    maxBatchSize,
                    getMaxInFlightRequests(),
                    maxBuffered,
                    maxBatchBytes,
                    getMaxTimeInBufferMS(),
                    maxRecordBytes,
                    requestTimeout.toMillis());
        }

        /** The failure handling of this builder's queues and schedules. */
        protected SinkErrorHandling errorHandling(String backend, String stage) {
            return new SinkErrorHandling(
                    backend,
                    stage,
                    retries,
                    contentionRetries,
                    onRetriesExhausted,
                    deadLetterQueue,
                    reconciliationQueue);
        }
    }
}
