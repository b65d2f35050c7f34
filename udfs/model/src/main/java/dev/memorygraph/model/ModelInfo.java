package dev.memorygraph.model;

import java.time.Instant;
import java.util.List;

/**
 * What the model registry says about an event's model (spec §5.2 {@code Model}), as the metadata
 * stage found it.
 *
 * @param deprecated whether the model was deprecated at the event's time
 * @param source {@code registry} (a fresh answer or one the update stream pushed), {@code stale} (a
 *     cached answer past its TTL, used because the registry did not answer)
 */
public record ModelInfo(
        String id,
        String provider,
        String family,
        String version,
        Integer contextWindow,
        Integer maxOutputTokens,
        List<String> capabilities,
        Instant releasedAt,
        Instant deprecatedAt,
        boolean deprecated,
        String source) {

    public static final String SOURCE_REGISTRY = "registry";
    public static final String SOURCE_STALE = "stale";
}
