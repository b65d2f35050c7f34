package dev.memorygraph.core.dlq;

import dev.memorygraph.model.DeadLetter;
import java.io.IOException;
import java.io.Serializable;

/**
 * The dead-letter queue as seen from inside a sink writer, for records a store rejects after the
 * stream has left the operators that own a side output. Writers send letters asynchronously and
 * {@link Writer#flush()} on every checkpoint, so a letter is durable before the checkpoint that
 * skips its record completes.
 */
public interface DeadLetterQueue extends Serializable {

    /** Opens a writer for one sink subtask. */
    Writer open() throws IOException;

    /** One subtask's connection to the queue. Not thread-safe: callers serialise their calls. */
    interface Writer extends AutoCloseable {

        void send(DeadLetter letter) throws IOException;

        /** Blocks until every letter sent so far is durable; fails if any could not be. */
        void flush() throws IOException;

        @Override
        void close() throws IOException;
    }
}
