package dev.memorygraph.metrics.prometheus;

import java.util.Arrays;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;

/**
 * A histogram with a fixed window of values and a total count that may exceed it, like Flink's
 * windowed histograms after many updates. Quantiles are nearest-rank, so expected values are easy
 * to work out by hand.
 */
final class TestingHistogram implements Histogram {

    private final long count;
    private final long[] window;

    TestingHistogram(long count, long... window) {
        this.count = count;
        this.window = window.clone();
        Arrays.sort(this.window);
    }

    @Override
    public void update(long value) {
        throw new UnsupportedOperationException("A fixed histogram for reporter tests.");
    }

    @Override
    public long getCount() {
        return count;
    }

    @Override
    public HistogramStatistics getStatistics() {
        return new HistogramStatistics() {
            @Override
            public double getQuantile(double quantile) {
                if (window.length == 0) {
                    return Double.NaN;
                }
                int rank = (int) Math.ceil(quantile * window.length);
                return window[Math.max(rank, 1) - 1];
            }

            @Override
            public long[] getValues() {
                return window.clone();
            }

            @Override
            public int size() {
                return window.length;
            }

            @Override
            public double getMean() {
                return Arrays.stream(window).average().orElse(Double.NaN);
            }

            @Override
            public double getStdDev() {
                throw new UnsupportedOperationException("Not exported.");
            }

            @Override
            public long getMax() {
                return window.length == 0 ? 0 : window[window.length - 1];
            }

            @Override
            public long getMin() {
                return window.length == 0 ? 0 : window[0];
            }
        };
    }
}
