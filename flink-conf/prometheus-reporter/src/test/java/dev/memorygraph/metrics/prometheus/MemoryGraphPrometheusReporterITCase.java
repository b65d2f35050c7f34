package dev.memorygraph.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reporter installed in a MiniCluster the way a cluster's configuration installs it, scraped
 * while a job's operator holds our pipeline metrics.
 */
class MemoryGraphPrometheusReporterITCase {

    private static final int PORT = freePort();
    private static final int RECORDS = 3;
    private static final String JOB_NAME = "prometheus-reporter-itcase";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(reporterConfiguration())
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    void exportsPipelineMetricsUnderTheirOwnNamesAndFlinkMetricsAsBefore() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        // Without checkpoints a per-checkpoint rate limit lets exactly RECORDS records through and
        // then holds the source open, so the task and its metrics stay registered until the
        // scrape has been checked and the job is cancelled.
        env.fromSource(
                        new DataGeneratorSource<>(
                                index -> index,
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perCheckpoint(RECORDS),
                                Types.LONG),
                        WatermarkStrategy.noWatermarks(),
                        "numbers")
                .map(new MetricRegisteringMap())
                .name("register-metrics")
                .sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync(JOB_NAME);
        try {
            Map<String, String> neo4j = Map.of("storage_backend", "neo4j", "job_name", JOB_NAME);
            Map<String, String> malformed =
                    Map.of("stage", "validate", "reason", "MALFORMED_JSON", "job_name", JOB_NAME);

            Scrape scrape =
                    await().atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(200))
                            .ignoreExceptions()
                            .until(
                                    () -> Scrape.metrics(PORT),
                                    // The map updates its metrics one after another: wait for
                                    // all of them, not just the first.
                                    s ->
                                            s.samples("storage_writes_total", neo4j).stream()
                                                            .anyMatch(x -> x.value().equals("3"))
                                                    && s
                                                            .samples(
                                                                    "dead_letters_total", malformed)
                                                            .stream()
                                                            .anyMatch(x -> x.value().equals("3"))
                                                    && s
                                                            .samples(
                                                                    "write_latency_seconds_count",
                                                                    neo4j)
                                                            .stream()
                                                            .anyMatch(x -> x.value().equals("3")));

            assertThat(scrape.lines())
                    .contains(
                            "# TYPE storage_writes_total counter",
                            "# TYPE dead_letters_total counter",
                            "# TYPE write_latency_seconds summary",
                            "# TYPE flink_taskmanager_job_task_operator_numRecordsIn counter")
                    .noneMatch(line -> line.contains("storage_backend_storage_writes_total"))
                    .noneMatch(line -> line.contains("stage_reason_dead_letters_total"));
            assertThat(scrape.lines().stream().filter(l -> l.startsWith("# TYPE dead_letters")))
                    .hasSize(1);
            assertThat(scrape.samples("dead_letters_total", malformed))
                    .singleElement()
                    .extracting(Scrape.Sample::value)
                    .isEqualTo("3");
            assertThat(scrape.samples("write_latency_seconds_count", neo4j))
                    .singleElement()
                    .extracting(Scrape.Sample::value)
                    .isEqualTo("3");
            assertThat(scrape.samples("write_latency_seconds_sum", neo4j))
                    .singleElement()
                    .extracting(Scrape.Sample::value)
                    .isEqualTo("6");
            assertThat(
                            scrape.samples(
                                    "write_latency_seconds",
                                    Map.of("storage_backend", "neo4j", "quantile", "0.5")))
                    .singleElement()
                    .extracting(Scrape.Sample::value)
                    .isEqualTo("2");
            // The labels are the operator's variables, as Flink's reporter would attach them.
            assertThat(scrape.samples("storage_writes_total", neo4j).get(0).labels())
                    .containsKeys("host", "tm_id", "job_id", "task_name", "subtask_index")
                    .containsKeys("operator_name", "storage_backend");
            assertThat(
                            scrape.samples(
                                    "flink_taskmanager_job_task_operator_numRecordsIn",
                                    Map.of("job_name", JOB_NAME)))
                    .isNotEmpty();
        } finally {
            job.cancel().get();
        }
    }

    /** Registers the metrics the spec names, counts every record and times a fake write. */
    private static final class MetricRegisteringMap extends RichMapFunction<Long, Long> {
        private transient Counter storageWrites;
        private transient Counter deadLetters;
        private transient Histogram writeLatency;

        @Override
        public void open(OpenContext openContext) {
            MetricGroup metrics = getRuntimeContext().getMetricGroup();
            MetricGroup neo4j = metrics.addGroup("storage_backend", "neo4j");
            storageWrites = neo4j.counter("storage_writes_total");
            writeLatency =
                    neo4j.histogram(
                            "write_latency_seconds", new DescriptiveStatisticsHistogram(100));
            deadLetters =
                    metrics.addGroup("stage", "validate")
                            .addGroup("reason", "MALFORMED_JSON")
                            .counter("dead_letters_total");
        }

        @Override
        public Long map(Long index) {
            storageWrites.inc();
            deadLetters.inc();
            writeLatency.update(index + 1); // 1, 2, 3: median 2, sum 6
            return index;
        }
    }

    private static Configuration reporterConfiguration() {
        Configuration configuration = new Configuration();
        configuration.setString("metrics.reporters", "mg");
        configuration.setString(
                "metrics.reporter.mg.factory.class",
                MemoryGraphPrometheusReporterFactory.class.getName());
        configuration.setString("metrics.reporter.mg.port", String.valueOf(PORT));
        return configuration;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
