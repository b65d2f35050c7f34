package dev.memorygraph.metrics.prometheus;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.flink.metrics.CharacterFilter;
import org.apache.flink.metrics.LogicalScopeProvider;
import org.apache.flink.metrics.MetricGroup;

/**
 * Turns a Flink metric's name and group into the Prometheus name and labels it is exported under.
 *
 * <p>Flink's stock Prometheus reporter names every metric {@code flink_<logical scope>_<name>}. The
 * logical scope holds the name of every group on the way to the metric, and for a key/value group
 * ({@code addGroup("storage_backend", "neo4j")}) that includes the key, while the value becomes a
 * label. So {@code write_latency_seconds} comes out as {@code
 * flink_taskmanager_job_task_operator_storage_backend_write_latency_seconds{storage_backend="neo4j"}}:
 * the label key sits in the name too, and the name changes with every label a stage adds.
 *
 * <p>Our pipeline metrics have names fixed by the spec, so a metric whose own name is lower
 * snake_case with at least one underscore ({@value #PIPELINE_METRIC_NAME_REGEX}, such as {@code
 * events_received_total} or {@code write_latency_seconds}) is exported under exactly that name.
 * Flink's own metrics are camelCase ({@code numRecordsIn}) and Kafka's client metrics use dashes
 * ({@code records-lag-max}), so none of them matches; those keep the stock naming, and existing
 * Flink dashboards keep working.
 *
 * <p>Both kinds carry every variable of their group as a label, as the stock reporter does.
 */
final class MetricNaming {

    static final String PIPELINE_METRIC_NAME_REGEX = "[a-z][a-z0-9]*(_[a-z0-9]+)+";

    private static final Pattern PIPELINE_METRIC_NAME = Pattern.compile(PIPELINE_METRIC_NAME_REGEX);
    private static final Pattern INVALID_NAME_CHARACTERS = Pattern.compile("[^a-zA-Z0-9_]");
    private static final CharacterFilter NAME_FILTER = MetricNaming::sanitize;
    private static final String FLINK_PREFIX = "flink_";
    private static final char SCOPE_SEPARATOR = '_';

    private MetricNaming() {}

    /** Whether {@code metricName} is one of our pipeline metrics, exported under its own name. */
    static boolean isPipelineMetric(String metricName) {
        return PIPELINE_METRIC_NAME.matcher(metricName).matches();
    }

    /**
     * The Prometheus metric name: a pipeline metric's own name, or Flink's {@code flink_<logical
     * scope>_<name>} for everything else.
     *
     * @throws IllegalStateException if the group does not come from Flink's metric system and so
     *     has no logical scope
     */
    static String exportedName(String metricName, MetricGroup group) {
        if (isPipelineMetric(metricName)) {
            return metricName;
        }
        return FLINK_PREFIX + logicalScope(group) + SCOPE_SEPARATOR + sanitize(metricName);
    }

    /** The group's logical scope, joined and filtered like the metric names. */
    static String logicalScope(MetricGroup group) {
        return LogicalScopeProvider.castFrom(group).getLogicalScope(NAME_FILTER, SCOPE_SEPARATOR);
    }

    /** Replaces every character Prometheus does not allow in a name by an underscore. */
    static String sanitize(String name) {
        return INVALID_NAME_CHARACTERS.matcher(name).replaceAll("_");
    }

    /**
     * The labels of a metric in {@code group}: every group variable, its key without Flink's angle
     * brackets and sanitized. Sorted by name so that a series always renders the same way.
     *
     * @throws DuplicateLabelException if two variables map to the same label name, which Prometheus
     *     would refuse together with the rest of the scrape
     */
    static SortedMap<String, String> labels(MetricGroup group) {
        SortedMap<String, String> labels = new TreeMap<>();
        for (Map.Entry<String, String> variable : group.getAllVariables().entrySet()) {
            String name = labelName(variable.getKey());
            if (labels.putIfAbsent(name, variable.getValue()) != null) {
                throw new DuplicateLabelException(name);
            }
        }
        return labels;
    }

    /** The label name for a Flink variable key such as {@code <subtask_index>}. */
    static String labelName(String variableKey) {
        String key = variableKey;
        if (key.length() >= 2 && key.startsWith("<") && key.endsWith(">")) {
            key = key.substring(1, key.length() - 1);
        }
        String name = sanitize(key);
        // A label name must not start with a digit; the stock reporter lets that through and
        // Prometheus then rejects the scrape.
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    /** Two group variables of one metric map to the same Prometheus label name. */
    static final class DuplicateLabelException extends IllegalArgumentException {
        private final String labelName;

        DuplicateLabelException(String labelName) {
            super("Two metric group variables map to the label name " + labelName + ".");
            this.labelName = labelName;
        }

        String labelName() {
            return labelName;
        }
    }
}
