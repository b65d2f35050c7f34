package dev.memorygraph.metrics.prometheus;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pull-based Flink metric reporter for Prometheus that exports our pipeline metrics under the
 * names the spec gives them, such as {@code write_latency_seconds{storage_backend="neo4j",...}},
 * and every other metric the way Flink's own Prometheus reporter names it.
 *
 * <p>Flink's reporter puts the key of each key/value metric group into the metric name, because
 * that key is part of the group's logical scope; {@link MetricNaming} has the rule this reporter
 * uses instead. Counters are exported as counters, gauges (numbers and booleans) and meters (their
 * rate) as gauges, histograms as summaries; metrics sharing a name share one family.
 *
 * <p>Serves {@code GET /metrics} (and {@code /}) from {@link #open} until {@link #close}. Created
 * by {@link MemoryGraphPrometheusReporterFactory}.
 */
public final class MemoryGraphPrometheusReporter implements MetricReporter {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryGraphPrometheusReporter.class);

    private final EndpointOptions options;
    private final MetricFamilies families = new MetricFamilies();

    /** Problems already logged, so a metric registered by every subtask warns once. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private volatile MetricsHttpServer server;

    MemoryGraphPrometheusReporter(EndpointOptions options) {
        this.options = options;
    }

    /**
     * Starts the HTTP endpoint. The factory has already read this reporter's options from the same
     * configuration.
     *
     * @throws IllegalStateException if none of the configured ports is free
     */
    @Override
    public void open(MetricConfig config) {
        server = MetricsHttpServer.start(options, families::render);
    }

    @Override
    public void close() {
        MetricsHttpServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        Optional<Series> series = seriesOf(metricName, group);
        if (series.isEmpty()) {
            return;
        }
        String name = series.get().name();
        switch (families.add(name, series.get().help(), series.get().labelPairs(), metric)) {
            case ADDED -> {}
            case TYPE_CONFLICT ->
                    warnOnce(
                            "type " + name,
                            "Metric {} is already exported with another type; a {} of the same"
                                    + " name is not exported.",
                            name,
                            MetricFamilies.typeOf(metric)
                                    .map(MetricFamilies.Type::text)
                                    .orElse(""));
            case DUPLICATE_SERIES ->
                    warnOnce(
                            "series " + name,
                            "Metric {} is registered twice with the same labels; only the first"
                                    + " is exported.",
                            name,
                            null);
            case UNSUPPORTED_TYPE ->
                    warnOnce(
                            "unsupported " + name,
                            "Metric {} is a {}, which is no counter, gauge, meter or histogram;"
                                    + " it is not exported.",
                            name,
                            metric.getClass().getName());
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        // Name and labels are derived again rather than remembered per metric instance: one
        // instance may be registered in several groups, each its own series.
        seriesOf(metricName, group)
                .ifPresent(series -> families.remove(series.name(), series.labelPairs(), metric));
    }

    /** The port the endpoint listens on, once open. */
    int port() {
        MetricsHttpServer running = server;
        if (running == null) {
            throw new IllegalStateException("The reporter is not open.");
        }
        return running.port();
    }

    /** Name, help and labels of a metric, or empty (and a warning) if it cannot be exported. */
    private Optional<Series> seriesOf(String metricName, MetricGroup group) {
        try {
            String scope = MetricNaming.logicalScope(group);
            return Optional.of(
                    new Series(
                            MetricNaming.exportedName(metricName, group),
                            metricName + " (scope: " + scope + ")",
                            TextFormat.labelPairs(MetricNaming.labels(group))));
        } catch (MetricNaming.DuplicateLabelException e) {
            warnOnce(
                    "label " + e.labelName(),
                    "Two variables of the group of metric {} map to the label {}; metrics carrying"
                            + " both are not exported.",
                    metricName,
                    e.labelName());
        } catch (IllegalStateException e) {
            // Flink hands reporters groups that know their logical scope; anything else was not
            // registered through Flink's metric system.
            warnOnce(
                    "scope " + metricName,
                    "The group of metric {} has no logical scope ({}); it is not exported.",
                    metricName,
                    group.getClass().getName());
        }
        return Optional.empty();
    }

    private void warnOnce(String problem, String message, String name, String detail) {
        if (warned.add(problem)) {
            LOG.warn(message, name, detail);
        }
    }

    private record Series(String name, String help, String labelPairs) {}
}
