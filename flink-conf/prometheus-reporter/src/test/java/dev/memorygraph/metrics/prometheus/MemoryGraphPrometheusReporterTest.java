package dev.memorygraph.metrics.prometheus;

import static dev.memorygraph.metrics.prometheus.TestingMetricGroup.OPERATOR_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.zip.GZIPInputStream;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reporter as Flink drives it, scraped over real HTTP on a free port. */
class MemoryGraphPrometheusReporterTest {

    private static final TestingMetricGroup DEAD_LETTERS_GROUP =
            new TestingMetricGroup(
                    OPERATOR_SCOPE + ".stage.reason",
                    Map.of(
                            "<stage>", "validate",
                            "<reason>", "MALFORMED_JSON",
                            "<subtask_index>", "0"));

    private static final TestingMetricGroup OPERATOR_GROUP =
            new TestingMetricGroup(OPERATOR_SCOPE, Map.of("<subtask_index>", "0"));

    private MemoryGraphPrometheusReporter reporter;

    @AfterEach
    void closeReporter() {
        if (reporter != null) {
            reporter.close();
        }
    }

    @Test
    void flinkFindsTheFactoryThroughTheServiceFile() {
        assertThat(ServiceLoader.load(MetricReporterFactory.class).stream())
                .anyMatch(p -> p.type().equals(MemoryGraphPrometheusReporterFactory.class));
    }

    @Test
    void servesPipelineAndFlinkMetricsOnMetricsAndRoot() {
        reporter = open("0");
        SimpleCounter deadLetters = new SimpleCounter();
        deadLetters.inc(2);
        SimpleCounter numRecordsIn = new SimpleCounter();
        numRecordsIn.inc(40);
        reporter.notifyOfAddedMetric(deadLetters, "dead_letters_total", DEAD_LETTERS_GROUP);
        reporter.notifyOfAddedMetric(numRecordsIn, "numRecordsIn", OPERATOR_GROUP);

        Scrape scrape = Scrape.metrics(reporter.port());

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.lines())
                .containsExactly(
                        "# HELP dead_letters_total dead_letters_total (scope:"
                                + " taskmanager_job_task_operator_stage_reason)",
                        "# TYPE dead_letters_total counter",
                        "dead_letters_total{reason=\"MALFORMED_JSON\",stage=\"validate\",subtask_index=\"0\"} 2",
                        "# HELP flink_taskmanager_job_task_operator_numRecordsIn numRecordsIn (scope:"
                                + " taskmanager_job_task_operator)",
                        "# TYPE flink_taskmanager_job_task_operator_numRecordsIn counter",
                        "flink_taskmanager_job_task_operator_numRecordsIn{subtask_index=\"0\"} 40");
        assertThat(Scrape.get(reporter.port(), "/").body()).isEqualTo(scrape.body());
    }

    @Test
    void scrapesReadCurrentValuesAndForgetRemovedMetrics() {
        reporter = open("0");
        SimpleCounter deadLetters = new SimpleCounter();
        reporter.notifyOfAddedMetric(deadLetters, "dead_letters_total", DEAD_LETTERS_GROUP);
        deadLetters.inc(5);

        assertThat(Scrape.metrics(reporter.port()).samples("dead_letters_total", Map.of()))
                .singleElement()
                .extracting(Scrape.Sample::value)
                .isEqualTo("5");

        reporter.notifyOfRemovedMetric(deadLetters, "dead_letters_total", DEAD_LETTERS_GROUP);

        assertThat(Scrape.metrics(reporter.port()).body()).isEmpty();
    }

    @Test
    void compressesForScrapersThatAcceptGzip() throws IOException {
        reporter = open("0");
        reporter.notifyOfAddedMetric(new SimpleCounter(), "dead_letters_total", DEAD_LETTERS_GROUP);

        HttpResponse<byte[]> response =
                Scrape.raw(
                        HttpRequest.newBuilder(Scrape.uri(reporter.port(), "/metrics"))
                                .header("Accept-Encoding", "gzip")
                                .GET());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Scrape.metrics(reporter.port()).body())
                    .contains("# TYPE dead_letters_total counter\n");
        }
    }

    @Test
    void answersOtherPathsWith404AndOtherMethodsWith405() {
        reporter = open("0");

        assertThat(Scrape.get(reporter.port(), "/metrics/extra").status()).isEqualTo(404);
        assertThat(
                        Scrape.raw(
                                        HttpRequest.newBuilder(
                                                        Scrape.uri(reporter.port(), "/metrics"))
                                                .POST(HttpRequest.BodyPublishers.noBody()))
                                .statusCode())
                .isEqualTo(405);
    }

    @Test
    void takesTheFirstFreePortOfTheRange() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            reporter = open(taken.getLocalPort() + ",0");

            assertThat(reporter.port()).isNotEqualTo(taken.getLocalPort()).isPositive();
            assertThat(Scrape.metrics(reporter.port()).status()).isEqualTo(200);
        }
    }

    @Test
    void failsToOpenWhenNoPortIsFree() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            String port = String.valueOf(taken.getLocalPort());
            MemoryGraphPrometheusReporter unopened = create(port);

            assertThatThrownBy(() -> unopened.open(new MetricConfig()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(port);
        }
    }

    @Test
    void theFactoryRefusesAMalformedPortBeforeBinding() {
        assertThatThrownBy(() -> create("9249-92x9")).isInstanceOf(IllegalArgumentException.class);
    }

    private static MemoryGraphPrometheusReporter open(String port) {
        MemoryGraphPrometheusReporter reporter = create(port);
        reporter.open(config(port));
        return reporter;
    }

    private static MemoryGraphPrometheusReporter create(String port) {
        return new MemoryGraphPrometheusReporterFactory().createMetricReporter(config(port));
    }

    private static MetricConfig config(String port) {
        MetricConfig config = new MetricConfig();
        config.setProperty(EndpointOptions.PORT, port);
        config.setProperty(EndpointOptions.HOST, "127.0.0.1");
        return config;
    }
}
