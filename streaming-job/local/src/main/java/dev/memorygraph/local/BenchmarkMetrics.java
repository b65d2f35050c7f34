package dev.memorygraph.local;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A metric reporter for benchmarks that run a MiniCluster in their own JVM: it keeps every metric
 * registered, so the benchmark can read the sink's own counters (retries by cause, records written
 * and skipped) after a job, as an SRE would read them in Prometheus.
 */
public final class BenchmarkMetrics implements MetricReporter {

    private static final List<Registered> METRICS = new CopyOnWriteArrayList<>();

    private record Registered(String name, Map<String, String> variables, Metric metric) {}

    /** The reporter options to put in a MiniCluster's configuration. */
    static Map<String, String> options() {
        return Map.of(
                "metrics.reporters",
                "bench",
                "metrics.reporter.bench.factory.class",
                Factory.class.getName());
    }

    /** Forgets the metrics of earlier jobs. */
    static void reset() {
        METRICS.clear();
    }

    /**
     * The sum of the counters (or numeric gauges) named {@code name} whose variable {@code <key>}
     * is {@code value} ({@code key} null: all of them).
     */
    static long sum(String name, String key, String value) {
        long sum = 0;
        for (Registered r : METRICS) {
            if (!r.name.equals(name)
                    || (key != null && !value.equals(r.variables.get("<" + key + ">")))) {
                continue;
            }
            if (r.metric instanceof Counter c) {
                sum += c.getCount();
            } else if (r.metric instanceof Gauge<?> g && g.getValue() instanceof Number n) {
                sum += n.longValue();
            }
        }
        return sum;
    }

    /**
     * The sum of the counters named {@code name} whose variable {@code <key>} contains {@code part}
     * (an operator's name is "Source: Kafka events" in some scopes and "Kafka events" in others).
     */
    static long sumContaining(String name, String key, String part) {
        long sum = 0;
        for (Registered r : METRICS) {
            String value = r.variables.get("<" + key + ">");
            if (r.name.equals(name)
                    && value != null
                    && value.contains(part)
                    && r.metric instanceof Counter c) {
                sum += c.getCount();
            }
        }
        return sum;
    }

    /**
     * The current values of the numeric gauges named {@code name}, summed by the value of their
     * variable {@code <key>} (e.g. {@code busyTimeMsPerSecond} by {@code task_name}).
     */
    static Map<String, Double> gaugesBy(String name, String key) {
        Map<String, Double> sums = new java.util.TreeMap<>();
        for (Registered r : METRICS) {
            if (r.name.equals(name)
                    && r.metric instanceof Gauge<?> g
                    && g.getValue() instanceof Number n
                    && !Double.isNaN(n.doubleValue())) {
                sums.merge(
                        r.variables.getOrDefault("<" + key + ">", "?"),
                        n.doubleValue(),
                        Double::sum);
            }
        }
        return sums;
    }

    /**
     * Waits for {@code job} to end, sampling {@code busyTimeMsPerSecond} of every task each second:
     * the sums, by task name, approximate each task's busy milliseconds over the run (all subtasks
     * together). Needs this reporter in the job's configuration ({@link #options()}).
     */
    static Map<String, Double> busyMillisUntilDone(org.apache.flink.core.execution.JobClient job)
            throws Exception {
        reset();
        Map<String, Double> busy = new java.util.TreeMap<>();
        java.util.concurrent.CompletableFuture<?> result = job.getJobExecutionResult();
        while (!result.isDone()) {
            Thread.sleep(1_000);
            gaugesBy("busyTimeMsPerSecond", "task_name")
                    .forEach((task, value) -> busy.merge(task, value, Double::sum));
        }
        result.get();
        return busy;
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        METRICS.add(new Registered(name, group.getAllVariables(), metric));
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // Kept: a finished job's counters are what the benchmark reads.
    }

    /** Creates the reporter; found through {@code META-INF/services}. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new BenchmarkMetrics();
        }
    }
}
