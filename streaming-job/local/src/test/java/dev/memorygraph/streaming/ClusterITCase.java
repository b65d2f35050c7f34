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
                                "execution.checkpointing.min-pause", "500 ms",
                                // a killed TaskManager is declared lost in seconds, not 50 s
                                "heartbeat.interval", "2 s",
                                "heartbeat.timeout", "10 s"),
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
        awaitRunning(jobId);
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

    /**
     * Upgrade: stop with a savepoint while records are in flight, submit again from it with a
     * changed non-state option; then kill the TaskManager mid-run and start a new one, the restart
     * strategy of {@code config.yaml} bringing the job back from its last checkpoint. Dedup state
     * (replays of the first part sent after the upgrade), the FOLLOWS timelines (sessions span all
     * three parts), Kafka offsets (nothing read twice: the DLQ, which dedup does not cover, is
     * exact across the savepoint) and the sinks' pending files all carry over: the lake holds every
     * valid record once and the graph every prompt in one chain per session. Across the kill the
     * at-least-once DLQ may repeat what came after the last checkpoint; its records are exact by
     * their source coordinates.
     */
    @Test
    void aSavepointUpgradeAndATaskManagerKillLoseAndRepeatNothing() throws Exception {
        Configuration config =
                LocalJobConfig.forTopics(
                        kafka,
                        "upgrade",
                        home.resolve("upgrade"),
                        EmbeddedNeo4j.shared().boltUri());
        config.set(dev.memorygraph.operators.lake.EventLakeOptions.COMPACTION_ENABLED, true);
        config.set(dev.memorygraph.operators.lake.EventLakeOptions.COMPACTION_CHECKPOINTS, 3);
        Path lake = home.resolve("upgrade/lake");
        List<TestRecord> records =
                new TrafficGenerator(
                                TrafficGenerator.Config.defaults(
                                                "upgrade.prompts",
                                                "upgrade.responses",
                                                "upgrade.sessions")
                                        // enough invalid records for the DLQ's count to mean
                                        // something
                                        .withRatios(0.01, 0.05),
                                Clock.systemUTC())
                        .take(900);
        List<TestRecord> first = records.subList(0, 400);
        List<TestRecord> second = new ArrayList<>(records.subList(400, 650));
        // the first part again, as a producer resending after the upgrade would
        first.stream()
                .filter(r -> r.kind() == TestRecord.Kind.VALID)
                .limit(25)
                .forEach(r -> second.add(r.asDuplicate()));
        List<TestRecord> third = records.subList(650, 900);
        long valid = count(records, TestRecord.Kind.VALID);
        long invalidBeforeKill =
                count(first, TestRecord.Kind.INVALID) + count(second, TestRecord.Kind.INVALID);
        long invalid = invalidBeforeKill + count(third, TestRecord.Kind.INVALID);
        List<TestRecord> prompts =
                records.stream()
                        .filter(r -> r.kind() == TestRecord.Kind.VALID)
                        .filter(r -> r.topic().equals("upgrade.prompts"))
                        .toList();
        long sessions =
                prompts.stream()
                        .map(r -> new String(r.key(), StandardCharsets.UTF_8))
                        .distinct()
                        .count();

        String v1 = submit(jobJar(), LocalJobConfig.jobArguments(config));
        awaitRunning(v1);
        try (KafkaTrafficProducer producer = new KafkaTrafficProducer(kafka.bootstrapServers())) {
            producer.sendAll(first);
        }
        // stopped while the first part is still being processed
        await().atMost(Duration.ofMinutes(1)).until(() -> kafka.endOffsetSum("upgrade.dlq") > 0);
        long started = System.nanoTime();
        String savepoint = stopWithSavepoint(v1, home.resolve("upgrade/savepoints"));
        long lakeAtStop = LakeFiles.committedRows(lake);

        // v2: the same jar with a changed option that is not state
        config.set(dev.memorygraph.operators.lake.EventLakeOptions.COMPACTION_CHECKPOINTS, 4);
        String v2 = submit(jobJar(), LocalJobConfig.jobArguments(config), savepoint);
        awaitRunning(v2);
        long upgradeMillis = (System.nanoTime() - started) / 1_000_000;
        try (KafkaTrafficProducer producer = new KafkaTrafficProducer(kafka.bootstrapServers())) {
            producer.sendAll(second);
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> kafka.endOffsetSum("upgrade.dlq") == invalidBeforeKill);
            // exact across the savepoint: nothing was read twice
            assertThat(distinctDeadLetters("upgrade.dlq")).isEqualTo(invalidBeforeKill);
            assertThat(kafka.endOffsetSum("upgrade.dlq")).isEqualTo(invalidBeforeKill);

            producer.sendAll(third.subList(0, 125));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> kafka.endOffsetSum("upgrade.dlq") > invalidBeforeKill);
            started = System.nanoTime();
            cluster.killTaskManager();
            cluster.startTaskManager();
            producer.sendAll(third.subList(125, third.size()));
        }
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> LakeFiles.committedRows(lake) >= valid);
        long recoveryMillis = (System.nanoTime() - started) / 1_000_000;
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(30))
                .until(() -> LakeFiles.committedRows(lake) == valid);
        assertThat(get("/jobs/" + v2 + "/exceptions").path("exceptionHistory").path("entries"))
                .as("the kill failed the job's tasks and the job restarted")
                .isNotEmpty();
        assertThat(get("/jobs/" + v2).path("state").asText()).isEqualTo("RUNNING");
        await().atMost(Duration.ofMinutes(1))
                .until(() -> distinctDeadLetters("upgrade.dlq") == invalid);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> count("MATCH (p:Prompt) RETURN count(p) AS c") == prompts.size());
        // one FOLLOWS chain per session: no prompt lost its predecessor to the upgrade or the kill
        assertThat(
                        count(
                                "MATCH (:Session)-[:CONTAINS]->(p:Prompt)"
                                        + " WHERE NOT ()-[:FOLLOWS]->(p) RETURN count(p) AS c"))
                .isEqualTo(sessions);
        assertThat(count("MATCH (:Prompt)-[f:FOLLOWS]->(:Prompt) RETURN count(f) AS c"))
                .isEqualTo(prompts.size() - sessions);
        System.out.printf(
                "upgrade: %d records (%d valid, %d invalid, %d replays), lake rows at the stop %d,"
                        + " stop-with-savepoint to v2 running %d ms, TaskManager kill to every"
                        + " row in the lake %d ms, DLQ records %d for %d invalid%n",
                records.size() + 25,
                valid,
                invalid,
                25,
                lakeAtStop,
                upgradeMillis,
                recoveryMillis,
                kafka.endOffsetSum("upgrade.dlq"),
                invalid);

        HTTP.send(
                HttpRequest.newBuilder(cluster.restUri().resolve("/jobs/" + v2))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static long count(List<TestRecord> records, TestRecord.Kind kind) {
        return records.stream().filter(r -> r.kind() == kind).count();
    }

    private long count(String cypher) {
        return driver.session().run(cypher).single().get("c").asLong();
    }

    /** Dead letters by their identity, the source record's topic, partition and offset. */
    private static long distinctDeadLetters(String topic) throws Exception {
        return kafka.readAll(topic).stream()
                .map(
                        r ->
                                header(r, "dlq.source.topic")
                                        + "/"
                                        + header(r, "dlq.source.partition")
                                        + "/"
                                        + header(r, "dlq.source.offset"))
                .distinct()
                .count();
    }

    private static String header(
            org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static void awaitRunning(String jobId) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "RUNNING".equals(get("/jobs/" + jobId).path("state").asText()));
    }

    // --- the REST API as flink run uses it

    /** {@code POST /jars/upload}, then {@code POST /jars/<id>/run} with program arguments. */
    static String submit(Path jar, List<String> arguments) throws Exception {
        return submit(jar, arguments, null);
    }

    /**
     * {@link #submit(Path, List)} from a savepoint ({@code flink run -s <savepoint>}), every
     * operator's state required ({@code allowNonRestoredState} false), or from nothing when {@code
     * savepoint} is {@code null}.
     */
    static String submit(Path jar, List<String> arguments, String savepoint) throws Exception {
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
        if (savepoint != null) {
            run.put("savepointPath", savepoint).put("allowNonRestoredState", false);
        }
        JsonNode started =
                send(
                        HttpRequest.newBuilder(cluster.restUri().resolve("/jars/" + jarId + "/run"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(run.toString()))
                                .build());
        assertThat(started.has("jobid")).as(started.toString()).isTrue();
        return started.path("jobid").asText();
    }

    /**
     * {@code POST /jobs/<id>/stop} ({@code flink stop --savepointPath}, no drain: event time does
     * not jump to the end, timers stay in state), then waits for the savepoint; returns its path.
     */
    static String stopWithSavepoint(String jobId, Path directory) throws Exception {
        var body =
                JSON.createObjectNode()
                        .put("targetDirectory", directory.toUri().toString())
                        .put("drain", false);
        String trigger =
                send(HttpRequest.newBuilder(cluster.restUri().resolve("/jobs/" + jobId + "/stop"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build())
                        .path("request-id")
                        .asText();
        JsonNode[] status = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            status[0] = get("/jobs/" + jobId + "/savepoints/" + trigger);
                            return "COMPLETED".equals(status[0].path("status").path("id").asText());
                        });
        JsonNode operation = status[0].path("operation");
        assertThat(operation.has("location")).as(operation.toString()).isTrue();
        await().atMost(Duration.ofMinutes(1))
                .until(() -> "FINISHED".equals(get("/jobs/" + jobId).path("state").asText()));
        return operation.path("location").asText();
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
