package dev.memorygraph.core.cache;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.metrics.Gauge;

/**
 * A cache's hit rate since the subtask opened, as the {@code cache_hit_rate{layer}} gauge (0 before
 * the first request). Thread-safe: lookups may count hits from client threads.
 */
public final class CacheHitRate implements Gauge<Double> {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    public void request() {
        requests.incrementAndGet();
    }

    public void hit() {
        hits.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long hits() {
        return hits.get();
    }

    @Override
    public Double getValue() {
        long n = requests.get();
        return n == 0 ? 0.0 : (double) hits.get() / n;
    }
}
