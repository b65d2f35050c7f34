package dev.memorygraph.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.local.LocalJobConfig;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.testing.EmbeddedKafka;
import dev.memorygraph.testing.InvalidRecords;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an SRE finds in Prometheus: the streaming job on a MiniCluster whose metric reporter is the
 * one {@code flink-conf/config.yaml} configures, scraped over HTTP while the job runs. The names
 * are spec §7's, the group keys are labels (not part of the names), and dead letters of every
 * stage, the Neo4j sink's included, are counted under one name.
 */
class PrometheusMetricsITCase {

    private static final int PORT = freePort();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(reporter())
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL =
            Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static EmbeddedKafka kafka;

    @TempDir Path tmp;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void specMetricNamesWithTheirLabelsAndEveryDeadLetterCounted() throws Exception {
        Configuration config =
                LocalJobConfig.forTopics(kafka, "metrics", tmp, EmbeddedNeo4j.shared().boltUri());
        String prompts = "metrics.prompts";
        String dlq = "metrics.dlq";
        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults(
                                        prompts, "metrics.responses", "metrics.sessions")
                                .withRatios(0.0, 0.0),
                        Clock.systemUTC());
        List<TestRecord> records = new ArrayList<>(generator.take(120));
        InvalidRecords invalid =
                new InvalidRecords(prompts, "metrics.responses", "metrics.sessions", Instant.now());
        records.add(invalid.all().get(0));
        // Valid JSON the store cannot take: a user id far beyond what Neo4j can index.
        records.add(promptWithUserId(records, "u".repeat(40_000)));
        try (KafkaTrafficProducer producer = new KafkaTrafficProducer(kafka.bootstrapServers())) {
            producer.sendAll(records);
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        StreamingJob.fromConfig(config).build(env);
        JobClient job = env.executeAsync(StreamingJob.JOB_NAME);
        try {
            // Letters of the three graph sinks arrive at their own pace: wait until the count in
            // Prometheus matches the dead-letter topic, and stays so.
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                long letters = letters(dlq, "neo4j-sink");
                                return letters > 0
                                        && letters(dlq, "validate") > 0
                                        && sum(
                                                        scrape(),
                                                        "dead_letters_total",
                                                        "stage",
                                                        "neo4j-sink")
                                                == letters;
                            });
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () ->
                                    sum(scrape(), "dead_letters_total", "stage", "neo4j-sink")
                                            == letters(dlq, "neo4j-sink"));
            long sinkLetters = letters(dlq, "neo4j-sink");

            List<Sample> samples = scrape();
            assertThat(sum(samples, "dead_letters_total", "stage", "neo4j-sink"))
                    .isEqualTo(sinkLetters);
            assertThat(samples)
                    .filteredOn(s -> s.name.equals("dead_letters_total"))
                    .filteredOn(s -> "neo4j-sink".equals(s.labels.get("stage")))
                    .allSatisfy(
                            s -> assertThat(s.labels).containsEntry("reason", "STORE_REJECTED"));
            assertThat(sum(samples, "dead_letters_total", "stage", "validate"))
                    .isEqualTo(letters(dlq, "validate"));
            assertThat(sum(samples, "events_received_total", "status", "valid"))
                    .isGreaterThanOrEqualTo(records.size() - 1);
            assertThat(sum(samples, "events_received_total", "topic", prompts)).isPositive();
            assertThat(sum(samples, "storage_writes_total", "storage_backend", "neo4j"))
                    .isPositive();
            assertThat(samples)
                    .anySatisfy(
                            s -> {
                                assertThat(s.name).isEqualTo("write_latency_seconds");
                                assertThat(s.labels)
                                        .containsEntry("storage_backend", "neo4j")
                                        .containsKey("quantile")
                                        .containsKey("subtask_index");
                            })
                    .anySatisfy(
                            s -> {
                                assertThat(s.name).isEqualTo("enrichment_duration_seconds_count");
                                assertThat(s.labels).containsEntry("stage", "text");
                            })
                    .anySatisfy(
                            s -> {
                                assertThat(s.name).isEqualTo("storage_write_retries_total");
                                assertThat(s.labels).containsKeys("storage_backend", "cause");
                            })
                    .anySatisfy(
                            s -> {
                                assertThat(s.name).isEqualTo("cache_hit_rate");
                                assertThat(s.labels).containsEntry("layer", "neo4j-reference");
                            })
                    .anySatisfy(s -> assertThat(s.name).startsWith("flink_taskmanager_job_task_"));
            // Group keys are labels, never parts of a name.
            assertThat(samples)
                    .extracting(s -> s.name)
                    .noneMatch(n -> n.contains("storage_backend_") || n.contains("_reason_"))
                    .noneMatch(n -> n.contains("stage_enrichment") || n.contains("status_events"));
        } finally {
            job.cancel().get();
        }
    }

    private static long letters(String topic, String stage) throws Exception {
        long n = 0;
        for (ConsumerRecord<byte[], byte[]> letter : kafka.readAll(topic)) {
            var header = letter.headers().lastHeader("dlq.stage");
            if (header != null
                    && stage.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                n++;
            }
        }
        return n;
    }

    private static TestRecord promptWithUserId(List<TestRecord> records, String userId)
            throws IOException {
        TestRecord prompt =
                records.stream()
                        .filter(r -> r.topic().equals("metrics.prompts"))
                        .findFirst()
                        .orElseThrow();
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(prompt.value());
        String eventId = UUID.randomUUID().toString();
        json.put("eventId", eventId);
        ((ObjectNode) json.get("session")).put("userId", userId);
        return TestRecord.valid(
                prompt.topic(), "huge-user", EventJson.mapper().writeValueAsString(json), eventId);
    }

    private record Sample(String name, Map<String, String> labels, double value) {}

    private static List<Sample> scrape() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + PORT + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("sample line %s", line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    private static long sum(List<Sample> samples, String name, String label, String value) {
        return Math.round(
                samples.stream()
                        .filter(s -> s.name.equals(name) && value.equals(s.labels.get(label)))
                        .mapToDouble(Sample::value)
                        .sum());
    }

    private static Configuration reporter() {
        return LocalJobConfig.withPrometheus(new Configuration(), PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
