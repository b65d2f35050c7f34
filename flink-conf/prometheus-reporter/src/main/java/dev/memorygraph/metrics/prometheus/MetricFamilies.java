package dev.memorygraph.metrics.prometheus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.Metric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics the reporter exports, grouped into Prometheus metric families by exported name, and
 * their rendering in the text exposition format.
 *
 * <p>A family is one {@code # HELP}/{@code # TYPE} header followed by all its series: the same name
 * registered by several subtasks, or with different label values ({@code dead_letters_total} per
 * stage and reason), must share one header, since Prometheus rejects a scrape that names a family
 * twice. A family keeps the type of its first metric; a metric of another type under the same name
 * is refused rather than exported with a wrong type.
 *
 * <p>Flink registers and removes metrics from its own threads while the HTTP thread renders, so
 * families live in concurrent maps: registrations change a family atomically, and a scrape sees
 * each series either fully or not at all.
 */
final class MetricFamilies {

    private static final Logger LOG = LoggerFactory.getLogger(MetricFamilies.class);

    /** The quantiles of a histogram's summary; the same ones Flink's reporter exports. */
    static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    /** The Prometheus type of a family. */
    enum Type {
        COUNTER,
        GAUGE,
        SUMMARY;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of a registration. */
    enum Outcome {
        ADDED,
        /** The name already belongs to a family of another type. */
        TYPE_CONFLICT,
        /** The family already has a series with exactly these labels. */
        DUPLICATE_SERIES,
        /** Not a counter, gauge, meter or histogram. */
        UNSUPPORTED_TYPE
    }

    private final Map<String, Family> families = new ConcurrentHashMap<>();

    /** The family type a Flink metric is exported as, if it is one the format can carry. */
    static Optional<Type> typeOf(Metric metric) {
        // instanceof rather than Metric#getMetricType(): the default of that method throws for
        // metrics that implement none of Flink's metric interfaces.
        if (metric instanceof Counter) {
            return Optional.of(Type.COUNTER);
        }
        if (metric instanceof Gauge || metric instanceof Meter) {
            return Optional.of(Type.GAUGE);
        }
        if (metric instanceof Histogram) {
            return Optional.of(Type.SUMMARY);
        }
        return Optional.empty();
    }

    /**
     * Adds {@code metric} as the series {@code labelPairs} (as {@link TextFormat#labelPairs}
     * renders them) of family {@code name}, creating the family with {@code help} if it is new.
     */
    Outcome add(String name, String help, String labelPairs, Metric metric) {
        Optional<Type> type = typeOf(metric);
        if (type.isEmpty()) {
            return Outcome.UNSUPPORTED_TYPE;
        }
        Outcome[] outcome = new Outcome[1];
        families.compute(
                name,
                (n, family) -> {
                    Family target = family == null ? new Family(type.get(), help) : family;
                    if (target.type != type.get()) {
                        outcome[0] = Outcome.TYPE_CONFLICT;
                    } else if (target.series.putIfAbsent(labelPairs, metric) != null) {
                        outcome[0] = Outcome.DUPLICATE_SERIES;
                    } else {
                        outcome[0] = Outcome.ADDED;
                    }
                    return target;
                });
        return outcome[0];
    }

    /**
     * Removes the series if it is {@code metric}, and the family with its last series. A refused
     * metric (type conflict, duplicate) is not the series, so removing it leaves the family alone.
     */
    void remove(String name, String labelPairs, Metric metric) {
        families.computeIfPresent(
                name,
                (n, family) -> {
                    family.series.remove(labelPairs, metric);
                    return family.series.isEmpty() ? null : family;
                });
    }

    /** Renders every family, sorted by name and each family's series by labels. */
    String render() {
        List<String> names = new ArrayList<>(families.keySet());
        Collections.sort(names);
        StringBuilder out = new StringBuilder(names.size() * 256);
        for (String name : names) {
            Family family = families.get(name);
            if (family == null) {
                continue; // removed since the names were listed
            }
            out.append("# HELP ")
                    .append(name)
                    .append(' ')
                    .append(TextFormat.escapeHelp(family.help))
                    .append('\n');
            out.append("# TYPE ").append(name).append(' ').append(family.type.text()).append('\n');
            new TreeMap<>(family.series)
                    .forEach(
                            (labels, metric) ->
                                    appendSeries(name, family.type, labels, metric, out));
        }
        return out.toString();
    }

    private static void appendSeries(
            String name, Type type, String labels, Metric metric, StringBuilder out) {
        int start = out.length();
        try {
            switch (type) {
                case COUNTER ->
                        sample(
                                out,
                                name,
                                labels,
                                null,
                                Long.toString(((Counter) metric).getCount()));
                case GAUGE -> {
                    OptionalDouble value = gaugeValue(metric);
                    if (value.isPresent()) {
                        sample(out, name, labels, null, TextFormat.number(value.getAsDouble()));
                    }
                }
                case SUMMARY -> appendSummary(name, labels, (Histogram) metric, out);
            }
        } catch (RuntimeException e) {
            // A metric that fails on read (say a gauge over a closed resource) costs its own
            // series, not the whole scrape.
            out.setLength(start);
            LOG.debug("Leaving a series of {} out of this scrape: reading it failed.", name, e);
        }
    }

    /**
     * A gauge's number, {@code 1}/{@code 0} for a boolean, empty for anything else (strings, null),
     * which has no place in the format; a meter's rate per second.
     */
    static OptionalDouble gaugeValue(Metric metric) {
        if (metric instanceof Meter meter) {
            return OptionalDouble.of(meter.getRate());
        }
        Object value = ((Gauge<?>) metric).getValue();
        if (value instanceof Number number) {
            return OptionalDouble.of(number.doubleValue());
        }
        if (value instanceof Boolean bool) {
            return OptionalDouble.of(bool ? 1 : 0);
        }
        return OptionalDouble.empty();
    }

    /**
     * A histogram as a summary: its quantiles, {@code _sum} and {@code _count}.
     *
     * <p>Flink histograms keep only a window of recent values, so the true sum of all observations
     * is unknown. {@code _sum} is the window's mean times the total count: exact while the window
     * still holds every observation, an estimate afterwards, and it can then go down when the mean
     * does. It is left out when the mean is not a number.
     */
    private static void appendSummary(
            String name, String labels, Histogram histogram, StringBuilder out) {
        long count = histogram.getCount();
        HistogramStatistics statistics = histogram.getStatistics();
        for (double quantile : QUANTILES) {
            sample(
                    out,
                    name,
                    labels,
                    "quantile=\"" + quantile + "\"",
                    TextFormat.number(statistics.getQuantile(quantile)));
        }
        double sum = count == 0 ? 0 : statistics.getMean() * count;
        if (Double.isFinite(sum)) {
            sample(out, name + "_sum", labels, null, TextFormat.number(sum));
        }
        sample(out, name + "_count", labels, null, Long.toString(count));
    }

    private static void sample(
            StringBuilder out, String name, String labels, String extraLabel, String value) {
        out.append(name);
        if (!labels.isEmpty() || extraLabel != null) {
            out.append('{').append(labels);
            if (extraLabel != null) {
                out.append(labels.isEmpty() ? "" : ",").append(extraLabel);
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    private static final class Family {
        final Type type;
        final String help;
        final Map<String, Metric> series = new ConcurrentHashMap<>();

        Family(Type type, String help) {
            this.type = type;
            this.help = help;
        }
    }
}
