package dev.memorygraph.model;

/**
 * Token usage reported by the provider for one response.
 *
 * @param cachedPromptTokens prompt tokens the provider served from its prompt cache (part of {@code
 *     promptTokens}); optional, beyond the spec's three
 * @param reasoningTokens completion tokens spent on reasoning (part of {@code completionTokens});
 *     optional, beyond the spec's three
 */
public record Usage(
        Long promptTokens,
        Long completionTokens,
        Long totalTokens,
        Long cachedPromptTokens,
        Long reasoningTokens) {

    /** The spec's three counts. */
    public Usage(Long promptTokens, Long completionTokens, Long totalTokens) {
        this(promptTokens, completionTokens, totalTokens, null, null);
    }
}
