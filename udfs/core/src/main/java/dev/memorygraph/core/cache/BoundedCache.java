package dev.memorygraph.core.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A map of at most {@code maxEntries} that drops the least recently used entry beyond that, with
 * its hit rate. Keys come from events, so an unbounded cache would let hostile or merely
 * high-cardinality input exhaust the heap.
 *
 * <p>Caches in the operators hold only values that are a pure function of their key (a text's
 * features by the text's hash, a lookup's answer by its id): whether a value came from the cache
 * never changes a result, so an empty cache after a restart changes nothing but the cost.
 *
 * <p>Not thread-safe: one instance per operator subtask, used from its task thread. {@link
 * #synchronizedLru} gives a plain thread-safe map for callers that complete on other threads.
 */
public final class BoundedCache<K, V> {

    private final LinkedHashMap<K, V> entries;
    private final CacheHitRate hitRate = new CacheHitRate();

    public BoundedCache(int maxEntries) {
        this.entries = lru(maxEntries);
    }

    /**
     * The cached value of {@code key}, or {@code compute}'s (then cached). With {@code maxEntries}
     * 0 nothing is kept and every call computes.
     */
    public V get(K key, Function<? super K, ? extends V> compute) {
        hitRate.request();
        V value = entries.get(key);
        if (value != null) {
            hitRate.hit();
            return value;
        }
        value = compute.apply(key);
        entries.put(key, value);
        return value;
    }

    public int size() {
        return entries.size();
    }

    /** Share of {@link #get} calls answered from the cache, as {@code cache_hit_rate{layer}}. */
    public CacheHitRate hitRate() {
        return hitRate;
    }

    /** A thread-safe least-recently-used map of at most {@code maxEntries}. */
    public static <K, V> Map<K, V> synchronizedLru(int maxEntries) {
        return Collections.synchronizedMap(lru(maxEntries));
    }

    /** A least-recently-used map of at most {@code maxEntries}, not thread-safe. */
    public static <K, V> LinkedHashMap<K, V> lru(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative: " + maxEntries);
        }
        return new LinkedHashMap<>(Math.min(maxEntries, 1024) + 1, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }
}
