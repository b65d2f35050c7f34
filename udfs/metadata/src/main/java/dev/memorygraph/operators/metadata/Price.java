package dev.memorygraph.operators.metadata;

import java.io.Serializable;
import java.time.Instant;

/**
 * A model's prices in US dollars per 1,000 tokens, in force from {@code from} until the next price
 * of the same model.
 *
 * @param from when the prices took effect; {@code null} for "since ever"
 * @param cachedInputPer1k the price of input served from the provider's prompt cache; {@code null}
 *     where the model has none (such tokens are then priced as input)
 */
public record Price(Instant from, double inputPer1k, double outputPer1k, Double cachedInputPer1k)
        implements Serializable {

    public Price {
        if (!(inputPer1k >= 0) || !(outputPer1k >= 0)) {
            throw new IllegalArgumentException("prices must be non-negative numbers");
        }
        if (cachedInputPer1k != null && !(cachedInputPer1k >= 0)) {
            throw new IllegalArgumentException("the cached-input price must be non-negative");
        }
    }

    boolean inForceAt(Instant time) {
        return from == null || !from.isAfter(time);
    }

    boolean samePricesAs(Price other) {
        return inputPer1k == other.inputPer1k
                && outputPer1k == other.outputPer1k
                && java.util.Objects.equals(cachedInputPer1k, other.cachedInputPer1k);
    }
}
