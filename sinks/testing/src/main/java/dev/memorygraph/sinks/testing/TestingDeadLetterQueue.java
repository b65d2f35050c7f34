package dev.memorygraph.sinks.testing;

import dev.memorygraph.core.dlq.DeadLetterQueue;
import dev.memorygraph.model.DeadLetter;

/** A {@link TestingRecordQueue} of dead letters. */
public final class TestingDeadLetterQueue extends TestingRecordQueue<DeadLetter>
        implements DeadLetterQueue {

    private static final long serialVersionUID = 1L;

    public TestingDeadLetterQueue(String name) {
        super(name);
    }
}
