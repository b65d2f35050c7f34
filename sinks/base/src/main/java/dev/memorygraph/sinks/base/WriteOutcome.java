package dev.memorygraph.sinks.base;

/**
 * What a sink writer does with a write that failed, as decided by its {@link FailureClassifier}.
 * There is no outcome that drops a record silently.
 */
public enum WriteOutcome {
    /** The store accepted the write. */
    SUCCESS,
    /**
     * The failure is transient (network, timeout, overload): the same write is tried again after
     * the writer's transient retry schedule.
     */
    RETRY,
    /**
     * The failure is lock contention (a deadlock, a lock wait timed out): tried again after a short
     * jittered delay of its own, because the conflicting transaction is usually gone within
     * milliseconds and the transient schedule's 1 s would park the writer for nothing.
     */
    RETRY_CONTENTION,
    /**
     * The store refuses this data for good (constraint, mapping or client error): the record is
     * poison. A batch is split until the record is alone, then it goes to the dead-letter queue
     * with the store's error code; the rest of the batch is written. Never retried, never
     * re-queued.
     */
    REJECT,
    /**
     * The store cannot be written at all (authentication, permissions, unknown database): the job
     * fails with the code in the message and restarts from its last checkpoint. Nothing is
     * dead-lettered for an outage or a configuration error.
     */
    FAIL
}
