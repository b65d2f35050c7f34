package dev.memorygraph.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import dev.memorygraph.flink.cluster.StandaloneFlinkCluster;
import dev.memorygraph.local.LocalJobConfig;
import dev.memorygraph.metrics.prometheus.MemoryGraphPrometheusReporterFactory;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded streaming-job jar on a real Flink 2.2 standalone session cluster (JobManager and
 * TaskManager in JVMs of their own, the classpath of a distribution's {@code lib/}, {@code
 * flink-conf/config.yaml} with test ports and directories, the Prometheus reporter as a plugin),
 * submitted through the REST API as {@code flink run} does: the job runs, its operators are the
 * README's, every valid record reaches the lake and the graph and every invalid one the DLQ,
 * exactly, checkpoints complete, and the spec's metrics show through REST and Prometheus.
 */
class ClusterITCase extends KafkaNeo4jTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path home;

    static StandaloneFlinkCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Path root = repositoryRoot();
        Path reporter =
                Path.of(
                        MemoryGraphPrometheusReporterFactory.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        cluster =
                StandaloneFlinkCluster.start(
                        home.resolve("cluster"),
                        root.resolve("flink-conf/config.yaml"),
                        Map.of(
                                // scaled to the test machine; everything else as shipped
                                "taskmanager.memory.process.size", "1600m",
                                "jobmanager.memory.process.size", "1024m",
                                "execution.checkpointing.interval", "2 s",
                                "execution.checkpointing.min-pause", "500 ms"),
                        Map.of("memory-graph-prometheus", reporter),
                        root.resolve("flink-conf/log4j-console.properties"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theJobJarRunsOnAClusterWithExactCountsCheckpointsAndMetrics() throws Exception {
        Configuration config =
                LocalJobConfig.forTopics(
                        kafka, "cluster", home.resolve("job"), EmbeddedNeo4j.shared().boltUri());
        Path lake = home.resolve("job/lake");
        List<TestRecord> records =
                new TrafficGenerator(
                                TrafficGenerator.Config.defaults(
                                        "cluster.prompts", "cluster.responses", "cluster.sessions"),
                                Clock.systemUTC())
                        .take(400);
        long valid = records.stream().filter(r -> r.kind() == TestRecord.Kind.VALID).count();
        long invalid = records.stream().filter(r -> r.kind() == TestRecord.Kind.INVALID).count();
        assertThat(invalid).isPositive();

        // Compaction on, every 3 checkpoints: this test found it never finishing on a cluster
        // (Flink's Parquet reader needs Hadoop on the cluster's class path; EventLakeFormat)
        config.set(dev.memorygraph.operators.lake.EventLakeOptions.COMPACTION_ENABLED, true);
        config.set(dev.memorygraph.operators.lake.EventLakeOptions.COMPACTION_CHECKPOINTS, 3);
        String jobId = submit(jobJar(), LocalJobConfig.jobArguments(config));
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "RUNNING".equals(get("/jobs/" + jobId).path("state").asText()));
        try (KafkaTrafficProducer producer = new KafkaTrafficProducer(kafka.bootstrapServers())) {
            producer.sendAll(records);
        }

        // the operators the README lists: names, and the uids of the chain heads (a vertex id is
        // the hash of its head's uid)
        JsonNode job = get("/jobs/" + jobId);
        String names =
                stream(job.path("vertices"))
                        .map(v -> v.path("name").asText())
                        .collect(Collectors.joining(" | "));
        assertThat(names)
                .contains("Kafka events")
                .contains("Validate")
                .contains("Join responses to prompts")
                .contains("Model registry and cost (stage 6)")
                .contains("Event lake (Parquet)")
                .contains("Neo4j graph")
                .contains("Dead-letter queue");
        Set<String> vertexIds =
                stream(job.path("vertices"))
                        .map(v -> v.path("id").asText())
                        .collect(Collectors.toSet());
        for (String uid :
                List.of(
                        "kafka-source",
                        "dedup",
                        "tenant",
                        "prompt-response-join",
                        "graph-extract")) {
            assertThat(vertexIds).as(uid).contains(vertexId(uid));
        }

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> LakeFiles.committedRows(lake) >= valid);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> kafka.endOffsetSum("cluster.dlq") >= invalid);
        // nothing more arrives over a few checkpoints
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                LakeFiles.committedRows(lake) == valid
                                        && kafka.endOffsetSum("cluster.dlq") == invalid);
        long prompts =
                records.stream()
                        .filter(r -> r.kind() == TestRecord.Kind.VALID)
                        .filter(r -> r.topic().equals("cluster.prompts"))
                        .count();
        await().atMost(Duration.ofMinutes(1))
                .until(
                        () ->
                                driver.session()
                                                .run("MATCH (p:Prompt) RETURN count(p) AS c")
                                                .single()
                                                .get("c")
                                                .asLong()
                                        == prompts);

        JsonNode checkpoints = get("/jobs/" + jobId + "/checkpoints");
        // (checkpoints triggered while the job's tasks were still being deployed count as failed)
        assertThat(checkpoints.path("counts").path("completed").asLong()).isPositive();
        assertThat(checkpoints.path("latest").path("completed").path("id").asLong()).isPositive();

        // spec metrics through the REST API (operator metrics of the source's vertex) ...
        String source = vertexId("kafka-source");
        // (the JobManager fetches task metrics every few seconds; the first answer may be empty)
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () -> {
                            Set<String> metricIds = new HashSet<>();
                            for (JsonNode m :
                                    get("/jobs/" + jobId + "/vertices/" + source + "/metrics")) {
                                metricIds.add(m.path("id").asText());
                            }
                            assertThat(metricIds)
                                    .anyMatch(id -> id.endsWith("events_received_total"));
                        });
        // ... and under their spec names on the TaskManager's Prometheus endpoint
        String scrape =
                HTTP.send(
                                HttpRequest.newBuilder(cluster.prometheusUri().resolve("/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        for (String name :
                List.of(
                        "events_received_total{",
                        "dead_letters_total{",
                        "graph_mutations_total{",
                        "write_latency_seconds{",
                        "storage_writes_total{",
                        "enrichment_duration_seconds{")) {
            assertThat(scrape).as(name).contains(name);
        }
        assertThat(scrape).contains("topic=\"cluster.prompts\"");

        HTTP.send(
                HttpRequest.newBuilder(cluster.restUri().resolve("/jobs/" + jobId))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    // --- the REST API as flink run uses it

    /** {@code POST /jars/upload}, then {@code POST /jars/<id>/run} with program arguments. */
    static String submit(Path jar, List<String> arguments) throws Exception {
        String boundary = "----memory-graph-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                                + jar.getFileName()
                                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode uploaded =
                send(
                        HttpRequest.newBuilder(cluster.restUri().resolve("/jars/upload"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build());
        String file = uploaded.path("filename").asText();
        String jarId = file.substring(file.lastIndexOf('/') + 1);
        var run = JSON.createObjectNode().put("entryClass", StreamingJob.class.getName());
        var args = run.putArray("programArgsList");
        arguments.forEach(args::add);
        JsonNode started =
                send(
                        HttpRequest.newBuilder(cluster.restUri().resolve("/jars/" + jarId + "/run"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(run.toString()))
                                .build());
        assertThat(started.has("jobid")).as(started.toString()).isTrue();
        return started.path("jobid").asText();
    }

    static JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(cluster.restUri().resolve(path)).GET().build());
    }

    private static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(request.uri() + ": " + response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    /** The id Flink gives a job vertex whose head operator has {@code uid}. */
    static String vertexId(String uid) {
        return new JobVertexID(
                        Hashing.murmur3_128(0)
                                .newHasher()
                                .putString(uid, StandardCharsets.UTF_8)
                                .hash()
                                .asBytes())
                .toString();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    /** The repository: the tests run in {@code streaming-job/local}. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().getParent();
    }

    /** The shaded jar {@code streaming-job} built before this module. */
    static Path jobJar() throws Exception {
        Path target = repositoryRoot().resolve("streaming-job/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "no shaded job jar in "
                                                    + target
                                                    + ": build streaming-job first"));
        }
    }
}
