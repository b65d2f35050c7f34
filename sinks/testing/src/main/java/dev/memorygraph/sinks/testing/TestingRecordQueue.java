package dev.memorygraph.sinks.testing;

import dev.memorygraph.core.dlq.RecordQueue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A queue in this JVM, by name (sinks are serialised to their tasks): records become {@link
 * #durable()} on {@code flush} only, and flushing can be made to fail, so tests can tell a record
 * that was sent from one that survived a checkpoint.
 *
 * @param <T> the record type
 */
public class TestingRecordQueue<T> implements RecordQueue<T> {

    private static final long serialVersionUID = 1L;

    private static final Map<String, State<?>> STATES = new ConcurrentHashMap<>();

    private final String name;

    public TestingRecordQueue(String name) {
        this.name = name;
        STATES.put(name, new State<T>());
    }

    @SuppressWarnings("unchecked")
    private State<T> state() {
        return (State<T>) STATES.get(name);
    }

    /** Records sent, durable or not. */
    public List<T> sent() {
        State<T> state = state();
        synchronized (state) {
            List<T> all = new ArrayList<>(state.durable);
            all.addAll(state.pending);
            return all;
        }
    }

    /** Records made durable by a successful flush. */
    public List<T> durable() {
        State<T> state = state();
        synchronized (state) {
            return List.copyOf(state.durable);
        }
    }

    /** Whether the next flushes fail, as a broker that is down would make them. */
    public void failFlushes(boolean fail) {
        state().failFlushes = fail;
    }

    @Override
    public Writer<T> open() {
        State<T> state = state();
        return new Writer<>() {
            @Override
            public void send(T record) {
                synchronized (state) {
                    state.pending.add(record);
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (state) {
                    if (state.failFlushes) {
                        throw new IOException("queue broker unavailable (test)");
                    }
                    state.durable.addAll(state.pending);
                    state.pending.clear();
                }
            }

            @Override
            public void close() {}
        };
    }

    private static final class State<T> {
        final List<T> durable = new ArrayList<>();
        final List<T> pending = new ArrayList<>();
        volatile boolean failFlushes;
    }
}
