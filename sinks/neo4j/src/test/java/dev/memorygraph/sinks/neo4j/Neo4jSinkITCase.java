package dev.memorygraph.sinks.neo4j;

import static dev.memorygraph.sinks.testing.Neo4jTestSupport.nodeCounts;
import static dev.memorygraph.sinks.testing.Neo4jTestSupport.query;
import static dev.memorygraph.sinks.testing.Neo4jTestSupport.relationshipCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.GraphMutationTypeInfoFactory.GraphMutationTypeInfo;
import dev.memorygraph.model.graph.NodeLabel;
import dev.memorygraph.model.graph.RelationshipType;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.sinks.testing.Neo4jTestSupport;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/** {@link Neo4jSink} on a MiniCluster against a real Neo4j 5.26 server. */
class Neo4jSinkITCase {

    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static EmbeddedNeo4j neo4j;
    static Driver driver;

    @BeforeAll
    static void connect() {
        neo4j = EmbeddedNeo4j.shared();
        driver = GraphDatabase.driver(neo4j.boltUri().toString());
    }

    @AfterAll
    static void disconnect() {
        driver.close();
    }

    @BeforeEach
    void wipe() {
        Neo4jTestSupport.wipe(driver);
    }

    @Test
    void writesBatchesAndCreatesTheSchema() throws Exception {
        List<GraphMutation> mutations = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            String prompt = "p" + i;
            String user = "u" + (i % 10);
            mutations.add(
                    GraphMutation.node(
                            NodeLabel.PROMPT,
                            prompt,
                            Map.of("userId", user, "createdAt", Instant.ofEpochSecond(i)),
                            "e" + i));
            mutations.add(GraphMutation.node(NodeLabel.USER, user, Map.of(), "e" + i));
        }
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("batches");

        JobExecutionResult result = run(mutations, sink(dlq).setMaxBatchSize(1000).build(), 1);

        assertThat(nodeCounts(driver))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Prompt", 2_500L, "User", 10L));
        assertThat(dlq.durable()).isEmpty();
        assertThat(counter(result, "storage_writes_total")).isEqualTo(5_000);
        // 5,000 mutations in batches of at most 1,000: at least five transactions.
        assertThat(histogram(result, "write_latency_seconds").getCount()).isGreaterThanOrEqualTo(5);
        assertThat(
                        query(driver, "SHOW CONSTRAINTS YIELD name RETURN name", Map.of()).stream()
                                .map(r -> r.get("name").asString()))
                .contains("prompt_id", "user_id", "prompttext_id", "tool_id");
        assertThat(
                        query(driver, "SHOW INDEXES YIELD name, state RETURN name, state", Map.of())
                                .stream()
                                .filter(r -> r.get("name").asString().startsWith("prompt_"))
                                .map(
                                        r ->
                                                r.get("name").asString()
                                                        + ":"
                                                        + r.get("state").asString()))
                .contains(
                        "prompt_textHash:ONLINE",
                        "prompt_createdAt:ONLINE",
                        "prompt_userId:ONLINE",
                        "prompt_sessionId:ONLINE");
        assertThat(
                        query(
                                        driver,
                                        "MATCH (p:Prompt {id: 'p7'}) RETURN p.createdAt AS t",
                                        Map.of())
                                .get(0)
                                .get("t")
                                .asZonedDateTime()
                                .toInstant())
                .isEqualTo(Instant.ofEpochSecond(7));
    }

    @Test
    void writingTheSameMutationsTwiceChangesNothing() throws Exception {
        List<GraphMutation> mutations = sessionGraph();
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("twice");

        run(mutations, sink(dlq).build(), 2);
        Map<String, Long> nodes = nodeCounts(driver);
        Map<String, Long> relationships = relationshipCounts(driver);
        run(mutations, sink(dlq).build(), 2);

        assertThat(nodeCounts(driver)).isEqualTo(nodes);
        assertThat(relationshipCounts(driver)).isEqualTo(relationships);
        assertThat(nodes)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Prompt", 3L, "Session", 1L, "User", 1L, "Model", 1L));
        assertThat(relationships)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "User-HAS_SESSION->Session", 1L,
                                "Session-CONTAINS->Prompt", 3L,
                                "Prompt-USES_MODEL->Model", 3L,
                                "Prompt-FOLLOWS->Prompt", 2L));
    }

    @Test
    void sequenceLinksConvergeToTheLastOrderWhateverWasWrittenBefore() throws Exception {
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("sequence");
        // A replay after a failure: a stale A->C from an earlier attempt, then the final chain.
        List<GraphMutation> links =
                List.of(
                        follows("A", "C"),
                        follows("A", "B"),
                        follows("B", "C"),
                        follows("C", "D"),
                        follows("A", "B"));

        run(links, sink(dlq).build(), 1);

        assertThat(
                        query(
                                        driver,
                                        "MATCH (a:Prompt)-[:FOLLOWS]->(b:Prompt)"
                                                + " RETURN a.id + '>' + b.id AS link ORDER BY link",
                                        Map.of())
                                .stream()
                                .map(r -> r.get("link").asString()))
                .containsExactly("A>B", "B>C", "C>D");
    }

    @Test
    void isolatesAPoisonMutationAndWritesTheRestOfItsBatch() throws Exception {
        List<GraphMutation> mutations = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            mutations.add(
                    GraphMutation.node(NodeLabel.PROMPT, "p" + i, Map.of("userId", "u"), "e" + i));
        }
        // Larger than a range index key may be: Neo4j rejects it for good.
        String hugeUserId = "u".repeat(40_000);
        mutations.add(
                150,
                GraphMutation.node(
                        NodeLabel.PROMPT, "poison", Map.of("userId", hugeUserId), "e-poison"));
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("poison");

        JobExecutionResult result = run(mutations, sink(dlq).setMaxBatchSize(1000).build(), 1);

        assertThat(nodeCounts(driver)).containsExactlyEntriesOf(Map.of("Prompt", 300L));
        assertThat(dlq.durable()).hasSize(1);
        DeadLetter letter = dlq.durable().get(0);
        assertThat(letter.reason()).isEqualTo(ReasonCode.STORE_REJECTED);
        assertThat(letter.stage()).isEqualTo("neo4j-sink");
        assertThat(letter.message()).startsWith("neo4j rejected the write: Neo.");
        assertThat(letter.message()).doesNotContain("uuuu");
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("e-poison");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8))
                .contains("\"label\":\"Prompt\"", "\"id\":\"poison\"", hugeUserId);
        assertThat(counter(result, "storage_writes_total")).isEqualTo(300);
        assertThat(counter(result, "storage_write_failures_total")).isEqualTo(1);
    }

    @Test
    void retriesTransientErrorsUntilTheyClear() throws Exception {
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("transient");
        try (Session session = driver.session()) {
            session.run("CREATE (:Prompt {id: 'locked'})").consume();
        }
        List<GraphMutation> mutations =
                List.of(GraphMutation.node(NodeLabel.PROMPT, "locked", Map.of("x", 1L), "e1"));
        CompletableFuture<JobExecutionResult> job;
        long retriesBefore = findCounter("storage_write_retries_total");
        try (Session session = driver.session();
                Transaction blocker = session.beginTransaction()) {
            // Hold the node's write lock: the sink's transaction times out waiting for it
            // (a transient error) until the blocker rolls back.
            blocker.run("MATCH (p:Prompt {id: 'locked'}) SET p.x = 0").consume();
            job =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return run(
                                            mutations,
                                            sink(dlq)
                                                    .setRetryPolicy(
                                                            retries(Duration.ofMillis(500), 5))
                                                    .build(),
                                            1);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> findCounter("storage_write_retries_total") > retriesBefore);
            blocker.rollback();
        }
        JobExecutionResult result = job.get();

        assertThat(
                        query(driver, "MATCH (p:Prompt {id: 'locked'}) RETURN p.x AS x", Map.of())
                                .get(0)
                                .get("x")
                                .asLong())
                .isEqualTo(1L);
        assertThat(counter(result, "storage_write_retries_total")).isGreaterThanOrEqualTo(1);
        assertThat(counter(result, "storage_write_failures_total")).isZero();
        assertThat(dlq.durable()).isEmpty();
    }

    static List<GraphMutation> sessionGraph() {
        List<GraphMutation> mutations = new ArrayList<>();
        mutations.add(GraphMutation.node(NodeLabel.USER, "u1", Map.of(), "e"));
        mutations.add(GraphMutation.node(NodeLabel.SESSION, "s1", Map.of("userId", "u1"), "e"));
        mutations.add(
                GraphMutation.relationship(
                        RelationshipType.HAS_SESSION, "u1", "s1", Map.of(), "e"));
        for (int i = 1; i <= 3; i++) {
            mutations.add(
                    GraphMutation.node(
                            NodeLabel.PROMPT, "p" + i, Map.of("text", "hello " + i), "e" + i));
            mutations.add(
                    GraphMutation.relationship(
                            RelationshipType.CONTAINS, "s1", "p" + i, Map.of(), "e" + i));
            mutations.add(
                    GraphMutation.relationship(
                            RelationshipType.USES_MODEL,
                            "p" + i,
                            "gpt-4o",
                            Map.of("temperature", 0.2),
                            "e" + i));
        }
        mutations.add(follows("p1", "p2"));
        mutations.add(follows("p2", "p3"));
        return mutations;
    }

    static RetryPolicy retries(Duration initial, int maxRetries) {
        return RetryPolicy.of(
                "test", initial, 2.0, initial.multipliedBy(1L << maxRetries), maxRetries, 0.0);
    }

    static GraphMutation follows(String from, String to) {
        return GraphMutation.sequenceLink(RelationshipType.FOLLOWS, from, to, Map.of(), "e");
    }

    static Neo4jSink.Builder sink(TestingDeadLetterQueue dlq) {
        return Neo4jSink.builder()
                .setConnection(Neo4jConnection.unauthenticated(neo4j.boltUri().toString()))
                .setDeadLetterQueue(dlq)
                .setRetryPolicy(retries(Duration.ofMillis(100), 3));
    }

    static JobExecutionResult run(List<GraphMutation> mutations, Neo4jSink sink, int parallelism)
            throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.fromData(mutations, GraphMutationTypeInfo.INSTANCE)
                .setParallelism(1)
                .rebalance()
                .sinkTo(sink)
                .setParallelism(parallelism)
                .name("Neo4j");
        return env.execute("neo4j-sink-test");
    }

    static long counter(JobExecutionResult result, String name) {
        return METRICS.findMetrics(result.getJobID(), name).values().stream()
                .mapToLong(m -> ((Counter) m).getCount())
                .sum();
    }

    static Histogram histogram(JobExecutionResult result, String name) {
        Map<String, Metric> found = METRICS.findMetrics(result.getJobID(), name);
        assertThat(found).hasSize(1);
        return (Histogram) found.values().iterator().next();
    }

    /** A counter summed over every job run so far in this class. */
    static long findCounter(String name) {
        return METRICS.findGroups("").stream()
                .flatMap(g -> METRICS.getMetricsByGroup(g).entrySet().stream())
                .filter(e -> e.getKey().equals(name))
                .mapToLong(e -> ((Counter) e.getValue()).getCount())
                .sum();
    }
}
