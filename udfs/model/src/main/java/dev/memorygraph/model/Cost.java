package dev.memorygraph.model;

import java.time.Instant;

/**
 * The estimated cost of a response: tokens times the prices of its model in force at the response's
 * time.
 *
 * @param usd the cost in US dollars; {@code null} when {@code status} is {@code unpriced} (never a
 *     silent 0)
 * @param status {@code priced}, or {@code unpriced} when no price for the model is known
 * @param tokenSource {@code provider} (the event's usage) or {@code counted} (the text stage's
 *     count of the prompt and response texts, when the event reports no usage)
 * @param priceSource {@code registry} or {@code fallback} (the table shipped with the job, used
 *     when the registry did not answer); {@code null} when unpriced
 * @param priceEffectiveFrom when the applied prices took effect; {@code null} when unpriced or in
 *     force since ever
 * @param cachedInputTokens input tokens served from the provider's prompt cache (part of {@code
 *     inputTokens}, priced at the cached-input price where the model has one)
 * @param reasoningTokens output tokens spent on reasoning (part of {@code outputTokens})
 */
public record Cost(
        Double usd,
        String status,
        String tokenSource,
        String priceSource,
        Instant priceEffectiveFrom,
        long inputTokens,
        long outputTokens,
        long cachedInputTokens,
        long reasoningTokens) {

    public static final String PRICED = "priced";
    public static final String UNPRICED = "unpriced";
    public static final String TOKENS_PROVIDER = "provider";
    public static final String TOKENS_COUNTED = "counted";
    public static final String PRICES_REGISTRY = "registry";
    public static final String PRICES_FALLBACK = "fallback";

    public boolean priced() {
        return PRICED.equals(status);
    }
}
