package dev.memorygraph.local;

import dev.memorygraph.core.dlq.DeadLetterQueue;
import dev.memorygraph.model.DeadLetter;
import java.util.concurrent.atomic.AtomicLong;

/** A dead-letter queue for benchmarks in one JVM: it only counts the letters. */
final class CountingDeadLetterQueue implements DeadLetterQueue {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong LETTERS = new AtomicLong();

    static long count() {
        return LETTERS.get();
    }

    @Override
    public Writer open() {
        return new Writer() {
            @Override
            public void send(DeadLetter letter) {
                LETTERS.incrementAndGet();
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
