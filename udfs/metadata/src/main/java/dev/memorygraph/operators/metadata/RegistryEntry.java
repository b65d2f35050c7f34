package dev.memorygraph.operators.metadata;

import dev.memorygraph.model.ModelInfo;
import dev.memorygraph.registry.v1.Model;
import dev.memorygraph.registry.v1.ModelUpdate;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the lookup's cache holds for one model id: the registry's model ({@code null} when the
 * registry does not know the id), its price history, and when the registry last said so.
 */
record RegistryEntry(Model model, PriceHistory prices, long fetchedAtMillis) {

    /**
     * Registry metadata key naming when the model's current prices took effect (ISO-8601 instant).
     */
    static final String PRICES_EFFECTIVE_FROM = "prices_effective_from";

    static final String CACHED_INPUT_COST_PER_1K = "cached_input_cost_per_1k";

    static RegistryEntry unknown(long now) {
        return new RegistryEntry(null, PriceHistory.of(java.util.List.of()), now);
    }

    boolean fresh(long now, long ttlMillis) {
        return now - fetchedAtMillis < ttlMillis;
    }

    /**
     * This entry after the registry answered {@code model} at {@code now}. Prices that changed
     * since the last answer take effect at the model's {@code prices_effective_from} if it names
     * one, else at {@code changedAt} (the update's timestamp, or the time of the answer that showed
     * the change); the first prices seen are in force since ever unless dated.
     *
     * @param dated whether {@code changedAt} dates the prices even when they are the first this
     *     entry sees (an update on the stream says when it happened; an answer does not)
     */
    static RegistryEntry answered(
            RegistryEntry previous, Model model, Instant changedAt, boolean dated, long now) {
        PriceHistory history =
                previous == null || previous.model() == null
                        ? PriceHistory.of(java.util.List.of())
                        : previous.prices();
        Instant from = effectiveFrom(model);
        if (from == null && (dated || history.latest() != null)) {
            from = changedAt;
        }
        double input = model.getInputCostPer1K();
        double output = model.getOutputCostPer1K();
        boolean priced =
                input >= 0
                        && output >= 0
                        && (input > 0 || output > 0)
                        && Double.isFinite(input)
                        && Double.isFinite(output);
        if (!priced) {
            // proto3 cannot tell 0 from unset: a model without prices is unpriced, never free
            return new RegistryEntry(model, history, now);
        }
        Price price = new Price(from, input, output, cachedInputPrice(model));
        return new RegistryEntry(model, history.with(price), now);
    }

    /** This entry after {@code update} arrived on the stream at {@code now}. */
    static RegistryEntry updated(RegistryEntry previous, ModelUpdate update, long now) {
        Instant at = instant(update.hasTimestamp(), update.getTimestamp());
        if (at == null) {
            at = Instant.ofEpochMilli(now);
        }
        Model model = update.getModel();
        if (update.getType() == ModelUpdate.UpdateType.DEPRECATED && !model.hasDeprecatedAt()) {
            model =
                    model.toBuilder()
                            .setDeprecatedAt(
                                    com.google.protobuf.Timestamp.newBuilder()
                                            .setSeconds(at.getEpochSecond())
                                            .setNanos(at.getNano()))
                            .build();
        }
        return answered(previous, model, at, true, now);
    }

    /** The model as the event sees it at {@code time}. */
    ModelInfo info(Instant time, String source) {
        Instant released = instant(model.hasReleasedAt(), model.getReleasedAt());
        Instant deprecatedAt = instant(model.hasDeprecatedAt(), model.getDeprecatedAt());
        return new ModelInfo(
                model.getId(),
                blankToNull(model.getProvider()),
                blankToNull(model.getFamily()),
                blankToNull(model.getVersion()),
                model.getContextWindow() > 0 ? model.getContextWindow() : null,
                model.getMaxOutputTokens() > 0 ? model.getMaxOutputTokens() : null,
                java.util.List.copyOf(model.getCapabilitiesList()),
                released,
                deprecatedAt,
                deprecatedAt != null && !deprecatedAt.isAfter(time),
                source);
    }

    private static Instant effectiveFrom(Model model) {
        String value = model.getMetadataMap().get(PRICES_EFFECTIVE_FROM);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Double cachedInputPrice(Model model) {
        String value = model.getMetadataMap().get(CACHED_INPUT_COST_PER_1K);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double price = Double.parseDouble(value.strip());
            return price >= 0 ? price : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The timestamp as an instant; {@code null} when absent or out of range. */
    private static Instant instant(boolean present, com.google.protobuf.Timestamp timestamp) {
        if (!present) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
