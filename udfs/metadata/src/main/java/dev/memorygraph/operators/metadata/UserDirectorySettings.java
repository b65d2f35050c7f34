package dev.memorygraph.operators.metadata;

import dev.memorygraph.core.retry.RetryPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Checked settings of the user lookups ({@code user.*}).
 *
 * @param url the directory's base URL; {@code null} when there is no directory (no lookups)
 * @param apiKeyFile file holding the bearer token; {@code null} for none
 * @param graphAttributes the display attributes kept (everything else the directory sends is
 *     dropped at the lookup)
 * @param capacity events in flight per subtask
 */
public record UserDirectorySettings(
        String url,
        String apiKeyFile,
        Duration cacheTtl,
        Duration timeout,
        RetryPolicy retry,
        List<String> graphAttributes,
        int capacity)
        implements Serializable {

    public boolean configured() {
        return url != null;
    }
}
