package dev.memorygraph.model.rollup;

import java.util.Arrays;

/**
 * A mergeable quantile sketch with relative accuracy, DDSketch's logarithmic mapping (Masson, Rim
 * and Lee, VLDB 2019): a value {@code v > 0} is counted in bucket {@code ceil(log_γ v)}, with
 * {@code γ = (1 + α) / (1 − α)}, and a quantile is answered with its bucket's midpoint, within
 * {@code α} = 1% of the true value. Zero and negative values (a latency of 0 ms) have a bucket of
 * their own and are answered as 0.
 *
 * <p>Merging adds bucket counts, so it is exact, associative and commutative: a day's sketch merged
 * from its 24 hours equals the sketch of the day's values, in any order, bit for bit. That is what
 * lets hourly rollups merge into daily and monthly ones without re-reading events, and the live
 * (streaming) and the batch rollup of an hour agree whatever order events came in.
 *
 * <p>A Flink POJO (public fields, no-argument constructor): buckets are a dense {@code long[]} from
 * {@link #offset}; latencies from 1 ms to 10 min span about 670 buckets.
 */
public final class QuantileSketch {

    /** Relative accuracy of every quantile. */
    public static final double RELATIVE_ACCURACY = 0.01;

    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);

    /** Index of {@code counts[0]}. */
    public int offset;

    /** Counts of buckets {@code offset .. offset + counts.length - 1}. */
    public long[] counts = new long[0];

    /** Values {@code <= 0}. */
    public long zeroCount;

    public QuantileSketch() {}

    /** Counts {@code value}. */
    public void add(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            if (value <= 0) {
                zeroCount++;
            }
            // NaN and infinity are not measurements
            return;
        }
        int index = (int) Math.ceil(Math.log(value) / LOG_GAMMA);
        ensure(index, index);
        counts[index - offset]++;
    }

    /** Adds {@code other}'s counts to this sketch. */
    public void merge(QuantileSketch other) {
        zeroCount += other.zeroCount;
        if (other.counts.length == 0) {
            return;
        }
        ensure(other.offset, other.offset + other.counts.length - 1);
        for (int i = 0; i < other.counts.length; i++) {
            counts[other.offset + i - offset] += other.counts[i];
        }
    }

    /** Values counted. */
    public long count() {
        long n = zeroCount;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /**
     * The {@code q}-quantile (0 ≤ q ≤ 1) of the counted values, within 1% of a value of that rank;
     * {@code NaN} when nothing was counted.
     */
    public double quantile(double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be within [0, 1]: " + q);
        }
        long n = count();
        if (n == 0) {
            return Double.NaN;
        }
        // the rank of the lower value, as the nearest-rank method of the exact percentile
        long rank = (long) Math.floor(q * (n - 1));
        long seen = zeroCount;
        if (rank < seen) {
            return 0;
        }
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (rank < seen) {
                return 2 * Math.pow(GAMMA, offset + i) / (GAMMA + 1);
            }
        }
        throw new IllegalStateException("unreachable: rank " + rank + " of " + n);
    }

    /** Grows the bucket array to hold indexes {@code low..high}. */
    private void ensure(int low, int high) {
        if (counts.length == 0) {
            offset = low;
            counts = new long[high - low + 1];
            return;
        }
        int newLow = Math.min(low, offset);
        int newHigh = Math.max(high, offset + counts.length - 1);
        if (newLow == offset && newHigh == offset + counts.length - 1) {
            return;
        }
        long[] grown = new long[newHigh - newLow + 1];
        System.arraycopy(counts, 0, grown, offset - newLow, counts.length);
        counts = grown;
        offset = newLow;
    }

    public QuantileSketch copy() {
        QuantileSketch copy = new QuantileSketch();
        copy.offset = offset;
        copy.counts = counts.clone();
        copy.zeroCount = zeroCount;
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QuantileSketch other)) {
            return false;
        }
        // equal counts whatever the array's extent
        return zeroCount == other.zeroCount
                && Arrays.equals(trimmed().counts, other.trimmed().counts)
                && (trimmed().counts.length == 0 || trimmed().offset == other.trimmed().offset);
    }

    @Override
    public int hashCode() {
        QuantileSketch t = trimmed();
        return 31 * (31 * Long.hashCode(zeroCount) + t.offset) + Arrays.hashCode(t.counts);
    }

    private QuantileSketch trimmed() {
        int first = 0;
        int last = counts.length - 1;
        while (first <= last && counts[first] == 0) {
            first++;
        }
        while (last >= first && counts[last] == 0) {
            last--;
        }
        QuantileSketch t = new QuantileSketch();
        t.zeroCount = zeroCount;
        t.offset = offset + first;
        t.counts = first > last ? new long[0] : Arrays.copyOfRange(counts, first, last + 1);
        return t;
    }
}
