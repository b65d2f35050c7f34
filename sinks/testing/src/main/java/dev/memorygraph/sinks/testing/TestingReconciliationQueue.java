package dev.memorygraph.sinks.testing;

import dev.memorygraph.core.dlq.ReconciliationQueue;
import dev.memorygraph.model.Reconciliation;

/** A {@link TestingRecordQueue} of reconciliation records. */
public final class TestingReconciliationQueue extends TestingRecordQueue<Reconciliation>
        implements ReconciliationQueue {

    private static final long serialVersionUID = 1L;

    public TestingReconciliationQueue(String name) {
        super(name);
    }
}
