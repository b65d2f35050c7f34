package dev.memorygraph.batch.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.batch.StreamingJobRun;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.embed.LocalEmbedder;
import dev.memorygraph.sinks.testing.Neo4jTestSupport;
import dev.memorygraph.testing.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;

/**
 * The similarity job on a lake and a graph the streaming job wrote in the same test (real
 * embeddings, real Neo4j): the edges are exactly those a plain all-pairs computation over the same
 * texts gives (one prompt per text, top k above the threshold); a rerun leaves the graph as it was;
 * two shards give the edges one does, and so does the HNSW search; a day added incrementally gives
 * the edges a full run gives.
 */
class SimilarityJobITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final Instant DAY1 = Instant.parse("2026-11-28T09:00:00Z");
    static final Instant DAY2 = Instant.parse("2026-11-29T09:00:00Z");
    static final Instant DAY3 = Instant.parse("2026-11-30T09:00:00Z");

    /** Groups of paraphrases (planted near-duplicates), then prompts unlike each other. */
    static final String[][] PARAPHRASES = {
        {
            "How do I reset my password?",
            "How can I reset my password?",
            "how do i reset my password",
            "What are the steps to reset my password?"
        },
        {
            "Write a Python function that reverses a string",
            "Write a python function to reverse a string",
            "Write a Python function which reverses a given string"
        },
        {"What is the capital of France?", "What's the capital city of France?"},
        {
            "Summarize this article about climate change in three sentences",
            "Summarise this article on climate change in 3 sentences"
        },
        {"Translate 'good morning' into Spanish", "Translate good morning to Spanish"},
        {
            "Explain the difference between TCP and UDP",
            "What is the difference between TCP and UDP?",
            "Explain how TCP differs from UDP"
        }
    };

    static final String[] OTHERS = {
        "Draft a polite reminder about the unpaid invoice from October",
        "Which houseplants survive in a dark bathroom?",
        "Give me a recipe for vegan lasagna",
        "List three famous paintings by Frida Kahlo",
        "Convert 72 degrees Fahrenheit to Celsius",
        "Suggest a name for a bakery in Lisbon",
        "What causes the northern lights?",
        "Write a haiku about autumn rain",
        "How many moons does Jupiter have?",
        "Recommend a beginner workout plan for running a 5k",
        "Explain quantum entanglement to a ten year old",
        "What is a good gift for a retiring colleague?"
    };

    static EmbeddedKafka kafka;
    static Driver driver;
    static Path lake;
    static List<PromptEvent> prompts;

    @TempDir static Path tmp;

    @BeforeAll
    static void writeLakeAndGraph() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(1, "sim.dlq", "sim.reconcile");
        driver = GraphDatabase.driver(EmbeddedNeo4j.shared().boltUri().toString());
        Neo4jTestSupport.wipe(driver);
        lake = tmp.resolve("lake");
        prompts = new ArrayList<>();
        int n = 0;
        Instant[] days = {DAY1, DAY2, DAY3};
        for (int g = 0; g < PARAPHRASES.length; g++) {
            for (int i = 0; i < PARAPHRASES[g].length; i++) {
                Instant day = days[(g + i) % 3];
                prompts.add(
                        StreamingJobRun.prompt(
                                id(String.format("p-%02d", n++)),
                                day.plusSeconds(60L * n),
                                PARAPHRASES[g][i],
                                "s" + (n % 4)));
            }
        }
        for (int i = 0; i < OTHERS.length; i++) {
            prompts.add(
                    StreamingJobRun.prompt(
                            id(String.format("p-%02d", n++)),
                            days[i % 3].plusSeconds(60L * n),
                            OTHERS[i],
                            "s" + (n % 4)));
        }
        // the same text again, later: linked by its PromptText, no edges of its own
        prompts.add(
                StreamingJobRun.prompt(
                        id("p-dup"), DAY3.plusSeconds(7_000), PARAPHRASES[0][0], "s9"));
        StreamingJobRun.run(streamingConfig(), prompts);
        assertThat(Neo4jTestSupport.nodeCounts(driver))
                .containsEntry("Prompt", (long) prompts.size());
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
        kafka.close();
    }

    @BeforeEach
    void noEdges() {
        Neo4jTestSupport.query(driver, "MATCH ()-[r:SIMILAR_TO]->() DELETE r", Map.of());
    }

    @Test
    void writesExactlyTheNearestPromptsAboveTheThresholdAndARerunChangesNothing() throws Exception {
        Map<String, Float> expected = expected(DAY3, 10);
        assertThat(expected).as("planted near-duplicates above 0.85").hasSizeGreaterThan(8);
        assertThat(expected.keySet())
                .contains(id("p-00") + " -> " + id("p-01"), id("p-01") + " -> " + id("p-00"))
                .noneMatch(edge -> edge.contains(id("p-dup")));

        BoundedJobs.Outcome outcome = similarity("FULL", DAY3, 1);

        assertThat(outcome.code()).as(outcome.summary()).isEqualTo(ExitCode.SUCCESS);
        assertThat(outcome.summary())
                .contains(prompts.size() - 1 + " prompts (one per text) on 1 shards (0 on HNSW)")
                .contains(expected.size() + " SIMILAR_TO written");
        Map<String, Object[]> graph = edges();
        assertThat(graph.keySet()).isEqualTo(expected.keySet());
        graph.forEach(
                (edge, props) -> {
                    assertThat((Double) props[0])
                            .as(edge)
                            .isCloseTo(
                                    expected.get(edge), org.assertj.core.data.Offset.offset(1e-4));
                    assertThat(props[1].toString()).startsWith("2026-12-01T00:00Z");
                });

        BoundedJobs.Outcome again = similarity("FULL", DAY3, 1);

        assertThat(again.code()).isEqualTo(ExitCode.SUCCESS);
        assertThat(edges()).usingRecursiveComparison().isEqualTo(graph);
    }

    @Test
    void twoShardsAndTheHnswSearchGiveTheEdgesOfOne() throws Exception {
        similarity("FULL", DAY3, 1);
        Map<String, Object[]> one = edges();

        assertThat(similarity("FULL", DAY3, 2).summary()).contains("on 2 shards (0 on HNSW)");
        assertThat(edges()).usingRecursiveComparison().isEqualTo(one);

        assertThat(similarity("FULL", DAY3, 2, "--similarity.exact-max-vectors", "0").summary())
                .contains("on 2 shards (2 on HNSW)");
        assertThat(edges()).usingRecursiveComparison().isEqualTo(one);
    }

    @Test
    void aDayAddedIncrementallyGivesTheEdgesOfAFullRun() throws Exception {
        similarity("FULL", DAY3, 1);
        Map<String, Object[]> full = edges();
        noEdges();

        BoundedJobs.Outcome before = similarity("FULL", DAY2, 2);
        assertThat(before.code()).as(before.summary()).isEqualTo(ExitCode.SUCCESS);
        BoundedJobs.Outcome incremental = similarity("INCREMENTAL", DAY3, 2);

        assertThat(incremental.code()).as(incremental.summary()).isEqualTo(ExitCode.SUCCESS);
        Map<String, Object[]> after = edges();
        assertThat(after.keySet()).isEqualTo(full.keySet());
        after.forEach((edge, props) -> assertThat(props[0]).as(edge).isEqualTo(full.get(edge)[0]));
        // the older prompts' lists were recomputed, not all of them
        long day3 =
                prompts.stream()
                        .filter(p -> p.timestamp().isAfter(DAY3.minusSeconds(40_000)))
                        .count();
        assertThat(incremental.summary()).doesNotContain(" " + (prompts.size() - 1) + " searched");
        assertThat(day3).isPositive();
    }

    @Test
    void nothingInTheWindowExitsZeroAndSaysSo() {
        BoundedJobs.Outcome outcome = similarity("FULL", Instant.parse("2025-01-10T00:00:00Z"), 1);
        assertThat(outcome.code()).isEqualTo(ExitCode.SUCCESS);
        assertThat(outcome.summary()).startsWith("nothing to do");
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        BoundedJobs.Outcome outcome = similarity("FULL", DAY3, 1, "--similarity.threshold", "1.5");
        assertThat(outcome.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.summary()).contains("similarity.threshold");
    }

    /** Event ids are UUIDs (the schema says so): one per label. */
    static String id(String label) {
        return java.util
                .UUID
                .nameUUIDFromBytes(label.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** The edges of a plain all-pairs computation over the texts, one prompt per text. */
    static Map<String, Float> expected(Instant day, int k) throws Exception {
        Map<String, PromptEvent> byText = new LinkedHashMap<>();
        for (PromptEvent p : prompts) {
            byText.merge(
                    dev.memorygraph.operators.text.TextNormalizer.normalize(p.prompt().text()),
                    p,
                    (a, b) -> a.timestamp().isAfter(b.timestamp()) ? b : a);
        }
        List<PromptEvent> reps = new ArrayList<>(byText.values());
        Map<String, float[]> vectors = new HashMap<>();
        try (LocalEmbedder embedder = (LocalEmbedder) LocalEmbedder.factory().create()) {
            for (PromptEvent p : reps) {
                vectors.put(p.eventId(), PromptVector.unit(embedder.embedNow(p.prompt().text())));
            }
        }
        Map<String, Float> out = new TreeMap<>();
        for (PromptEvent a : reps) {
            List<Object[]> near = new ArrayList<>();
            for (PromptEvent b : reps) {
                if (a != b) {
                    double dot = 0;
                    float[] x = vectors.get(a.eventId());
                    float[] y = vectors.get(b.eventId());
                    for (int i = 0; i < x.length; i++) {
                        dot += x[i] * y[i];
                    }
                    if (dot > 0.85) {
                        near.add(new Object[] {b.eventId(), (float) dot});
                    }
                }
            }
            near.sort(
                    Comparator.comparing((Object[] o) -> -(Float) o[1])
                            .thenComparing(o -> (String) o[0]));
            near.stream().limit(k).forEach(o -> out.put(a.eventId() + " -> " + o[0], (Float) o[1]));
        }
        return out;
    }

    static Map<String, Object[]> edges() {
        Map<String, Object[]> out = new TreeMap<>();
        for (Record r :
                Neo4jTestSupport.query(
                        driver,
                        "MATCH (a:Prompt)-[r:SIMILAR_TO]->(b:Prompt) RETURN a.id AS a, b.id AS b,"
                                + " r.score AS score, r.computedAt AS at",
                        Map.of())) {
            out.put(
                    r.get("a").asString() + " -> " + r.get("b").asString(),
                    new Object[] {r.get("score").asDouble(), r.get("at").toString()});
        }
        return out;
    }

    static BoundedJobs.Outcome similarity(
            String mode, Instant day, int parallelism, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--execution.runtime-mode",
                                "BATCH",
                                "--parallelism.default",
                                Integer.toString(parallelism),
                                "--similarity.mode",
                                mode,
                                "--date",
                                day.toString().substring(0, 10)));
        streamingConfig().toMap().forEach((key, value) -> args.addAll(List.of("--" + key, value)));
        args.addAll(List.of(extra));
        // the test cluster's environment keeps its own parallelism; the shards follow the job's
        StreamExecutionEnvironment cluster = StreamExecutionEnvironment.getExecutionEnvironment();
        cluster.setParallelism(parallelism);
        return BoundedJobs.run(
                SimilarityJob.NAME,
                args.toArray(String[]::new),
                cluster,
                (config, env) -> SimilarityJob.run(config, env).outcome());
    }

    static Configuration streamingConfig() {
        Configuration config = new Configuration();
        config.setString("lake.path", lake.toUri().toString());
        config.setString("neo4j.uri", EmbeddedNeo4j.shared().boltUri().toString());
        config.setString("kafka.bootstrap-servers", kafka.bootstrapServers());
        config.setString("kafka.topic.dlq", "sim.dlq");
        config.setString("kafka.topic.reconciliation", "sim.reconcile");
        config.setString("pipeline.generic-types", "false");
        return config;
    }
}
