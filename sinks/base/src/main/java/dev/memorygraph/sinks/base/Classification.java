package dev.memorygraph.sinks.base;

import java.util.Objects;

/**
 * A {@link FailureClassifier}'s verdict on one failure: what to do, and a code that names the
 * failure in logs, metrics and dead letters. The code is the store's error code or an exception
 * class name, never a message: store messages may quote the data.
 */
public record Classification(WriteOutcome outcome, String code) {

    public Classification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(code, "code");
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
