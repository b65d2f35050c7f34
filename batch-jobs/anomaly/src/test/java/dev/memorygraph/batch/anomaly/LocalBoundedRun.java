package dev.memorygraph.batch.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.rollup.RollupJob;
import dev.memorygraph.batch.similarity.SimilarityJob;
import dev.memorygraph.batch.templates.TemplateJob;
import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.testing.AnomalyTraffic;
import dev.memorygraph.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;

/**
 * Runs the rollup, anomaly, similarity and template jobs, in BATCH mode on a MiniCluster, over the
 * days in the local run's lake ({@code .local-run/lake}), against embedded Kafka, Neo4j,
 * Elasticsearch and QuestDB, and prints what they wrote: the alerts, the tagged {@code Response}
 * nodes and a rollup table. Without a local run's lake, it writes a day of {@link AnomalyTraffic}
 * (20,000 responses with planted anomalies) to {@code .local-run/bounded-lake} first. The README's
 * "Running the bounded jobs locally".
 */
public final class LocalBoundedRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalBoundedRun() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("local.root", ".")).toAbsolutePath().normalize();
        Path lake = root.resolve(".local-run/lake");
        List<LocalDate> days = days(lake);
        if (days.isEmpty()) {
            lake = root.resolve(".local-run/bounded-lake");
            LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            System.out.printf(
                    "No local run's lake at %s: writing a day of traffic with planted anomalies"
                            + " (%s, 20,000 responses) to %s%n",
                    root.resolve(".local-run/lake"), day, lake);
            writeLake(AnomalyTraffic.day(day, 20_000, 7), lake);
            days = List.of(day);
        }
        Path models = lake.resolveSibling("anomaly-models");
        System.out.println("Starting Kafka, Neo4j, Elasticsearch and QuestDB …");
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
                Driver neo4j = GraphDatabase.driver(EmbeddedNeo4j.shared().boltUri().toString())) {
            kafka.createTopics(1, "llm.alerts.v1", "llm.dlq.v1", "llm.reconcile.v1");
            String[] stores = {
                "--execution.runtime-mode", "BATCH",
                "--lake.path", lake.toUri().toString(),
                "--kafka.bootstrap-servers", kafka.bootstrapServers(),
                "--kafka.topic.dlq", "llm.dlq.v1",
                "--kafka.topic.reconciliation", "llm.reconcile.v1",
                "--neo4j.uri", EmbeddedNeo4j.shared().boltUri().toString(),
                "--influxdb.enabled", "true",
                "--influxdb.url", EmbeddedQuestDb.shared().uri().toString(),
                "--elasticsearch.enabled", "true",
                "--elasticsearch.hosts", EmbeddedElasticsearch.shared().uri().toString(),
                "--anomaly.model-path", models.toUri().toString()
            };
            for (int d = 0; d < days.size(); d++) {
                LocalDate day = days.get(d);
                String[] window = {"--date", day.toString()};
                run(
                        RollupJob.NAME,
                        concat(stores, window, "--neo4j.enabled", "false"),
                        (config, env) -> RollupJob.run(config, env).outcome());
                run(
                        AnomalyJob.NAME,
                        concat(stores, window, "--influxdb.enabled", "false"),
                        (config, env) -> AnomalyJob.run(config, env).outcome());
                // the first day in full, then each next day incrementally, as the nightly runs do
                run(
                        SimilarityJob.NAME,
                        concat(
                                stores,
                                window,
                                "--influxdb.enabled",
                                "false",
                                "--similarity.mode",
                                d == 0 ? "FULL" : "INCREMENTAL"),
                        (config, env) -> SimilarityJob.run(config, env).outcome());
                run(
                        TemplateJob.NAME,
                        concat(stores, window, "--influxdb.enabled", "false"),
                        (config, env) -> TemplateJob.run(config, env).outcome());
            }
            printSimilarityAndTemplates(neo4j);
            List<ConsumerRecord<byte[], byte[]>> alerts = kafka.readAll("llm.alerts.v1");
            System.out.printf("%nllm.alerts.v1: %d alerts; the first three:%n", alerts.size());
            alerts.stream()
                    .limit(3)
                    .forEach(
                            r ->
                                    System.out.println(
                                            "  " + new String(r.value(), StandardCharsets.UTF_8)));
            System.out.println("\nNeo4j, the five highest-scored responses:");
            for (Record r :
                    neo4j.session()
                            .run(
                                    "MATCH (r:Response) WHERE r.anomalyScore IS NOT NULL RETURN"
                                            + " r.id AS id, r.anomalyScore AS score,"
                                            + " r.anomalyReasons AS reasons,"
                                            + " r.anomalyModelVersion AS version ORDER BY score"
                                            + " DESC LIMIT 5")
                            .list()) {
                System.out.printf(
                        "  %s  %.3f  %s  %s%n",
                        r.get("id").asString(),
                        r.get("score").asDouble(),
                        r.get("reasons").asList(),
                        r.get("version").asString());
            }
            System.out.println("\nQuestDB llm_rollups, per tenant and day:");
            Thread.sleep(2_000); // QuestDB applies WAL writes asynchronously
            JsonNode rows =
                    JSON.readTree(
                                    EmbeddedQuestDb.shared()
                                            .sql(
                                                    "select timestamp, tenant_id, responses,"
                                                            + " errors, total_tokens, cost,"
                                                            + " latency_p50_ms, latency_p95_ms,"
                                                            + " latency_p99_ms from llm_rollups where"
                                                            + " granularity = 'day' and dimension ="
                                                            + " 'tenant' order by timestamp, tenant_id"))
                            .path("dataset");
            System.out.println(
                    "  day                          tenant       responses errors   tokens    "
                            + " cost $  p50 ms  p95 ms  p99 ms");
            for (JsonNode row : rows) {
                System.out.printf(
                        "  %-28s %-12s %9d %6d %9d %9.2f %7.0f %7.0f %7.0f%n",
                        row.get(0).asText(),
                        row.get(1).asText(),
                        row.get(2).asLong(),
                        row.get(3).asLong(),
                        row.get(4).asLong(),
                        row.get(5).asDouble(),
                        row.get(6).asDouble(),
                        row.get(7).asDouble(),
                        row.get(8).asDouble());
            }
        } finally {
            EmbeddedQuestDb.shared().close();
            EmbeddedElasticsearch.shared().close();
            EmbeddedNeo4j.shared().close();
        }
        System.exit(0);
    }

    /** The prompt with the most neighbours, and the template with the most instances. */
    private static void printSimilarityAndTemplates(Driver neo4j) {
        System.out.println(
                "\nNeo4j, a prompt's nearest neighbours:\n  MATCH (p:Prompt)-[s:SIMILAR_TO]->(q:Prompt)"
                        + " WITH p, collect([q.id, s.score]) AS near ORDER BY size(near) DESC"
                        + " LIMIT 1 RETURN p.id, near");
        for (Record r :
                neo4j.session()
                        .run(
                                "MATCH (p:Prompt)-[s:SIMILAR_TO]->(q:Prompt) WITH p, q, s ORDER BY"
                                        + " s.score DESC WITH p, collect([q.id, s.score]) AS near"
                                        + " ORDER BY size(near) DESC, p.id LIMIT 1 RETURN p.id AS"
                                        + " id, near")
                        .list()) {
            System.out.println("  " + r.get("id").asString());
            r.get("near")
                    .asList(v -> v.asList())
                    .forEach(n -> System.out.printf("    -> %s  %.4f%n", n.get(0), n.get(1)));
        }
        System.out.println(
                "\nNeo4j, the mined template with the most instances:\n  MATCH"
                        + " (p:Prompt)-[i:INSTANCE_OF {source: 'mined'}]->(t:Template) ...");
        for (Record r :
                neo4j.session()
                        .run(
                                "MATCH (p:Prompt)-[i:INSTANCE_OF {source: 'mined'}]->(t:Template)"
                                        + " WITH t, collect(i.parameters) AS values ORDER BY"
                                        + " size(values) DESC, t.id LIMIT 1 RETURN t.template AS"
                                        + " template, size(values) AS n, values[0..3] AS some")
                        .list()) {
            System.out.printf(
                    "  %s  (%d instances)%n", r.get("template").asString(), r.get("n").asLong());
            r.get("some")
                    .asList(v -> v.isNull() ? "(values withheld: PII in clear)" : v.asString())
                    .forEach(v -> System.out.println("    " + v));
        }
    }

    /** Runs one bounded job on a local environment and prints its outcome line. */
    private static void run(String name, String[] args, BoundedJobs.Job job) {
        BoundedJobs.Outcome outcome =
                BoundedJobs.run(
                        name, args, StreamExecutionEnvironment.getExecutionEnvironment(), job);
        System.out.println(outcome.code() + ": " + outcome.summary());
    }

    private static List<LocalDate> days(Path lake) throws Exception {
        if (!Files.isDirectory(lake)) {
            return List.of();
        }
        try (Stream<Path> partitions = Files.list(lake)) {
            return partitions
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("dt="))
                    .map(n -> LocalDate.parse(n.substring(3)))
                    .sorted()
                    .toList();
        }
    }

    private static String[] concat(String[] a, String[] b, String... c) {
        return Stream.of(a, b, c).flatMap(Stream::of).toArray(String[]::new);
    }

    private static void writeLake(List<AnomalyTraffic.Labelled> traffic, Path lake)
            throws Exception {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(EventLakeOptions.PATH, lake.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.fromData(traffic.stream().map(AnomalyTraffic.Labelled::event).toList())
                .sinkTo(EventLake.sink(config))
                .uid("lake")
                .name("lake");
        env.execute("write-lake");
    }
}
