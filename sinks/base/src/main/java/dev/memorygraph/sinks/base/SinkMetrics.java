package dev.memorygraph.sinks.base;

import static dev.memorygraph.core.metrics.MetricNames.LABEL_CAUSE;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STORAGE_BACKEND;
import static dev.memorygraph.core.metrics.MetricNames.STORAGE_WRITES_TOTAL;
import static dev.memorygraph.core.metrics.MetricNames.STORAGE_WRITE_FAILURES_TOTAL;
import static dev.memorygraph.core.metrics.MetricNames.STORAGE_WRITE_RECONCILED_TOTAL;
import static dev.memorygraph.core.metrics.MetricNames.STORAGE_WRITE_RETRIES_TOTAL;
import static dev.memorygraph.core.metrics.MetricNames.WRITE_LATENCY_SECONDS;

import dev.memorygraph.core.metrics.DeadLetterCounter;
import dev.memorygraph.core.metrics.DurationHistogram;
import dev.memorygraph.model.ReasonCode;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * The metrics every store sink exports (spec §7 names), labelled {@code storage_backend}: write
 * latency per committed request, records written, dead-lettered and reconciled, retries by cause,
 * and {@code dead_letters_total{stage,reason}} like every other stage that dead-letters. Updated
 * from the writer's I/O thread, hence the thread-safe counters.
 */
public final class SinkMetrics {

    public static final String CAUSE_TRANSIENT = "transient";
    public static final String CAUSE_CONTENTION = "contention";

    private final DurationHistogram latency;
    private final Counter written;
    private final Counter failed;
    private final Counter reconciled;
    private final Counter transientRetries;
    private final Counter contentionRetries;
    private final DeadLetterCounter deadLetters;

    public SinkMetrics(MetricGroup operator, String backend, String stage) {
        MetricGroup store = operator.addGroup(LABEL_STORAGE_BACKEND, backend);
        this.latency = store.histogram(WRITE_LATENCY_SECONDS, new DurationHistogram(1024));
        this.written = store.counter(STORAGE_WRITES_TOTAL, new ThreadSafeSimpleCounter());
        this.failed = store.counter(STORAGE_WRITE_FAILURES_TOTAL, new ThreadSafeSimpleCounter());
        this.reconciled =
                store.counter(STORAGE_WRITE_RECONCILED_TOTAL, new ThreadSafeSimpleCounter());
        this.transientRetries =
                store.addGroup(LABEL_CAUSE, CAUSE_TRANSIENT)
                        .counter(STORAGE_WRITE_RETRIES_TOTAL, new ThreadSafeSimpleCounter());
        this.contentionRetries =
                store.addGroup(LABEL_CAUSE, CAUSE_CONTENTION)
                        .counter(STORAGE_WRITE_RETRIES_TOTAL, new ThreadSafeSimpleCounter());
        this.deadLetters = new DeadLetterCounter(operator, stage);
    }

    public void recordLatencySince(long startNanos) {
        latency.recordSince(startNanos);
    }

    public void written(long count) {
        written.inc(count);
    }

    public void retried(WriteOutcome outcome) {
        (outcome == WriteOutcome.RETRY_CONTENTION ? contentionRetries : transientRetries).inc();
    }

    public void reconciled(long count) {
        reconciled.inc(count);
    }

    /** A record went to the dead-letter queue for {@code reason}. */
    public void deadLettered(ReasonCode reason) {
        failed.inc();
        deadLetters.inc(reason);
    }

    public long writtenCount() {
        return written.getCount();
    }

    public long deadLetteredCount() {
        return failed.getCount();
    }

    public long retryCount(WriteOutcome outcome) {
        return (outcome == WriteOutcome.RETRY_CONTENTION ? contentionRetries : transientRetries)
                .getCount();
    }

    public long reconciledCount() {
        return reconciled.getCount();
    }
}
