package dev.memorygraph.core.dlq;

import dev.memorygraph.model.Reconciliation;

/**
 * The reconciliation queue as seen from inside a sink writer: writes a store could not take after
 * all retries, with what is needed to redo them, for the reconciliation job to replay.
 */
public interface ReconciliationQueue extends RecordQueue<Reconciliation> {}
