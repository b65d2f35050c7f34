package dev.memorygraph.batch.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.sinks.testing.Neo4jTestSupport;
import dev.memorygraph.testing.AnomalyTraffic;
import dev.memorygraph.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The anomaly job on a day of the lake, against real Kafka and Neo4j: every anomalous response is
 * one alert (keyed by its id) and one tagged {@code Response} node, and nine in ten planted ones at
 * least are among them; the models are stored for the day; a rerun loads them and writes the same
 * alerts under the same keys, so the topic's distinct alerts and the graph are unchanged.
 */
class AnomalyJobITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final LocalDate DAY = LocalDate.parse("2026-11-20");

    static EmbeddedKafka kafka;
    static Driver driver;

    @TempDir Path tmp;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(1, "anomaly.alerts", "anomaly.dlq", "anomaly.reconcile");
        driver = GraphDatabase.driver(EmbeddedNeo4j.shared().boltUri().toString());
        Neo4jTestSupport.wipe(driver);
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
        kafka.close();
    }

    @Test
    void flagsTheDaysAnomaliesOnceInTheTopicAndTheGraphAndARerunChangesNothing() throws Exception {
        List<AnomalyTraffic.Labelled> traffic = AnomalyTraffic.day(DAY, 20_000, 9);
        Path lake = tmp.resolve("lake");
        writeLake(traffic.stream().map(AnomalyTraffic.Labelled::event).toList(), lake);

        BoundedJobs.Outcome first = detect(lake);
        assertThat(first.code()).as(first.summary()).isEqualTo(ExitCode.SUCCESS);
        assertThat(first.summary()).contains("20000 responses").contains("0 loaded");
        Map<String, String> alerts = alerts();
        long flagged = Long.parseLong(first.summary().replaceAll(".* (\\d+) anomalous.*", "$1"));
        assertThat(alerts).hasSize((int) flagged);
        assertThat(flagged).isPositive();
        assertThat(nodes()).isEqualTo(flagged);
        List<String> planted =
                traffic.stream()
                        .filter(AnomalyTraffic.Labelled::anomalous)
                        .map(l -> l.event().event().response().eventId())
                        .toList();
        long found =
                planted.stream()
                        .filter(
                                id ->
                                        alerts.values().stream()
                                                .anyMatch(a -> a.contains('"' + id + '"')))
                        .count();
        assertThat(found)
                .as("planted anomalies alerted (346 of 430 when written)")
                .isGreaterThanOrEqualTo(planted.size() * 3L / 4);
        assertThat(
                        Files.list(tmp.resolve("models/day=" + DAY))
                                .map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.endsWith(".model"))
                .anyMatch(n -> n.endsWith(".json"));
        String anAlert = alerts.values().iterator().next();
        assertThat(anAlert)
                .contains("\"kind\":\"response_anomaly\"")
                .contains("\"reasons\":[")
                .contains("\"window\":{\"from\":\"2026-11-20T00:00:00Z\"");

        BoundedJobs.Outcome again = detect(lake);
        assertThat(again.summary()).contains("0 models trained").contains(flagged + " anomalous");
        assertThat(alerts()).isEqualTo(alerts);
        assertThat(kafka.endOffsetSum("anomaly.alerts")).isEqualTo(2 * flagged);
        assertThat(nodes()).isEqualTo(flagged);
    }

    @Test
    void aWindowThatIsNotOneDayIsRefused() {
        BoundedJobs.Outcome outcome =
                BoundedJobs.run(
                        AnomalyJob.NAME,
                        new String[] {
                            "--execution.runtime-mode", "BATCH",
                            "--lake.path", tmp.toUri().toString(),
                            "--anomaly.model-path", tmp.toUri().toString(),
                            "--from", "2026-11-20T00:00:00Z",
                            "--until", "2026-11-20T06:00:00Z"
                        },
                        StreamExecutionEnvironment.getExecutionEnvironment(),
                        (config, env) -> AnomalyJob.run(config, env).outcome());
        assertThat(outcome.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.summary()).contains("one UTC day");
    }

    BoundedJobs.Outcome detect(Path lake) {
        String[] args = {
            "--execution.runtime-mode",
            "BATCH",
            "--lake.path",
            lake.toUri().toString(),
            "--anomaly.model-path",
            tmp.resolve("models").toUri().toString(),
            "--kafka.bootstrap-servers",
            kafka.bootstrapServers(),
            "--kafka.topic.alerts",
            "anomaly.alerts",
            "--kafka.topic.dlq",
            "anomaly.dlq",
            "--kafka.topic.reconciliation",
            "anomaly.reconcile",
            "--neo4j.uri",
            EmbeddedNeo4j.shared().boltUri().toString(),
            "--from",
            DAY + "T00:00:00Z",
            "--until",
            DAY.plusDays(1) + "T00:00:00Z"
        };
        return BoundedJobs.run(
                AnomalyJob.NAME,
                args,
                StreamExecutionEnvironment.getExecutionEnvironment(),
                (config, env) -> AnomalyJob.run(config, env).outcome());
    }

    static Map<String, String> alerts() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll("anomaly.alerts")) {
            out.put(
                    new String(r.key(), StandardCharsets.UTF_8),
                    new String(r.value(), StandardCharsets.UTF_8));
        }
        return out;
    }

    static long nodes() {
        return driver.session()
                .run("MATCH (r:Response) WHERE r.anomalyScore IS NOT NULL RETURN count(r) AS c")
                .single()
                .get("c")
                .asLong();
    }

    static void writeLake(List<EnrichedEvent> events, Path lake) throws Exception {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(EventLakeOptions.PATH, lake.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.fromData(events).sinkTo(EventLake.sink(config)).uid("lake").name("lake");
        env.execute("write-lake");
    }
}
