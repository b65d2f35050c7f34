package dev.memorygraph.operators.metadata;

import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.Usage;

/**
 * The cost of a response from its tokens and a {@link Price}.
 *
 * <p>Tokens: the provider's reported usage when the event has it ({@code tokenSource=provider});
 * otherwise the text stage's counts of the prompt text (through the join) and of the response text
 * ({@code counted}). Cost = uncached input × input price + cached input × cached-input price (the
 * input price when the model has none) + output × output price, per 1,000 tokens; reasoning tokens
 * are output tokens and are priced as such. Without a price the cost is {@code unpriced} with a
 * {@code null} amount, never 0.
 */
public final class CostCalculator {

    private CostCalculator() {}

    /**
     * @param price the model's price at the response's time; {@code null} when none is known
     * @param priceSource {@link Cost#PRICES_REGISTRY} or {@link Cost#PRICES_FALLBACK}
     */
    public static Cost cost(EnrichedEvent response, Price price, String priceSource) {
        ResponseEvent event = response.event().response();
        Usage usage = event.usage();
        long input;
        long output;
        long cached = 0;
        long reasoning = 0;
        String tokenSource;
        if (usage != null && usage.promptTokens() != null && usage.completionTokens() != null) {
            tokenSource = Cost.TOKENS_PROVIDER;
            input = usage.promptTokens();
            output = usage.completionTokens();
            cached = clamp(usage.cachedPromptTokens(), input);
            reasoning = clamp(usage.reasoningTokens(), output);
        } else {
            tokenSource = Cost.TOKENS_COUNTED;
            PromptLink prompt = response.metadataOrNone().prompt();
            input = prompt == null || prompt.promptTokens() == null ? 0 : prompt.promptTokens();
            output = response.text() == null ? 0 : response.text().tokenCount();
        }
        if (price == null) {
            return new Cost(
                    null, Cost.UNPRICED, tokenSource, null, null, input, output, cached, reasoning);
        }
        double cachedPrice =
                price.cachedInputPer1k() == null ? price.inputPer1k() : price.cachedInputPer1k();
        double usd =
                ((input - cached) * price.inputPer1k()
                                + cached * cachedPrice
                                + output * price.outputPer1k())
                        / 1_000.0;
        return new Cost(
                round(usd),
                Cost.PRICED,
                tokenSource,
                priceSource,
                price.from(),
                input,
                output,
                cached,
                reasoning);
    }

    private static long clamp(Long part, long whole) {
        return part == null ? 0 : Math.max(0, Math.min(part, whole));
    }

    /** To 1e-10 USD, so that sums are not noise in the last digits. */
    private static double round(double usd) {
        return Math.round(usd * 1e10) / 1e10;
    }
}
