package dev.memorygraph.operators.metadata;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One model's prices over time, oldest first: the price in force at an event's time applies, so a
 * price change never rewrites the cost of earlier events. Immutable.
 */
public final class PriceHistory implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Comparator<Price> BY_FROM =
            Comparator.comparing(Price::from, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final List<Price> prices;

    private PriceHistory(List<Price> prices) {
        this.prices = prices;
    }

    public static PriceHistory of(List<Price> prices) {
        List<Price> sorted = new ArrayList<>(prices);
        sorted.sort(BY_FROM);
        return new PriceHistory(List.copyOf(sorted));
    }

    /** The price in force at {@code time}; {@code null} when {@code time} is before all of them. */
    public Price at(Instant time) {
        Price found = null;
        for (Price price : prices) {
            if (price.inForceAt(time)) {
                found = price;
            } else {
                break;
            }
        }
        return found;
    }

    /** The newest price, {@code null} when there is none. */
    public Price latest() {
        return prices.isEmpty() ? null : prices.get(prices.size() - 1);
    }

    /**
     * This history with {@code price} added, unless the newest price already says the same; a price
     * from the same instant replaces the one it names.
     */
    public PriceHistory with(Price price) {
        Price latest = latest();
        if (latest != null && latest.samePricesAs(price)) {
            return this;
        }
        List<Price> more = new ArrayList<>(prices);
        more.removeIf(p -> java.util.Objects.equals(p.from(), price.from()));
        more.add(price);
        return of(more);
    }

    public List<Price> prices() {
        return prices;
    }
}
