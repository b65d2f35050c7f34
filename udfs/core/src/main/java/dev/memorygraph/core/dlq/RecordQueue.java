package dev.memorygraph.core.dlq;

import java.io.IOException;
import java.io.Serializable;

/**
 * A queue a sink writer hands records to after the stream has left the operators that own a side
 * output: the dead-letter topic ({@link DeadLetterQueue}) and the reconciliation topic ({@link
 * ReconciliationQueue}). Writers send asynchronously and {@link Writer#flush()} on every
 * checkpoint, so a record is durable before the checkpoint that skips its entry completes.
 *
 * @param <T> the record type
 */
public interface RecordQueue<T> extends Serializable {

    /** Opens a writer for one sink subtask. */
    Writer<T> open() throws IOException;

    /** One subtask's connection to the queue. Not thread-safe: callers serialise their calls. */
    interface Writer<T> extends AutoCloseable {

        void send(T record) throws IOException;

        /** Blocks until every record sent so far is durable; fails if any could not be. */
        void flush() throws IOException;

        @Override
        void close() throws IOException;
    }
}
