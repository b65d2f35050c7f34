package dev.memorygraph.sinks.testing;

import dev.memorygraph.core.dlq.DeadLetterQueue;
import dev.memorygraph.model.DeadLetter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dead-letter queue in this JVM, by name (sinks are serialised to their tasks): letters become
 * {@link #durable()} on {@code flush} only, and flushing can be made to fail, so tests can tell a
 * letter that was sent from one that survived a checkpoint.
 */
public final class TestingDeadLetterQueue implements DeadLetterQueue {

    private static final long serialVersionUID = 1L;

    private static final Map<String, State> STATES = new ConcurrentHashMap<>();

    private final String name;

    public TestingDeadLetterQueue(String name) {
        this.name = name;
        STATES.put(name, new State());
    }

    /** Letters sent, durable or not. */
    public List<DeadLetter> sent() {
        State state = STATES.get(name);
        synchronized (state) {
            List<DeadLetter> all = new ArrayList<>(state.durable);
            all.addAll(state.pending);
            return all;
        }
    }

    /** Letters made durable by a successful flush. */
    public List<DeadLetter> durable() {
        State state = STATES.get(name);
        synchronized (state) {
            return List.copyOf(state.durable);
        }
    }

    /** Whether the next flushes fail, as a broker that is down would make them. */
    public void failFlushes(boolean fail) {
        STATES.get(name).failFlushes = fail;
    }

    @Override
    public Writer open() {
        State state = STATES.get(name);
        return new Writer() {
            @Override
            public void send(DeadLetter letter) {
                synchronized (state) {
                    state.pending.add(letter);
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (state) {
                    if (state.failFlushes) {
                        throw new IOException("dead-letter broker unavailable (test)");
                    }
                    state.durable.addAll(state.pending);
                    state.pending.clear();
                }
            }

            @Override
            public void close() {}
        };
    }

    private static final class State {
        final List<DeadLetter> durable = new ArrayList<>();
        final List<DeadLetter> pending = new ArrayList<>();
        volatile boolean failFlushes;
    }
}
