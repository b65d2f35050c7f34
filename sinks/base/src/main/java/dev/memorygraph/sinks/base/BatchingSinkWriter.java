package dev.memorygraph.sinks.base;

import dev.memorygraph.core.dlq.RecordQueue;
import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.Reconciliation;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure handling every store sink shares, on top of {@link AsyncSinkWriter}'s buffering,
 * batching, in-flight limit and checkpointed buffer. A subclass supplies the store client (a {@link
 * BatchClient}), a {@link FailureClassifier}, the size of an entry and how an entry reads as a dead
 * letter; this class acts on every verdict:
 *
 * <ul>
 *   <li>{@link WriteOutcome#RETRY}: the same entries again after the transient schedule (1 s, 2 s,
 *       4 s by default); {@link WriteOutcome#RETRY_CONTENTION}: after the short contention
 *       schedule. When retries run out: {@link RetriesExhausted#FAIL} fails the job (restart from
 *       the checkpoint, nothing lost), {@link RetriesExhausted#RECONCILE} hands the entries to the
 *       reconciliation queue. Valid data is never dead-lettered.
 *   <li>{@link WriteOutcome#REJECT}: poison. With per-item results the entry goes to the
 *       dead-letter queue; otherwise the batch is split in halves, in order, until the entry is
 *       alone. The rest is written.
 *   <li>{@link WriteOutcome#FAIL}: the job fails with the classifier's code.
 *   <li>An entry larger than the per-record limit goes to the dead-letter queue ({@link
 *       ReasonCode#WRITE_TOO_LARGE}) instead of making {@code write} throw on every restart.
 * </ul>
 *
 * <p><b>Dead letters are durable before a checkpoint completes:</b> {@link #flush} waits for the
 * in-flight batches, then flushes the dead-letter and reconciliation queues, and throws if that
 * fails, which fails the checkpoint and the task rather than completing a checkpoint that skipped
 * records whose letters were lost.
 *
 * <p>Continuations run on one I/O thread per writer, never on the client's event loop; async
 * failures reach the task thread through {@link ResultHandler#completeExceptionally}. Nothing
 * logged names entry content, only counts and codes.
 *
 * @param <InputT> what the sink receives
 * @param <RequestEntryT> what is buffered, checkpointed and written
 */
@Internal
public abstract class BatchingSinkWriter<InputT, RequestEntryT extends Serializable>
        extends AsyncSinkWriter<InputT, RequestEntryT> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingSinkWriter.class);

    private final PreConverted<InputT, RequestEntryT> converter;
    private final long maxRecordSizeInBytes;
    private final BatchClient<RequestEntryT> client;
    private final FailureClassifier classifier;
    private final SinkErrorHandling handling;
    private final EntryCodec<RequestEntryT> codec;
    private final RecordQueue.Writer<DeadLetter> deadLetters;
    private final RecordQueue.Writer<Reconciliation> reconciliation;
    private final ExecutorService io;
    private final SinkMetrics metrics;

    protected BatchingSinkWriter(
            ElementConverter<InputT, RequestEntryT> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<RequestEntryT>> states,
            BatchClient<RequestEntryT> client,
            FailureClassifier classifier,
            EntryCodec<RequestEntryT> codec,
            SinkErrorHandling handling)
            throws IOException {
        this(
                new PreConverted<>(elementConverter),
                context,
                configuration,
                states,
                client,
                classifier,
                codec,
                handling);
    }

    private BatchingSinkWriter(
            PreConverted<InputT, RequestEntryT> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<RequestEntryT>> states,
            BatchClient<RequestEntryT> client,
            FailureClassifier classifier,
            EntryCodec<RequestEntryT> codec,
            SinkErrorHandling handling)
            throws IOException {
        super(converter, context, configuration, states);
        this.codec = codec;
        this.converter = converter;
        this.maxRecordSizeInBytes = configuration.getMaxRecordSizeInBytes();
        this.client = client;
        this.classifier = classifier;
        this.handling = handling;
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        String threadName = handling.backend() + "-sink-io-" + subtask;
        this.io =
                Executors.newSingleThreadExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, threadName);
                            thread.setDaemon(true);
                            return thread;
                        });
        RecordQueue.Writer<DeadLetter> letters = null;
        try {
            letters = handling.deadLetters().open();
            this.reconciliation =
                    handling.reconciliation() == null ? null : handling.reconciliation().open();
        } catch (IOException | RuntimeException e) {
            closeQuietly(letters);
            io.shutdownNow();
            client.close();
            throw e;
        }
        this.deadLetters = letters;
        this.metrics = new SinkMetrics(context.metricGroup(), handling.backend(), handling.stage());
        client.registerMetrics(context.metricGroup());
    }

    /** Bytes {@code entry} takes in a request; compared against the batch and record limits. */
    @Override
    protected abstract long getSizeInBytes(RequestEntryT entry);

    /**
     * {@code entry} as a dead letter (key, value and the event it came from); {@code message} names
     * what went wrong by code and limit only.
     */
    protected abstract DeadLetter toDeadLetter(
            RequestEntryT entry, ReasonCode reason, String message);

    /**
     * A dead letter of this sink's stage, failed now, with no source coordinates (the entry was
     * made by the job): {@code key} names the entry (usually its event id), {@code value} is what
     * the store was sent.
     */
    protected final DeadLetter deadLetter(
            ReasonCode reason, String message, byte[] key, byte[] value) {
        return new DeadLetter(
                reason, message, handling.stage(), null, -1, -1L, -1L, Instant.now(), key, value);
    }

    /** This writer's metrics, for subclasses that add their own. */
    protected SinkMetrics metrics() {
        return metrics;
    }

    @Override
    public void write(InputT element, Context context) throws IOException, InterruptedException {
        RequestEntryT entry = converter.convertAhead(element, context);
        long size = getSizeInBytes(entry);
        if (size > maxRecordSizeInBytes) {
            converter.clear();
            LOG.warn(
                    "A {} write of {} bytes exceeds the {}-byte record limit; sent to the"
                            + " dead-letter queue",
                    handling.backend(),
                    size,
                    maxRecordSizeInBytes);
            deadLetter(
                    entry,
                    ReasonCode.WRITE_TOO_LARGE,
                    "Write of "
                            + size
                            + " bytes exceeds the "
                            + handling.backend()
                            + " record limit of "
                            + maxRecordSizeInBytes
                            + " bytes");
            return;
        }
        super.write(element, context);
    }

    @Override
    protected final void submitRequestEntries(
            List<RequestEntryT> entries, ResultHandler<RequestEntryT> handler) {
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

    /** Writes {@code batch}; completes when every entry is written, dead-lettered or reconciled. */
    private CompletableFuture<Void> attempt(List<RequestEntryT> batch, int retry) {
        long start = System.nanoTime();
        CompletionStage<List<BatchClient.ItemFailure<RequestEntryT>>> call;
        try {
            call = client.write(batch);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.toCompletableFuture()
                .handleAsync(
                        (failures, error) ->
                                error == null
                                        ? written(batch, failures, retry, start)
                                        : failed(batch, unwrap(error), retry),
                        io)
                .thenCompose(next -> next);
    }

    private CompletableFuture<Void> written(
            List<RequestEntryT> batch,
            List<BatchClient.ItemFailure<RequestEntryT>> failures,
            int retry,
            long start) {
        metrics.recordLatencySince(start);
        metrics.written(batch.size() - failures.size());
        if (failures.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<RequestEntryT> again = new ArrayList<>();
        Classification retryAs = null;
        try {
            for (BatchClient.ItemFailure<RequestEntryT> failure : failures) {
                Classification verdict = classifier.classify(unwrap(failure.error()));
                switch (verdict.outcome()) {
                    case SUCCESS -> metrics.written(1);
                    case REJECT -> reject(failure.entry(), verdict);
                    case FAIL -> {
                        return CompletableFuture.failedFuture(fatal(verdict, failure.error()));
                    }
                    case RETRY, RETRY_CONTENTION -> {
                        again.add(failure.entry());
                        retryAs =
                                retryAs == null || verdict.outcome() == WriteOutcome.RETRY
                                        ? verdict
                                        : retryAs;
                    }
                }
            }
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return again.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : retryOrGiveUp(again, retryAs, retry, null);
    }

    private CompletableFuture<Void> failed(List<RequestEntryT> batch, Throwable error, int retry) {
        Classification verdict = classifier.classify(error);
        switch (verdict.outcome()) {
            case SUCCESS:
                metrics.written(batch.size());
                return CompletableFuture.completedFuture(null);
            case FAIL:
                return CompletableFuture.failedFuture(fatal(verdict, error));
            case RETRY:
            case RETRY_CONTENTION:
                return retryOrGiveUp(batch, verdict, retry, error);
            case REJECT:
            default:
                if (batch.size() == 1) {
                    try {
                        reject(batch.get(0), verdict);
                        return CompletableFuture.completedFuture(null);
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                }
                int half = batch.size() / 2;
                List<RequestEntryT> left = batch.subList(0, half);
                List<RequestEntryT> right = batch.subList(half, batch.size());
                LOG.info(
                        "{} rejected a batch of {} entries ({}); splitting it to isolate the cause",
                        handling.backend(),
                        batch.size(),
                        verdict.code());
                // In order: the right half waits for the left, so batch order is kept.
                return attempt(left, 0).thenCompose(ignored -> attempt(right, 0));
        }
    }

    private CompletableFuture<Void> retryOrGiveUp(
            List<RequestEntryT> batch, Classification verdict, int retry, Throwable error) {
        RetryPolicy policy =
                verdict.outcome() == WriteOutcome.RETRY_CONTENTION
                        ? handling.contentionRetries()
                        : handling.retries();
        if (policy.canRetry(retry)) {
            Duration delay = verdict.delay(policy, retry);
            metrics.retried(verdict.outcome());
            LOG.info(
                    "{} write of {} entries failed ({}), retry {} of {} in {} ms",
                    handling.backend(),
                    batch.size(),
                    verdict.code(),
                    retry + 1,
                    policy.maxRetries(),
                    delay.toMillis());
            Executor later =
                    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, io);
            return CompletableFuture.supplyAsync(() -> attempt(batch, retry + 1), later)
                    .thenCompose(next -> next);
        }
        String message =
                handling.backend()
                        + " still failing after "
                        + policy.maxRetries()
                        + " retries ("
                        + verdict.code()
                        + ")";
        if (handling.onRetriesExhausted() == RetriesExhausted.RECONCILE) {
            LOG.warn("{}; {} entries handed to the reconciliation queue", message, batch.size());
            try {
                Instant now = Instant.now();
                synchronized (this) {
                    for (RequestEntryT entry : batch) {
                        reconciliation.send(toReconciliation(entry, verdict.code(), now));
                    }
                }
                metrics.reconciled(batch.size());
                return CompletableFuture.completedFuture(null);
            } catch (IOException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.failedFuture(
                new IOException(
                        message + "; failing the job to restart from the last checkpoint", error));
    }

    /** {@code entry} as a first reconciliation attempt: the payload is the checkpoint format. */
    private Reconciliation toReconciliation(RequestEntryT entry, String code, Instant now) {
        byte[] key = toDeadLetter(entry, ReasonCode.STORE_UNAVAILABLE, code).key();
        return new Reconciliation(
                handling.backend(),
                handling.stage(),
                codec.operation(),
                key == null ? null : new String(key, StandardCharsets.UTF_8),
                1,
                code,
                now,
                now,
                codec.formatVersion(),
                codec.encode(entry),
                null);
    }

    private void reject(RequestEntryT entry, Classification verdict) throws IOException {
        LOG.warn(
                "{} rejected an entry ({}); sent to the dead-letter queue",
                handling.backend(),
                verdict.code());
        deadLetter(
                entry,
                ReasonCode.STORE_REJECTED,
                handling.backend() + " rejected the write: " + verdict.code());
    }

    private void deadLetter(RequestEntryT entry, ReasonCode reason, String message)
            throws IOException {
        DeadLetter letter = toDeadLetter(entry, reason, message);
        synchronized (this) {
            deadLetters.send(letter);
        }
        metrics.deadLettered(reason);
    }

    private IOException fatal(Classification verdict, Throwable error) {
        return new IOException(
                handling.backend()
                        + " cannot be written ("
                        + verdict.code()
                        + "); failing the job to restart from the last checkpoint",
                error);
    }

    /**
     * Waits for in-flight batches (and, at end of input, the buffer), then makes every dead letter
     * and reconciliation record sent so far durable. A failure here fails the checkpoint.
     */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        super.flush(endOfInput);
        try {
            synchronized (this) {
                deadLetters.flush();
                if (reconciliation != null) {
                    reconciliation.flush();
                }
            }
        } catch (IOException e) {
            throw new FlinkRuntimeException(
                    "Dead letters of the "
                            + handling.backend()
                            + " sink could not be made durable; failing the checkpoint",
                    e);
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            io.shutdownNow();
            client.close();
            closeQuietly(deadLetters);
            closeQuietly(reconciliation);
        }
    }

    private static void closeQuietly(RecordQueue.Writer<?> writer) {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Closing a dead-letter writer failed", e);
        }
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Exception asException(Throwable t) {
        return t instanceof Exception e ? e : new IOException("Write failed", t);
    }

    /**
     * The element converter {@link AsyncSinkWriter} calls, which hands back the entry {@link
     * #write} already converted to check its size, so an element is converted once.
     */
    private static final class PreConverted<InputT, RequestEntryT extends Serializable>
            implements ElementConverter<InputT, RequestEntryT> {
        private static final long serialVersionUID = 1L;

        private final ElementConverter<InputT, RequestEntryT> delegate;
        private transient RequestEntryT ahead;

        PreConverted(ElementConverter<InputT, RequestEntryT> delegate) {
            this.delegate = delegate;
        }

        RequestEntryT convertAhead(InputT element, Context context) {
            ahead = delegate.apply(element, context);
            return ahead;
        }

        void clear() {
            ahead = null;
        }

        @Override
        public RequestEntryT apply(InputT element, Context context) {
            RequestEntryT entry = ahead;
            ahead = null;
            return entry != null ? entry : delegate.apply(element, context);
        }

        @Override
        public void open(WriterInitContext context) {
            delegate.open(context);
        }
    }
}
