package dev.memorygraph.batch.templates;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.model.Embedding;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventOrigin;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.text.TextEnricher;
import dev.memorygraph.operators.text.TextOptions;
import dev.memorygraph.sinks.neo4j.GraphSchema;
import dev.memorygraph.sinks.testing.Neo4jTestSupport;
import dev.memorygraph.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The template job end to end at the spec's scale ({@code mvn -q -pl batch-jobs/templates -am
 * -DskipTests test-compile exec:exec@template-job-benchmark}): one day of {@link TemplateTraffic}
 * (333,000 prompts by default, {@code -Dbench.templates.prompts}; seed 4, never inspected, {@code
 * -Dbench.templates.seed}) is written as the streaming job leaves it: lake files in {@code
 * dt=…/hour=…} partitions with the text stage's features and the pipeline's embeddings, and a
 * {@code Prompt} node per event in a real Neo4j. Then {@link TemplateJob} runs as a scheduler
 * starts it ({@code --date}, BATCH mode, the local environment's parallelism): lake read, the
 * deduplication by event id, DBSCAN and alignment, and the writes through the Neo4j sink. Printed:
 * the job's wall time and counts, the edges per second, and the quality of what it wrote, read back
 * from the graph against the generator's true templates.
 *
 * <p>Preparing the day is not timed; the embeddings are cached under {@code target/} by {@link
 * TemplateBenchmark#embeddings} (computing 333,000 takes about 40 minutes on 2 cores).
 */
public final class TemplateJobBenchmark {

    private static final Instant DAY = Instant.parse("2026-11-30T00:00:00Z");

    private TemplateJobBenchmark() {}

    public static void main(String[] args) throws Exception {
        int prompts = Integer.getInteger("bench.templates.prompts", 333_000);
        long seed = Long.getLong("bench.templates.seed", 4);
        System.out.printf(
                "template job benchmark: %,d prompts of seed %d on %d cores%n",
                prompts, seed, Runtime.getRuntime().availableProcessors());
        List<TemplateTraffic.Sample> day = TemplateTraffic.generate(seed, prompts);
        List<String> texts = new ArrayList<>();
        day.forEach(s -> texts.add(s.text()));
        float[][] vectors = TemplateBenchmark.embeddings(texts, seed);

        Path dir = Files.createTempDirectory("template-job-benchmark");
        Path lake = dir.resolve("lake");
        long start = System.nanoTime();
        List<EnrichedEvent> events = events(texts, vectors);
        writeLake(lake, events);
        System.out.printf(
                "  lake written: %,d prompts in %.0f s (%s; not part of the job's time)%n",
                events.size(), (System.nanoTime() - start) / 1e9, lake);

        try (EmbeddedKafka kafka = EmbeddedKafka.start();
                Driver driver = GraphDatabase.driver(EmbeddedNeo4j.shared().boltUri().toString())) {
            kafka.createTopics(1, "bench.dlq", "bench.reconcile");
            Neo4jTestSupport.wipe(driver);
            GraphSchema.apply(driver, "neo4j", Duration.ofMinutes(2));
            start = System.nanoTime();
            seedPrompts(driver, events);
            System.out.printf(
                    "  graph seeded: %,d Prompt nodes in %.0f s (not part of the job's time)%n",
                    events.size(), (System.nanoTime() - start) / 1e9);

            List<String> jobArgs =
                    new ArrayList<>(
                            List.of(
                                    "--execution.runtime-mode",
                                    "BATCH",
                                    "--date",
                                    DAY.toString().substring(0, 10),
                                    "--lake.path",
                                    lake.toUri().toString(),
                                    "--neo4j.uri",
                                    EmbeddedNeo4j.shared().boltUri().toString(),
                                    "--kafka.bootstrap-servers",
                                    kafka.bootstrapServers(),
                                    "--kafka.topic.dlq",
                                    "bench.dlq",
                                    "--kafka.topic.reconciliation",
                                    "bench.reconcile",
                                    "--pipeline.generic-types",
                                    "false"));
            start = System.nanoTime();
            BoundedJobs.Outcome outcome =
                    BoundedJobs.run(
                            TemplateJob.NAME,
                            jobArgs.toArray(String[]::new),
                            StreamExecutionEnvironment.getExecutionEnvironment(),
                            (config, env) -> TemplateJob.run(config, env).outcome());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "  job: exit %s in %.0f s (%.1f min): %s%n",
                    outcome.code(), seconds, seconds / 60, outcome.summary());

            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                index.put(events.get(i).eventId(), i);
            }
            String[] predicted = new String[events.size()];
            long edges = 0;
            for (Record r :
                    Neo4jTestSupport.query(
                            driver,
                            "MATCH (p:Prompt)-[:INSTANCE_OF]->(t:Template)"
                                    + " RETURN p.id AS id, t.template AS t",
                            Map.of())) {
                predicted[index.get(r.get("id").asString())] = r.get("t").asString();
                edges++;
            }
            System.out.printf(
                    "  graph: %,d INSTANCE_OF edges (%.0f per second of the job), %s%n",
                    edges, edges / seconds, Neo4jTestSupport.nodeCounts(driver));
            System.out.printf(
                    "  read back from the graph: %s%n", TemplateQuality.of(day, predicted));
        }
    }

    /** The day's prompts as the streaming job leaves them in the lake, spread over the day. */
    static List<EnrichedEvent> events(List<String> texts, float[][] vectors) {
        ThreadLocal<TextEnricher> enricher =
                ThreadLocal.withInitial(() -> new TextEnricher(TextOptions.defaults()));
        EnrichedEvent[] out = new EnrichedEvent[texts.size()];
        long step = Duration.ofDays(1).toMillis() / Math.max(1, texts.size());
        java.util.stream.IntStream.range(0, texts.size())
                .parallel()
                .forEach(
                        i -> {
                            Instant at = DAY.plusMillis(step * i);
                            String id =
                                    UUID.nameUUIDFromBytes(
                                                    ("bench-" + i).getBytes(StandardCharsets.UTF_8))
                                            .toString();
                            PromptEvent prompt =
                                    new PromptEvent(
                                            id,
                                            at,
                                            new Prompt(texts.get(i), null, null, null, null),
                                            new SessionRef(
                                                    "s" + i / 4, "u" + i % 5_000, "app-1", "chat"),
                                            new ModelRef("gpt-4o", "openai", null, null),
                                            null,
                                            null,
                                            null);
                            InboundEvent event =
                                    InboundEvent.of(
                                            prompt,
                                            new EventOrigin(
                                                    "llm.prompts",
                                                    i % 6,
                                                    i / 6,
                                                    at.toEpochMilli(),
                                                    "1.0",
                                                    "template-job-benchmark",
                                                    at));
                            out[i] =
                                    new EnrichedEvent(
                                            event,
                                            enricher.get().enrich(event),
                                            null,
                                            new Embedding("all-MiniLM-L6-v2", vectors[i]));
                        });
        return List.of(out);
    }

    /** One lake file per hour partition, in the lake's own format. */
    static void writeLake(Path lake, List<EnrichedEvent> events) throws Exception {
        BulkWriter.Factory<EnrichedEvent> format = EventLake.fileWriter("snappy");
        Map<String, BulkWriter<EnrichedEvent>> writers = new HashMap<>();
        Map<String, FSDataOutputStream> streams = new HashMap<>();
        try {
            for (EnrichedEvent event : events) {
                String hour = EventLake.partitionOf(event.event().eventTime());
                BulkWriter<EnrichedEvent> writer = writers.get(hour);
                if (writer == null) {
                    Path target = lake.resolve(hour).resolve("events-benchmark-0.parquet");
                    Files.createDirectories(target.getParent());
                    FSDataOutputStream out =
                            FileSystem.getLocalFileSystem()
                                    .create(
                                            new org.apache.flink.core.fs.Path(target.toUri()),
                                            FileSystem.WriteMode.OVERWRITE);
                    streams.put(hour, out);
                    writer = format.create(out);
                    writers.put(hour, writer);
                }
                writer.addElement(event);
            }
        } finally {
            for (Map.Entry<String, BulkWriter<EnrichedEvent>> writer : writers.entrySet()) {
                writer.getValue().finish();
                streams.get(writer.getKey()).close();
            }
        }
    }

    /** The {@code Prompt} nodes the streaming job would have written (id and time). */
    static void seedPrompts(Driver driver, List<EnrichedEvent> events) {
        try (Session session = driver.session()) {
            for (int from = 0; from < events.size(); from += 10_000) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (EnrichedEvent e :
                        events.subList(from, Math.min(events.size(), from + 10_000))) {
                    rows.add(
                            Map.of(
                                    "id",
                                    e.eventId(),
                                    "createdAt",
                                    OffsetDateTime.ofInstant(e.event().eventTime(), ZoneOffset.UTC),
                                    "textHash",
                                    e.text().textHash()));
                }
                session.run(
                                "UNWIND $rows AS r MERGE (p:Prompt {id: r.id})"
                                        + " SET p.createdAt = r.createdAt, p.textHash = r.textHash",
                                Map.of("rows", rows))
                        .consume();
            }
        }
    }
}
