package dev.memorygraph.batch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.childjvm.ChildJvm;
import dev.memorygraph.model.Reconciliation;
import dev.memorygraph.operators.reconcile.KafkaReconciliationQueue;
import dev.memorygraph.operators.reconcile.ReconciliationRecords;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.sinks.base.RetriesExhausted;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchSink;
import dev.memorygraph.sinks.influxdb.EventPoints;
import dev.memorygraph.sinks.influxdb.InfluxDbConnection;
import dev.memorygraph.sinks.influxdb.InfluxDbOptions;
import dev.memorygraph.sinks.influxdb.InfluxDbSink;
import dev.memorygraph.sinks.influxdb.LinePoint;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import dev.memorygraph.testing.EmbeddedKafka;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ReconciliationJob} against a real Kafka broker and a real server of the InfluxDB v2 write
 * API (QuestDB), on the MiniCluster in BATCH mode. The reconciliation records are the ones a real
 * {@link InfluxDbSink} wrote when its server was unreachable.
 */
class ReconciliationJobITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    static EmbeddedKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    @Test
    void repairsWhatTheStoreCouldNotTakeAndCommitsTheRange() throws Exception {
        Map<String, String> args = args("repair", EmbeddedQuestDb.shared().uri().toString());
        failWrites("repair", "recon_repair", 60);
        appendGarbage("repair.reconcile");

        BoundedJobs.Outcome first = reconcile(args);

        assertThat(first.code()).isEqualTo(ExitCode.INCOMPLETE); // the garbage record
        assertThat(first.summary())
                .contains("replayed 60 {influxdb-sink=60}")
                .contains("repaired 60")
                .contains("still failing 0")
                .contains("unreplayable 1")
                .contains("offsets committed");
        assertThat(questDbCount("recon_repair", 60)).isEqualTo(60);
        List<ConsumerRecord<byte[], byte[]>> letters = kafka.readAll("repair.dlq");
        assertThat(letters).hasSize(1);
        assertThat(ReconciliationRecords.header(letters.get(0).headers(), "dlq.reason"))
                .isEqualTo("UNREPLAYABLE");
        assertThat(ReconciliationRecords.header(letters.get(0).headers(), "dlq.reconcile.run"))
                .startsWith("reconcile-");

        BoundedJobs.Outcome second = reconcile(args);

        assertThat(second.code()).isEqualTo(ExitCode.SUCCESS);
        assertThat(second.summary()).contains("replayed 0");
        assertThat(questDbCount("recon_repair", 60)).isEqualTo(60);
    }

    @Test
    void aStoreStillDownIsRequeuedAsTheNextAttemptAndRepairedByALaterRun() throws Exception {
        String down = "http://127.0.0.1:" + ChildJvm.freePort();
        failWrites("again", "recon_again", 20);
        List<Reconciliation> firstAttempts = records("again.reconcile");
        assertThat(firstAttempts).hasSize(20).allMatch(r -> r.attempt() == 1 && r.run() == null);

        BoundedJobs.Outcome stillDown = reconcile(args("again", down));

        assertThat(stillDown.code()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(stillDown.summary())
                .contains("replayed 20")
                .contains("repaired 0")
                .contains("still failing 20 {influxdb-sink=20}");
        List<Reconciliation> all = records("again.reconcile");
        assertThat(all).hasSize(40);
        List<Reconciliation> second = all.subList(20, 40);
        assertThat(second).allMatch(r -> r.attempt() == 2 && r.run() != null);
        Map<String, Instant> firstFailure = new LinkedHashMap<>();
        firstAttempts.forEach(r -> firstFailure.put(r.entityId(), r.firstFailure()));
        assertThat(second)
                .allSatisfy(
                        r ->
                                assertThat(r.firstFailure())
                                        .isEqualTo(firstFailure.get(r.entityId())));

        BoundedJobs.Outcome back =
                reconcile(args("again", EmbeddedQuestDb.shared().uri().toString()));

        assertThat(back.code()).isEqualTo(ExitCode.SUCCESS);
        assertThat(back.summary()).contains("replayed 20").contains("repaired 20");
        assertThat(questDbCount("recon_again", 20)).isEqualTo(20);
    }

    @Test
    void recordsOfAStoreThisConfigurationDoesNotEnableAreLeftInPlace() throws Exception {
        kafka.createTopics(1, "other.reconcile", "other.dlq");
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(
                            ReconciliationRecords.toProducerRecord(
                                    "other.reconcile",
                                    new Reconciliation(
                                            "elasticsearch",
                                            ElasticsearchSink.STAGE,
                                            "index",
                                            "e1",
                                            1,
                                            "503 ElasticsearchException",
                                            T,
                                            T,
                                            "elasticsearch-index-action/1",
                                            new byte[] {0, 1, 'a'},
                                            null)))
                    .get();
        }
        Map<String, String> args = args("other", EmbeddedQuestDb.shared().uri().toString());

        BoundedJobs.Outcome outcome = reconcile(args);

        assertThat(outcome.code()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(outcome.summary())
                .contains("no sink configured {elasticsearch-sink=1}")
                .contains("offsets not committed");
        assertThat(reconcile(args).summary()).contains("no sink configured {elasticsearch-sink=1}");
    }

    @Test
    void aWriteGivenUpMaxAttemptsTimesGoesToTheDeadLetterQueueInsteadOfAnotherReplay()
            throws Exception {
        kafka.createTopics(1, "tired.reconcile", "tired.dlq");
        LinePoint point =
                new LinePoint(
                        "tired-1",
                        "recon_tired,status=ok tokens=1i " + EventPoints.timestamp("tired-1", T));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(
                            ReconciliationRecords.toProducerRecord(
                                    "tired.reconcile",
                                    new Reconciliation(
                                            "influxdb",
                                            InfluxDbSink.STAGE,
                                            "write",
                                            "tired-1",
                                            3,
                                            "503 InfluxException",
                                            T,
                                            T.plusSeconds(60),
                                            "influxdb-line/1",
                                            new dev.memorygraph.sinks.influxdb.internal
                                                            .InfluxDbSinkStateSerializer()
                                                    .encode(point),
                                            "reconcile-earlier")))
                    .get();
        }
        Map<String, String> args = args("tired", EmbeddedQuestDb.shared().uri().toString());
        args.put("reconcile.max-attempts", "3");

        BoundedJobs.Outcome outcome = reconcile(args);

        assertThat(outcome.code()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(outcome.summary())
                .contains("replayed 0")
                .contains("rejected 0")
                .contains("given up 1");
        List<ConsumerRecord<byte[], byte[]>> letters = kafka.readAll("tired.dlq");
        assertThat(letters).hasSize(1);
        assertThat(ReconciliationRecords.header(letters.get(0).headers(), "dlq.reason"))
                .isEqualTo("STORE_UNAVAILABLE");
        assertThat(ReconciliationRecords.header(letters.get(0).headers(), "dlq.message"))
                .contains("after 3 attempts")
                .contains("503");
        assertThat(new String(letters.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("tired-1");
        assertThat(reconcile(args).summary()).contains("given up 0"); // committed: not again
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingRuns() {
        Map<String, String> args = args("bad", EmbeddedQuestDb.shared().uri().toString());
        args.put("execution.runtime-mode", "STREAMING");
        BoundedJobs.Outcome streaming = reconcile(args);
        assertThat(streaming.code()).isEqualTo(ExitCode.USAGE);
        assertThat(streaming.summary()).contains("execution.runtime-mode");

        args.put("execution.runtime-mode", "BATCH");
        args.put("from", "2026-12-01T00:00:00Z");
        BoundedJobs.Outcome halfWindow = reconcile(args);
        assertThat(halfWindow.code()).isEqualTo(ExitCode.USAGE);
        assertThat(halfWindow.summary()).contains("batch.until");
    }

    /** The job's arguments, as a scheduler passes them. */
    static Map<String, String> args(String prefix, String influxUrl) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("execution.runtime-mode", "BATCH");
        args.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        args.put("kafka.topic.reconciliation", prefix + ".reconcile");
        args.put("kafka.topic.dlq", prefix + ".dlq");
        args.put("reconcile.group", prefix + "-reconciliation");
        args.put("influxdb.enabled", "true");
        args.put("influxdb.url", influxUrl);
        args.put("influxdb.retry.initial-backoff", "50ms");
        args.put("influxdb.retry.max-backoff", "200ms");
        args.put("influxdb.retry.max-retries", "2");
        args.put("neo4j.enabled", "false");
        return args;
    }

    static BoundedJobs.Outcome reconcile(Map<String, String> args) {
        List<String> argv = new ArrayList<>();
        args.forEach(
                (key, value) -> {
                    argv.add("--" + key);
                    argv.add(value);
                });
        return BoundedJobs.run(
                ReconciliationJob.NAME,
                argv.toArray(String[]::new),
                StreamExecutionEnvironment.getExecutionEnvironment(),
                ReconciliationJob::reconcileOutcome);
    }

    /**
     * {@code count} points of measurement {@code measurement} through a real {@link InfluxDbSink}
     * whose server is unreachable, set to reconcile: the reconciliation records of an outage.
     */
    static void failWrites(String prefix, String measurement, int count) throws Exception {
        kafka.createTopics(2, prefix + ".reconcile", prefix + ".dlq");
        Configuration config = new Configuration();
        config.setString("kafka.bootstrap-servers", kafka.bootstrapServers());
        config.setString("kafka.topic.reconciliation", prefix + ".reconcile");
        config.setString("kafka.topic.dlq", prefix + ".dlq");
        List<LinePoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-e" + i;
            points.add(
                    new LinePoint(
                            id,
                            measurement
                                    + ",status=ok tokens="
                                    + i
                                    + "i "
                                    + EventPoints.timestamp(id, T.plusSeconds(i))));
        }
        InfluxDbSink sink =
                InfluxDbSink.builder()
                        .setConnection(
                                InfluxDbConnection.unauthenticated(
                                        "http://127.0.0.1:" + ChildJvm.freePort(), "llm"))
                        .setDeadLetterQueue(new TestingDeadLetterQueue(prefix + "-dlq"))
                        .setReconciliationQueue(KafkaReconciliationQueue.fromConfig(config))
                        .setOnRetriesExhausted(RetriesExhausted.RECONCILE)
                        .setRetryPolicy(
                                InfluxDbOptions.RETRY.read(
                                        Configuration.fromMap(
                                                Map.of(
                                                        "influxdb.retry.initial-backoff", "20ms",
                                                        "influxdb.retry.max-retries", "1"))))
                        .build();
        Configuration job = new Configuration();
        job.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(job);
        env.fromData(points).sinkTo(sink).name("InfluxDB down");
        env.execute("influxdb-outage");
    }

    static void appendGarbage(String topic) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "x".getBytes(), "not a record".getBytes()))
                    .get();
        }
    }

    static List<Reconciliation> records(String topic) throws Exception {
        List<Reconciliation> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> raw : kafka.readAll(topic)) {
            Optional<Reconciliation> record = ReconciliationRecords.fromConsumerRecord(raw);
            record.ifPresent(records::add);
        }
        records.sort(
                java.util.Comparator.comparing(Reconciliation::attempt)
                        .thenComparing(Reconciliation::entityId));
        return records;
    }

    static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /**
     * Rows of a QuestDB table once it has at least {@code expected} (it commits asynchronously).
     */
    static long questDbCount(String table, long expected) throws Exception {
        long count = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                URI uri =
                        EmbeddedQuestDb.shared()
                                .uri()
                                .resolve(
                                        "/exec?query="
                                                + URLEncoder.encode(
                                                        "select count() from " + table,
                                                        StandardCharsets.UTF_8));
                String body =
                        HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(uri).build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body();
                count = new ObjectMapper().readTree(body).get("dataset").get(0).get(0).asLong();
            } catch (RuntimeException notYet) {
                count = -1;
            }
            if (count >= expected) {
                Thread.sleep(500); // and no more after a moment
                return count;
            }
            Thread.sleep(200);
        }
        return count;
    }
}
