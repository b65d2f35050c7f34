package dev.memorygraph.sinks.base;

import dev.memorygraph.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link FailureClassifier}'s verdict on one failure: what to do, and a code that names the
 * failure in logs, metrics and dead letters. The code is the store's error code or an exception
 * class name, never a message: store messages may quote the data.
 */
public record Classification(WriteOutcome outcome, String code, Duration retryAfter) {

    public Classification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(code, "code");
    }

    public Classification(WriteOutcome outcome, String code) {
        this(outcome, code, null);
    }

    /**
     * A transient failure whose store said when to come back ({@code Retry-After}): the writer
     * waits at least that long, up to {@link #MAX_RETRY_AFTER}, instead of its own schedule when
     * that is shorter. {@code retryAfter} null: the schedule alone.
     */
    public static Classification retryAfter(String code, Duration retryAfter) {
        return new Classification(WriteOutcome.RETRY, code, retryAfter);
    }

    /** The longest {@code Retry-After} a writer honours; a longer one is cut to this. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** The delay before retry {@code retry + 1}: the schedule's, or the store's if longer. */
    public Duration delay(RetryPolicy policy, int retry) {
        Duration scheduled = policy.delay(retry);
        if (retryAfter == null || retryAfter.compareTo(scheduled) <= 0) {
            return scheduled;
        }
        return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    }

    public static Classification retry(String code) {
        return new Classification(WriteOutcome.RETRY, code);
    }

    public static Classification retryContention(String code) {
        return new Classification(WriteOutcome.RETRY_CONTENTION, code);
    }

    public static Classification reject(String code) {
        return new Classification(WriteOutcome.REJECT, code);
    }

    public static Classification fail(String code) {
        return new Classification(WriteOutcome.FAIL, code);
    }

    boolean isRetry() {
        return outcome == WriteOutcome.RETRY || outcome == WriteOutcome.RETRY_CONTENTION;
    }
}
