package dev.memorygraph.model.rollup;

import java.util.Objects;

/**
 * One rollup row: the responses of one window ({@link #granularity}, {@link #windowStart}) and one
 * group ({@link #dimension} and its values), as counts, sums and two quantile sketches. Every field
 * merges exactly (counts and sums are integers, cost in nano-USD), so {@link #merge} is associative
 * and commutative and a rollup does not depend on the order its events came in.
 *
 * <p>A Flink POJO. Values of the dimensions not grouped by are {@code null}; a grouped value the
 * event lacks is {@link #UNKNOWN}.
 */
public final class Rollup {

    public static final String UNKNOWN = "unknown";

    /** {@code hour}, {@code day} or {@code month}. */
    public String granularity;

    /** Start of the window, epoch milliseconds (UTC). */
    public long windowStart;

    /**
     * What the row groups by: {@code tenant}, {@code model}, {@code user} or {@code tenant_model}.
     */
    public String dimension;

    public String tenantId;
    public String modelId;
    public String userId;

    public long responses;
    public long errors;
    public long promptTokens;
    public long completionTokens;
    public long totalTokens;

    /** Sum of the priced responses' cost, in nano-USD (an integer, so sums are exact). */
    public long costNanoUsd;

    /** Responses with a price, and without one (never counted as a cost of 0). */
    public long priced;

    public long unpriced;

    public QuantileSketch latencyMs = new QuantileSketch();
    public QuantileSketch ttftMs = new QuantileSketch();

    public Rollup() {}

    /** The identity of the row: a rerun or a late correction of it overwrites, never adds. */
    public String key() {
        return granularity
                + "|"
                + windowStart
                + "|"
                + dimension
                + "|"
                + Objects.toString(tenantId, "")
                + "|"
                + Objects.toString(modelId, "")
                + "|"
                + Objects.toString(userId, "");
    }

    /** The group, without the window: what a window's rows are keyed by. */
    public String groupKey() {
        return dimension
                + "|"
                + Objects.toString(tenantId, "")
                + "|"
                + Objects.toString(modelId, "")
                + "|"
                + Objects.toString(userId, "");
    }

    /** A new row holding both rows' counts; this row's window and group. */
    public Rollup merge(Rollup other) {
        Rollup out = copy();
        out.responses += other.responses;
        out.errors += other.errors;
        out.promptTokens += other.promptTokens;
        out.completionTokens += other.completionTokens;
        out.totalTokens += other.totalTokens;
        out.costNanoUsd += other.costNanoUsd;
        out.priced += other.priced;
        out.unpriced += other.unpriced;
        out.latencyMs.merge(other.latencyMs);
        out.ttftMs.merge(other.ttftMs);
        return out;
    }

    /** This row in window {@code start} of {@code granularity}. */
    public Rollup inWindow(String granularity, long start) {
        Rollup out = copy();
        out.granularity = granularity;
        out.windowStart = start;
        return out;
    }

    public double costUsd() {
        return costNanoUsd / 1e9;
    }

    /** Share of responses that failed; 0 for an empty row. */
    public double errorRate() {
        return responses == 0 ? 0 : errors / (double) responses;
    }

    public Rollup copy() {
        Rollup c = new Rollup();
        c.granularity = granularity;
        c.windowStart = windowStart;
        c.dimension = dimension;
        c.tenantId = tenantId;
        c.modelId = modelId;
        c.userId = userId;
        c.responses = responses;
        c.errors = errors;
        c.promptTokens = promptTokens;
        c.completionTokens = completionTokens;
        c.totalTokens = totalTokens;
        c.costNanoUsd = costNanoUsd;
        c.priced = priced;
        c.unpriced = unpriced;
        c.latencyMs = latencyMs.copy();
        c.ttftMs = ttftMs.copy();
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rollup r
                && key().equals(r.key())
                && responses == r.responses
                && errors == r.errors
                && promptTokens == r.promptTokens
                && completionTokens == r.completionTokens
                && totalTokens == r.totalTokens
                && costNanoUsd == r.costNanoUsd
                && priced == r.priced
                && unpriced == r.unpriced
                && latencyMs.equals(r.latencyMs)
                && ttftMs.equals(r.ttftMs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key(), responses, costNanoUsd);
    }

    /** Ids and counts only: a rollup holds no text. */
    @Override
    public String toString() {
        return "Rollup{" + key() + " responses=" + responses + " errors=" + errors + "}";
    }
}
