package dev.memorygraph.operators.metadata;

import java.time.Duration;

/**
 * After a failed call to a lookup service, how long its lookups are not tried (events go on with
 * partial data meanwhile): from {@code initial}, doubling up to {@code max}, back to {@code
 * initial} after a success. Thread-safe.
 */
final class OutageBackoff {

    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;
    private long closedUntilMillis;

    OutageBackoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = initialMillis;
    }

    /** Whether calls are paused at {@code now}. */
    synchronized boolean paused(long now) {
        return now < closedUntilMillis;
    }

    /**
     * A call failed at {@code now}: pauses calls and returns for how long (ms). Calls that were
     * already out when the pause began fail within it and do not lengthen it.
     */
    synchronized long failed(long now) {
        if (now < closedUntilMillis) {
            return closedUntilMillis - now;
        }
        long wait = nextMillis;
        closedUntilMillis = now + wait;
        nextMillis = Math.min(nextMillis * 2, maxMillis);
        return wait;
    }

    synchronized void succeeded() {
        nextMillis = initialMillis;
    }
}
