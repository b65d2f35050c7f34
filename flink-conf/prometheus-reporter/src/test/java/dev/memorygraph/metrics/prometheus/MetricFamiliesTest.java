package dev.memorygraph.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.Test;

class MetricFamiliesTest {

    private final MetricFamilies families = new MetricFamilies();

    @Test
    void seriesOfOneNameShareOneHeader() {
        add("dead_letters_total", "stage=\"validate\",reason=\"MALFORMED_JSON\"", counter(2));
        add("dead_letters_total", "stage=\"validate\",reason=\"SCHEMA\"", counter(1));
        add("dead_letters_total", "stage=\"graph\",reason=\"TIMEOUT\"", counter(4));
        add("events_received_total", "subtask_index=\"1\"", counter(7));
        add("events_received_total", "subtask_index=\"0\"", counter(5));

        assertThat(families.render())
                .isEqualTo(
                        """
                        # HELP dead_letters_total help of dead_letters_total
                        # TYPE dead_letters_total counter
                        dead_letters_total{stage="graph",reason="TIMEOUT"} 4
                        dead_letters_total{stage="validate",reason="MALFORMED_JSON"} 2
                        dead_letters_total{stage="validate",reason="SCHEMA"} 1
                        # HELP events_received_total help of events_received_total
                        # TYPE events_received_total counter
                        events_received_total{subtask_index="0"} 5
                        events_received_total{subtask_index="1"} 7
                        """);
    }

    @Test
    void aHistogramIsASummaryWithQuantilesSumAndCount() {
        // 20 values 1..20: nearest-rank quantiles are easy to check by hand.
        long[] values = new long[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        add("write_latency_seconds", "storage_backend=\"neo4j\"", new TestingHistogram(20, values));

        assertThat(families.render())
                .isEqualTo(
                        """
                        # HELP write_latency_seconds help of write_latency_seconds
                        # TYPE write_latency_seconds summary
                        write_latency_seconds{storage_backend="neo4j",quantile="0.5"} 10
                        write_latency_seconds{storage_backend="neo4j",quantile="0.75"} 15
                        write_latency_seconds{storage_backend="neo4j",quantile="0.95"} 19
                        write_latency_seconds{storage_backend="neo4j",quantile="0.98"} 20
                        write_latency_seconds{storage_backend="neo4j",quantile="0.99"} 20
                        write_latency_seconds{storage_backend="neo4j",quantile="0.999"} 20
                        write_latency_seconds_sum{storage_backend="neo4j"} 210
                        write_latency_seconds_count{storage_backend="neo4j"} 20
                        """);
    }

    @Test
    void aSummarysSumEstimatesFromTheWindowOnceTheCountOutgrowsIt() {
        add("write_latency_seconds", "", new TestingHistogram(1000, 2, 4));

        assertThat(families.render())
                .contains("\nwrite_latency_seconds_sum 3000\n")
                .contains("\nwrite_latency_seconds_count 1000\n")
                .contains("\nwrite_latency_seconds{quantile=\"0.5\"} 2\n");
    }

    @Test
    void anEmptyHistogramHasNaNQuantilesAndZeroSumAndCount() {
        add("write_latency_seconds", "", new TestingHistogram(0));

        assertThat(families.render())
                .contains("\nwrite_latency_seconds{quantile=\"0.99\"} NaN\n")
                .contains("\nwrite_latency_seconds_sum 0\n")
                .contains("\nwrite_latency_seconds_count 0\n");
    }

    @Test
    void gaugesExportNumbersAndBooleansAndSkipEverythingElse() {
        add("cache_hit_rate", "stage=\"a\"", gauge(0.75));
        add("cache_hit_rate", "stage=\"b\"", gauge(3L));
        add("cache_hit_rate", "stage=\"c\"", gauge(true));
        add("cache_hit_rate", "stage=\"d\"", gauge("warm"));
        add("cache_hit_rate", "stage=\"e\"", gauge(null));

        assertThat(families.render())
                .isEqualTo(
                        """
                        # HELP cache_hit_rate help of cache_hit_rate
                        # TYPE cache_hit_rate gauge
                        cache_hit_rate{stage="a"} 0.75
                        cache_hit_rate{stage="b"} 3
                        cache_hit_rate{stage="c"} 1
                        """);
    }

    @Test
    void aMeterIsAGaugeOfItsRate() {
        MeterView meter = new MeterView(60);
        meter.markEvent(600);
        meter.update();

        add("flink_taskmanager_job_task_numRecordsInPerSecond", "", meter);

        assertThat(families.render())
                .contains("# TYPE flink_taskmanager_job_task_numRecordsInPerSecond gauge\n")
                .contains("\nflink_taskmanager_job_task_numRecordsInPerSecond 10\n");
    }

    @Test
    void aSeriesThatFailsToReadCostsOnlyItself() {
        Gauge<Long> broken =
                () -> {
                    throw new IllegalStateException("closed");
                };
        add("cache_hit_rate", "stage=\"a\"", broken);
        add("cache_hit_rate", "stage=\"b\"", gauge(1));

        assertThat(families.render())
                .isEqualTo(
                        """
                        # HELP cache_hit_rate help of cache_hit_rate
                        # TYPE cache_hit_rate gauge
                        cache_hit_rate{stage="b"} 1
                        """);
    }

    @Test
    void aNameKeepsTheTypeItWasFirstRegisteredWith() {
        SimpleCounter counter = counter(3);
        Gauge<Integer> sameName = gauge(99);

        assertThat(families.add("validation_error_rate", "first", "", counter))
                .isEqualTo(MetricFamilies.Outcome.ADDED);
        assertThat(families.add("validation_error_rate", "second", "stage=\"x\"", sameName))
                .isEqualTo(MetricFamilies.Outcome.TYPE_CONFLICT);
        families.remove("validation_error_rate", "stage=\"x\"", sameName);

        assertThat(families.render())
                .isEqualTo(
                        """
                        # HELP validation_error_rate first
                        # TYPE validation_error_rate counter
                        validation_error_rate 3
                        """);
    }

    @Test
    void aSecondMetricWithTheSameLabelsIsRefusedAndItsRemovalKeepsTheFirst() {
        SimpleCounter first = counter(1);
        SimpleCounter second = counter(2);

        assertThat(families.add("dead_letters_total", "h", "stage=\"x\"", first))
                .isEqualTo(MetricFamilies.Outcome.ADDED);
        assertThat(families.add("dead_letters_total", "h", "stage=\"x\"", second))
                .isEqualTo(MetricFamilies.Outcome.DUPLICATE_SERIES);
        families.remove("dead_letters_total", "stage=\"x\"", second);

        assertThat(families.render()).endsWith("\ndead_letters_total{stage=\"x\"} 1\n");
    }

    @Test
    void somethingThatIsNoFlinkMetricTypeIsRefused() {
        assertThat(families.add("odd_metric", "h", "", new org.apache.flink.metrics.Metric() {}))
                .isEqualTo(MetricFamilies.Outcome.UNSUPPORTED_TYPE);
        assertThat(families.render()).isEmpty();
    }

    @Test
    void removingTheLastSeriesRemovesTheFamily() {
        SimpleCounter zero = counter(1);
        SimpleCounter one = counter(2);
        add("events_received_total", "subtask_index=\"0\"", zero);
        add("events_received_total", "subtask_index=\"1\"", one);

        families.remove("events_received_total", "subtask_index=\"0\"", zero);
        assertThat(families.render())
                .endsWith(
                        "# TYPE events_received_total counter\n"
                                + "events_received_total{subtask_index=\"1\"} 2\n");

        families.remove("events_received_total", "subtask_index=\"1\"", one);
        assertThat(families.render()).isEmpty();
    }

    @Test
    void scrapesWhileFlinkThreadsRegisterAndRemoveSeeWholeFamilies() throws Exception {
        add("events_received_total", "subtask_index=\"0\"", counter(1));
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String labels = "subtask_index=\"" + (t + 1) + "\"";
                writers.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    for (int i = 0; i < 2_000; i++) {
                                        SimpleCounter c = counter(i);
                                        add("events_received_total", labels, c);
                                        add("churn_total", labels, c);
                                        families.remove("events_received_total", labels, c);
                                        families.remove("churn_total", labels, c);
                                    }
                                    return null;
                                }));
            }
            start.countDown();
            while (writers.stream().anyMatch(w -> !w.isDone())) {
                String text = families.render();
                assertThat(text.split("# TYPE events_received_total counter\n", -1)).hasSize(2);
                assertThat(text.split("# TYPE churn_total", -1)).hasSizeLessThanOrEqualTo(2);
            }
            for (Future<?> writer : writers) {
                writer.get(); // rethrows a writer's failure
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(families.render())
                .isEqualTo(
                        """
                        # HELP events_received_total help of events_received_total
                        # TYPE events_received_total counter
                        events_received_total{subtask_index="0"} 1
                        """);
    }

    private void add(String name, String labels, org.apache.flink.metrics.Metric metric) {
        assertThat(families.add(name, "help of " + name, labels, metric))
                .isEqualTo(MetricFamilies.Outcome.ADDED);
    }

    private static SimpleCounter counter(long count) {
        SimpleCounter counter = new SimpleCounter();
        counter.inc(count);
        return counter;
    }

    private static <T> Gauge<T> gauge(T value) {
        return () -> value;
    }
}
