package dev.memorygraph.metrics.prometheus;

import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Creates the {@link MemoryGraphPrometheusReporter} for a reporter whose {@code
 * metrics.reporter.<name>.factory.class} names this class; Flink finds it through {@code
 * META-INF/services}. Reads {@code port} (default {@value EndpointOptions#DEFAULT_PORT}, a range
 * such as {@code 9249-9259} takes the first free port) and {@code host} (default: every interface),
 * failing on a malformed port before anything is bound.
 */
public final class MemoryGraphPrometheusReporterFactory implements MetricReporterFactory {

    @Override
    public MemoryGraphPrometheusReporter createMetricReporter(Properties properties) {
        return new MemoryGraphPrometheusReporter(EndpointOptions.from(properties));
    }
}
