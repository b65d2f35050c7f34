package dev.memorygraph.operators.metadata;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.metrics.Gauge;

/** A lookup cache's hit rate since the subtask opened, as the {@code cache_hit_rate} gauge. */
final class CacheHitRate implements Gauge<Double> {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    void request() {
        requests.incrementAndGet();
    }

    void hit() {
        hits.incrementAndGet();
    }

    @Override
    public Double getValue() {
        long n = requests.get();
        return n == 0 ? 0.0 : (double) hits.get() / n;
    }
}
