package dev.memorygraph.operators.validate;

/**
 * Share of invalid records over a sliding processing-time window, kept in ten buckets so that old
 * traffic ages out smoothly. Not thread-safe: updated on the task thread, read by the metric
 * reporter as a best-effort snapshot.
 */
final class ErrorRateWindow {

    private static final int BUCKETS = 10;

    private final long bucketMillis;
    private final long[] total = new long[BUCKETS];
    private final long[] invalid = new long[BUCKETS];
    private final long[] bucketStart = new long[BUCKETS];

    ErrorRateWindow(long windowMillis) {
        this.bucketMillis = Math.max(1, windowMillis / BUCKETS);
    }

    void record(boolean isInvalid, long nowMillis) {
        long start = nowMillis - Math.floorMod(nowMillis, bucketMillis);
        int slot = (int) Math.floorMod(start / bucketMillis, (long) BUCKETS);
        if (bucketStart[slot] != start) {
            bucketStart[slot] = start;
            total[slot] = 0;
            invalid[slot] = 0;
        }
        total[slot]++;
        if (isInvalid) {
            invalid[slot]++;
        }
    }

    /** Records in the window ending at {@code nowMillis}. */
    long total(long nowMillis) {
        return sum(total, nowMillis);
    }

    /** Invalid share in the window ending at {@code nowMillis}, 0 when empty. */
    double rate(long nowMillis) {
        long all = sum(total, nowMillis);
        return all == 0 ? 0.0 : (double) sum(invalid, nowMillis) / all;
    }

    private long sum(long[] counts, long nowMillis) {
        long oldest = nowMillis - bucketMillis * BUCKETS;
        long sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketStart[i] > oldest) {
                sum += counts[i];
            }
        }
        return sum;
    }
}
