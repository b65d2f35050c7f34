package dev.memorygraph.operators.metadata;

import java.io.Serializable;
import java.time.Duration;

/**
 * Checked settings of the registry lookups ({@code registry.*}).
 *
 * @param address the registry's gRPC target ({@code host:port} or a gRPC URI); {@code null} when no
 *     registry is configured and prices come from the fallback table alone
 * @param cacheTtl how long a registry answer is used before it is asked again (the update stream
 *     refreshes entries meanwhile)
 * @param batchSize misses asked in one {@code BatchGetModels}
 * @param batchDelay how long a miss waits for others to share its call
 * @param timeout deadline of one call
 * @param initialBackoff first wait before the update stream is reopened, and how long lookups are
 *     not tried after a failed call (doubling up to {@code maxBackoff})
 * @param capacity events in flight per subtask
 */
public record RegistrySettings(
        String address,
        boolean tls,
        Duration cacheTtl,
        int batchSize,
        Duration batchDelay,
        Duration timeout,
        Duration initialBackoff,
        Duration maxBackoff,
        int capacity)
        implements Serializable {

    public boolean configured() {
        return address != null;
    }
}
