package dev.memorygraph.core.metrics;

import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * A histogram of durations recorded in nanoseconds and reported in seconds, as the {@code
 * *_seconds} metric names promise. Quantiles and mean are exact seconds (fractions); min and max
 * are whole seconds because Flink's statistics type makes them {@code long}; the raw sample values
 * ({@code getValues}) stay in nanoseconds. Thread-safe: async stages and sink writers record from
 * callback threads while the reporter reads.
 */
public final class DurationHistogram implements Histogram {

    private static final double NANOS_PER_SECOND = 1e9;

    private final DescriptiveStatisticsHistogram nanos;

    public DurationHistogram(int windowSize) {
        this.nanos = new DescriptiveStatisticsHistogram(windowSize);
    }

    /** Records the time elapsed since {@code startNanos} (a {@link System#nanoTime()} reading). */
    public synchronized void recordSince(long startNanos) {
        nanos.update(System.nanoTime() - startNanos);
    }

    @Override
    public synchronized void update(long valueNanos) {
        nanos.update(valueNanos);
    }

    @Override
    public synchronized long getCount() {
        return nanos.getCount();
    }

    @Override
    public synchronized HistogramStatistics getStatistics() {
        HistogramStatistics s = nanos.getStatistics();
        return new HistogramStatistics() {
            @Override
            public double getQuantile(double quantile) {
                return s.getQuantile(quantile) / NANOS_PER_SECOND;
            }

            @Override
            public long[] getValues() {
                return s.getValues();
            }

            @Override
            public int size() {
                return s.size();
            }

            @Override
            public double getMean() {
                return s.getMean() / NANOS_PER_SECOND;
            }

            @Override
            public double getStdDev() {
                return s.getStdDev() / NANOS_PER_SECOND;
            }

            @Override
            public long getMax() {
                return Math.round(s.getMax() / NANOS_PER_SECOND);
            }

            @Override
            public long getMin() {
                return Math.round(s.getMin() / NANOS_PER_SECOND);
            }
        };
    }
}
