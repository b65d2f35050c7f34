package dev.memorygraph.sinks.base;

/**
 * What a sink does with a batch whose transient errors outlasted every retry. Valid data is never
 * dead-lettered as poison: only {@link WriteOutcome#REJECT} sends a record to the dead-letter
 * queue.
 */
public enum RetriesExhausted {
    /**
     * Fail the job (the default): it restarts from its last checkpoint and writes the batch again,
     * so nothing is lost; the restart strategy's backoff spaces the attempts.
     */
    FAIL,
    /**
     * Hand the batch to the reconciliation queue (a durable topic, flushed before each checkpoint)
     * and go on; a bounded reconciliation job writes it later. The other stores stay current.
     */
    RECONCILE
}
