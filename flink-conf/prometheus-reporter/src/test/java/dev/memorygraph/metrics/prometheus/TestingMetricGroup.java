package dev.memorygraph.metrics.prometheus;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.metrics.CharacterFilter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.LogicalScopeProvider;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.MetricGroup;

/**
 * A metric group with a fixed logical scope and fixed variables, standing in for the group Flink
 * hands a reporter. Reporters only read groups, so registering through it is not supported.
 */
final class TestingMetricGroup implements MetricGroup, LogicalScopeProvider {

    /** The logical scope of an operator's metrics, as Flink builds it. */
    static final String OPERATOR_SCOPE = "taskmanager.job.task.operator";

    private final String logicalScope;
    private final Map<String, String> variables;

    /**
     * @param logicalScope the scope's components joined by dots, like {@code
     *     taskmanager.job.task.operator.storage_backend}
     * @param variables Flink-style variables, keys in angle brackets
     */
    TestingMetricGroup(String logicalScope, Map<String, String> variables) {
        this.logicalScope = logicalScope;
        this.variables = Map.copyOf(variables);
    }

    @Override
    public String getLogicalScope(CharacterFilter filter) {
        return getLogicalScope(filter, '.');
    }

    @Override
    public String getLogicalScope(CharacterFilter filter, char delimiter) {
        return Arrays.stream(logicalScope.split("\\."))
                .map(filter::filterCharacters)
                .collect(Collectors.joining(String.valueOf(delimiter)));
    }

    @Override
    public MetricGroup getWrappedMetricGroup() {
        return this;
    }

    @Override
    public Map<String, String> getAllVariables() {
        return variables;
    }

    @Override
    public String[] getScopeComponents() {
        return logicalScope.split("\\.");
    }

    @Override
    public String getMetricIdentifier(String metricName) {
        return logicalScope + "." + metricName;
    }

    @Override
    public String getMetricIdentifier(String metricName, CharacterFilter filter) {
        return filter.filterCharacters(getMetricIdentifier(metricName));
    }

    @Override
    public Counter counter(String name) {
        throw readOnly();
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        throw readOnly();
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        throw readOnly();
    }

    @Override
    public <H extends Histogram> H histogram(String name, H histogram) {
        throw readOnly();
    }

    @Override
    public <M extends Meter> M meter(String name, M meter) {
        throw readOnly();
    }

    @Override
    public MetricGroup addGroup(String name) {
        throw readOnly();
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("A fixed group for reporter tests.");
    }
}
