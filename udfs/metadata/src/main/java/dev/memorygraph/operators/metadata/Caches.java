package dev.memorygraph.operators.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lookups' per-subtask caches. */
final class Caches {

    private Caches() {}

    /**
     * A thread-safe map of at most {@code maxEntries}, dropping the least recently used entry
     * beyond that: keys come from events, so an unbounded cache would let hostile or merely
     * high-cardinality input exhaust the heap.
     */
    static <K, V> Map<K, V> bounded(int maxEntries) {
        return Collections.synchronizedMap(
                new LinkedHashMap<>(1024, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                        return size() > maxEntries;
                    }
                });
    }
}
