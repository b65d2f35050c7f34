package dev.memorygraph.streaming;

import static dev.memorygraph.sinks.testing.Neo4jTestSupport.nodeCounts;
import static dev.memorygraph.sinks.testing.Neo4jTestSupport.query;
import static dev.memorygraph.sinks.testing.Neo4jTestSupport.relationshipCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.memorygraph.local.LocalJobConfig;
import dev.memorygraph.model.ContextDocument;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.FunctionCall;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptContext;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.ResponseBody;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.ResponseMetrics;
import dev.memorygraph.model.SessionEvent;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.model.ToolCall;
import dev.memorygraph.model.Usage;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.sinks.neo4j.GraphQueries;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.TestRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka to Neo4j through the whole streaming job, on a real KRaft broker, a MiniCluster and a real
 * Neo4j 5.26: exact node and relationship counts, specific paths, and the same graph after a
 * failure and restore from a checkpoint.
 */
class GraphITCase extends KafkaNeo4jTestBase {

    static final String DLQ = "llm.dlq.v1";
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
    static final String REUSED_TEXT = "What is the capital of France?";
    static final String POISON_MODEL = "m".repeat(40_000);

    @TempDir Path tmp;

    @Test
    void eventsBecomeTheExpectedGraph() throws Exception {
        Dataset data = new Dataset("a");
        Configuration config = config(data);

        run(config, data, null);

        assertGraph(data);
        // The 40 KB model id: its Model node and its USES_MODEL link, nothing else.
        assertThat(deadLetterReasons(data.dlq))
                .containsExactly("STORE_REJECTED:Model", "STORE_REJECTED:USES_MODEL");
    }

    @Test
    void aFailureAndRestoreFromCheckpointEndsWithExactlyTheSameGraph() throws Exception {
        Dataset data = new Dataset("b");
        Configuration config = config(data);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        FailOnce.armed.set(true);
        FailOnce.failed.set(false);

        run(config, data, new FailOnce());

        assertThat(FailOnce.failed).isTrue();
        assertGraph(data);
    }

    void assertGraph(Dataset data) {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertCounts());
        // FOLLOWS is the event-time order of each session, although the records were shuffled.
        for (Map.Entry<String, List<String>> session : data.promptsBySession.entrySet()) {
            List<String> chain =
                    query(
                                    driver,
                                    "MATCH (s:Session {id: $s})-[:CONTAINS]->(first:Prompt)"
                                            + " WHERE NOT ()-[:FOLLOWS]->(first)"
                                            + " MATCH path = (first)-[:FOLLOWS*0..]->(last)"
                                            + " WHERE NOT (last)-[:FOLLOWS]->()"
                                            + " RETURN [p IN nodes(path) | p.id] AS ids",
                                    Map.of("s", session.getKey()))
                            .stream()
                            .map(r -> r.get("ids").asList(v -> v.asString()))
                            .findFirst()
                            .orElseThrow();
            assertThat(chain)
                    .as("FOLLOWS chain of %s", session.getKey())
                    .isEqualTo(session.getValue());
        }
        // Exact reuse: the same text from two users meets at one PromptText node.
        assertThat(
                        query(driver, GraphQueries.REUSED_ACROSS_USERS, Map.of()).stream()
                                .map(r -> r.get("users").asList(v -> v.asString()))
                                .toList())
                .containsExactly(List.of(data.user1, data.user2));
        // A user's sessions, prompts in order, and their responses.
        assertThat(
                        query(driver, GraphQueries.USER_SESSIONS, Map.of("userId", data.user2))
                                .stream()
                                .map(
                                        r ->
                                                r.get("prompt").asString()
                                                        + ">"
                                                        + r.get("response").asString())
                                .toList())
                .containsExactlyElementsOf(data.promptResponsePairs(data.session3));
        // Tokens and cost by model.
        assertThat(
                        query(driver, GraphQueries.TOKENS_AND_COST_BY_MODEL, Map.of()).stream()
                                .map(
                                        r ->
                                                r.get("model").asString()
                                                        + ":"
                                                        + r.get("prompts").asLong())
                                .toList())
                .containsExactlyInAnyOrder("gpt-4o:7", "claude-3-5-sonnet:4");
        assertThat(
                        query(
                                        driver,
                                        "MATCH (r:Response)-[c:CALLED]->(t:Tool {id: 'search'})"
                                                + " RETURN r.id AS r, c.calls AS calls",
                                        Map.of())
                                .stream()
                                .map(r -> r.get("calls").asLong())
                                .toList())
                .containsExactly(2L);
    }

    void assertCounts() {
        assertThat(nodeCounts(driver))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.ofEntries(
                                Map.entry("Prompt", 12L),
                                Map.entry("Response", 12L),
                                Map.entry("Session", 3L),
                                Map.entry("User", 2L),
                                Map.entry("Model", 2L),
                                Map.entry("Tenant", 1L),
                                Map.entry("Application", 1L),
                                Map.entry("PromptText", 11L),
                                Map.entry("Template", 1L),
                                Map.entry("Document", 2L),
                                Map.entry("Tool", 2L)));
        assertThat(relationshipCounts(driver))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.ofEntries(
                                Map.entry("User-HAS_SESSION->Session", 3L),
                                Map.entry("Session-CONTAINS->Prompt", 12L),
                                Map.entry("Prompt-FOLLOWS->Prompt", 9L),
                                Map.entry("Prompt-GENERATED->Response", 12L),
                                Map.entry("Prompt-USES_MODEL->Model", 11L),
                                Map.entry("Prompt-HAS_TEXT->PromptText", 12L),
                                Map.entry("Prompt-INSTANCE_OF->Template", 1L),
                                Map.entry("Prompt-REFERENCES->Document", 2L),
                                Map.entry("Response-CALLED->Tool", 2L),
                                Map.entry("Session-IN_APPLICATION->Application", 3L),
                                Map.entry("User-BELONGS_TO->Tenant", 2L),
                                Map.entry("Application-BELONGS_TO->Tenant", 1L)));
    }

    Configuration config(Dataset data) throws Exception {
        return LocalJobConfig.forTopics(kafka, data.prefix, tmp, EmbeddedNeo4j.shared().boltUri());
    }

    void run(Configuration config, Dataset data, MapFunction<EnrichedEvent, EnrichedEvent> tap)
            throws Exception {
        Path lake = tmp.resolve("lake");
        int half = data.records.size() / 2;
        KafkaTrafficProducer producer = new KafkaTrafficProducer(kafka.bootstrapServers());
        producer.sendAll(data.records.subList(0, half));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        StreamingJob job = StreamingJob.fromConfig(config);
        DataStream<EnrichedEvent> enriched = job.enrich(env);
        if (tap != null) {
            enriched = enriched.map(tap).name("Fail once").uid("fail-once");
        }
        job.writeStores(enriched);
        JobClient client = env.executeAsync("graph-it");
        try (producer) {
            // The second half arrives once the first is in the lake, so after a checkpoint.
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> LakeFiles.committedRows(lake) > 0);
            producer.sendAll(data.records.subList(half, data.records.size()));
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(this::assertCounts);
            // Nothing else arrives over a few more checkpoints.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(this::assertCounts);
        } finally {
            client.cancel().get();
        }
    }

    /** {@code reason:label-or-type} of every record on the dead-letter topic, sorted. */
    static List<String> deadLetterReasons(String topic) throws Exception {
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(topic)) {
            var json = EventJson.mapper().readTree(r.value());
            String what =
                    json.has("label")
                            ? json.path("label").asText()
                            : json.has("type") ? json.path("type").asText() : "event";
            reasons.add(
                    new String(
                                    r.headers().lastHeader("dlq.reason").value(),
                                    java.nio.charset.StandardCharsets.UTF_8)
                            + ":"
                            + what);
        }
        Collections.sort(reasons);
        return reasons;
    }

    /** Fails the job once: on the first event after a checkpoint completed. */
    static final class FailOnce
            implements MapFunction<EnrichedEvent, EnrichedEvent>, CheckpointListener {
        static final AtomicBoolean armed = new AtomicBoolean();
        static final AtomicBoolean failed = new AtomicBoolean();

        private boolean checkpointed;

        @Override
        public EnrichedEvent map(EnrichedEvent event) {
            if (checkpointed && armed.compareAndSet(true, false)) {
                failed.set(true);
                throw new IllegalStateException("injected failure");
            }
            return event;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }

    /**
     * Two users and three sessions of one tenant; twelve prompts (one text used by both users, one
     * template, one prompt with two RAG documents, one with a 40 KB model id Neo4j cannot index), a
     * response per prompt (two calling tools), session events, and three duplicates; all in
     * shuffled order.
     */
    static final class Dataset {
        final String prefix;
        final String prompts;
        final String responses;
        final String sessions;
        final String dlq;
        final String user1 = "user-1";
        final String user2 = "user-2";
        final String session1 = UUID.randomUUID().toString();
        final String session2 = UUID.randomUUID().toString();
        final String session3 = UUID.randomUUID().toString();
        final Map<String, List<String>> promptsBySession = new java.util.LinkedHashMap<>();
        final Map<String, String> responseByPrompt = new java.util.HashMap<>();
        final List<TestRecord> records = new ArrayList<>();

        Dataset(String name) throws Exception {
            prefix = "graph-" + name;
            prompts = prefix + ".prompts";
            responses = prefix + ".responses";
            sessions = prefix + ".sessions";
            dlq = prefix + ".dlq";
            session(session1, user1, 5, 0);
            session(session2, user1, 3, 100);
            session(session3, user2, 4, 200);
            Random random = new Random(7);
            for (int i = 0; i < 3; i++) {
                records.add(records.get(random.nextInt(records.size())).asDuplicate());
            }
            Collections.shuffle(records, random);
        }

        private void session(String sessionId, String user, int count, int offsetSeconds)
                throws Exception {
            add(
                    sessions,
                    sessionId,
                    new SessionEvent(
                            UUID.randomUUID().toString(),
                            T0.plusSeconds(offsetSeconds),
                            sessionId,
                            user,
                            "acme",
                            "support-bot",
                            "chat",
                            "started",
                            T0.plusSeconds(offsetSeconds),
                            null,
                            null));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                Instant time = T0.plusSeconds(offsetSeconds + 10L * i + 1);
                boolean first = i == 0;
                String text =
                        first && sessionId.equals(session1) || first && sessionId.equals(session3)
                                ? REUSED_TEXT
                                : "Prompt " + i + " of session " + sessionId;
                String template =
                        sessionId.equals(session2) && i == 1
                                ? "Translate {{text}} into German"
                                : null;
                if (template != null) {
                    text = "Translate hello into German";
                }
                String model =
                        sessionId.equals(session2) && i == 2
                                ? POISON_MODEL
                                : user.equals(user1) ? "gpt-4o" : "claude-3-5-sonnet";
                PromptContext context =
                        sessionId.equals(session1) && i == 2
                                ? new PromptContext(
                                        null,
                                        List.of(
                                                new ContextDocument("kb-1", "Paris is ...", 0.92),
                                                new ContextDocument("kb-2", "France ...", 0.41)),
                                        "embedding")
                                : null;
                add(
                        prompts,
                        sessionId,
                        new PromptEvent(
                                id,
                                time,
                                new Prompt(
                                        text,
                                        template,
                                        template == null ? null : "{\"text\":\"hello\"}",
                                        null,
                                        "{\"tenantId\":\"acme\"}"),
                                new SessionRef(sessionId, user, "support-bot", "chat"),
                                new ModelRef(model, "test", null, null),
                                context,
                                List.of("it"),
                                null));
                String responseId = UUID.randomUUID().toString();
                responseByPrompt.put(id, responseId);
                List<ToolCall> tools =
                        sessionId.equals(session1) && i == 3
                                ? List.of(
                                        new ToolCall(
                                                "c1", "function", new FunctionCall("search", "{}")),
                                        new ToolCall(
                                                "c2", "function", new FunctionCall("search", "{}")))
                                : sessionId.equals(session3) && i == 1
                                        ? List.of(
                                                new ToolCall(
                                                        "c3",
                                                        "function",
                                                        new FunctionCall("calculator", "{}")))
                                        : null;
                add(
                        responses,
                        id,
                        new ResponseEvent(
                                responseId,
                                time.plusSeconds(2),
                                id,
                                new ResponseBody("Answer " + i, "stop", null, tools),
                                new Usage(10L, 20L, 30L),
                                new ResponseMetrics(900L, 120L, 33.0, 0.002),
                                null,
                                null,
                                null));
            }
            promptsBySession.put(sessionId, ids);
        }

        List<String> promptResponsePairs(String sessionId) {
            return promptsBySession.get(sessionId).stream()
                    .map(p -> p + ">" + responseByPrompt.get(p))
                    .toList();
        }

        private void add(String topic, String key, Object event) throws Exception {
            String json = EventJson.mapper().writeValueAsString(event);
            String eventId = EventJson.mapper().readTree(json).get("eventId").asText();
            records.add(TestRecord.valid(topic, key, json, eventId));
        }
    }
}
