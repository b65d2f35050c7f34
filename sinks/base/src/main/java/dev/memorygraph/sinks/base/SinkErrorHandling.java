package dev.memorygraph.sinks.base;

import dev.memorygraph.core.dlq.DeadLetterQueue;
import dev.memorygraph.core.dlq.ReconciliationQueue;
import dev.memorygraph.core.retry.RetryPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BatchingSinkWriter} treats failures: the retry schedules for transient errors and
 * for lock contention, what happens when retries run out, and where poison records and unwritable
 * batches go. {@code backend} labels the sink's metrics ({@code storage_backend}) and {@code stage}
 * its dead letters ({@code dlq.stage}). {@code reconciliation} may be null unless {@code
 * onRetriesExhausted} is {@link RetriesExhausted#RECONCILE}.
 */
public record SinkErrorHandling(
        String backend,
        String stage,
        RetryPolicy retries,
        RetryPolicy contentionRetries,
        RetriesExhausted onRetriesExhausted,
        DeadLetterQueue deadLetters,
        ReconciliationQueue reconciliation)
        implements Serializable {

    /** Short and jittered: the other transaction of a deadlock is usually gone in milliseconds. */
    public static final RetryPolicy DEFAULT_CONTENTION_RETRIES =
            RetryPolicy.of(
                    "contention-retry", Duration.ofMillis(20), 2.0, Duration.ofMillis(500), 8, 0.5);

    public SinkErrorHandling {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(contentionRetries, "contentionRetries");
        Objects.requireNonNull(onRetriesExhausted, "onRetriesExhausted");
        Objects.requireNonNull(deadLetters, "deadLetters");
        if (onRetriesExhausted == RetriesExhausted.RECONCILE && reconciliation == null) {
            throw new IllegalArgumentException(
                    backend
                            + ".on-retries-exhausted is RECONCILE but no reconciliation queue is set");
        }
    }
}
