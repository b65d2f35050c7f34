package dev.memorygraph.sinks.base;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.flink.metrics.MetricGroup;

/**
 * The seam between a {@link BatchingSinkWriter} and a store's client: writes one batch and reports
 * what failed. Tests put a fake here to drive every failure path without a server.
 *
 * @param <T> the request entry type
 */
public interface BatchClient<T> extends AutoCloseable {

    /**
     * Writes {@code batch}. The stage fails when the whole batch failed (one transaction, one
     * request); it completes with the entries that failed on their own (stores with per-item
     * results, such as a bulk API), an empty list when all were written.
     */
    CompletionStage<List<ItemFailure<T>>> write(List<T> batch);

    /** Registers the client's own metrics (caches, ...) on the sink operator's group. */
    default void registerMetrics(MetricGroup operator) {}

    @Override
    void close();

    /** One entry the store refused on its own, with the error it gave. */
    record ItemFailure<T>(T entry, Throwable error) {}
}
