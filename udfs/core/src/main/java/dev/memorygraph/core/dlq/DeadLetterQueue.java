package dev.memorygraph.core.dlq;

import dev.memorygraph.model.DeadLetter;

/**
 * The dead-letter queue as seen from inside a sink writer, for records a store rejects for good
 * (and oversized ones).
 */
public interface DeadLetterQueue extends RecordQueue<DeadLetter> {}
