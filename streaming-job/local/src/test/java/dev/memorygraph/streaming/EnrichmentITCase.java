package dev.memorygraph.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memorygraph.local.LocalJobConfig;
import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.operators.lake.LakeTestSupport;
import dev.memorygraph.operators.metadata.MetadataOptions;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.LocalModelRegistry;
import dev.memorygraph.testing.LocalUserDirectory;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage 6 in the whole job: Kafka → the streaming job with a real gRPC model registry → the lake
 * and Neo4j. Every response is joined to its prompt and costed at its model's registry price, the
 * model the registry does not know is unpriced (never 0), and with the registry down events are not
 * held back: they go on with fallback prices and say what is missing. Counts are exact.
 */
class EnrichmentITCase extends KafkaNeo4jTestBase {

    static final String UNKNOWN_MODEL = "llama-3.1-70b-instruct";

    @TempDir Path tmp;

    LocalModelRegistry registry;
    LocalUserDirectory users;

    @BeforeEach
    void startServices() throws Exception {
        registry = LocalModelRegistry.start().withGeneratorModels();
        users = LocalUserDirectory.start(null).withGeneratorUsers();
    }

    @AfterEach
    void stopServices() throws Exception {
        registry.close();
        users.close();
    }

    @Test
    void everyResponseIsJoinedAndCostedAndTheUnknownModelIsUnpriced() throws Exception {
        Traffic traffic = traffic("enrich", 600);
        List<EnrichedEvent> lake = run(traffic, "enrich");

        Map<String, EnrichedEvent> responses = responses(lake);
        assertThat(responses.keySet()).isEqualTo(traffic.responseModels.keySet());
        responses.forEach(
                (id, r) -> {
                    Metadata m = r.metadata();
                    assertThat(m.join()).isEqualTo(Metadata.JOINED);
                    assertThat(m.missing()).isEmpty();
                    assertThat(r.modelId()).isEqualTo(traffic.responseModels.get(id));
                    assertThat(r.tenantId()).isNotNull();
                    Cost cost = m.cost();
                    assertThat(cost.tokenSource()).isEqualTo(Cost.TOKENS_PROVIDER);
                    if (UNKNOWN_MODEL.equals(r.modelId())) {
                        assertThat(cost.status()).isEqualTo(Cost.UNPRICED);
                        assertThat(cost.usd()).isNull();
                        assertThat(m.model()).isNull();
                    } else {
                        assertThat(cost.status()).isEqualTo(Cost.PRICED);
                        assertThat(cost.priceSource()).isEqualTo(Cost.PRICES_REGISTRY);
                        assertThat(cost.usd()).isPositive();
                        assertThat(m.model().source()).isEqualTo("registry");
                    }
                });
        long unknown =
                traffic.responseModels.values().stream().filter(UNKNOWN_MODEL::equals).count();
        assertThat(unknown).isPositive();
        // few calls: the misses of the first events share batches, then the cache answers
        assertThat(registry.batchCalls()).isLessThan(20);

        var graph =
                driver.session()
                        .run(
                                "MATCH (r:Response) RETURN count(r) AS all,"
                                        + " count(r.cost) AS priced,"
                                        + " count(CASE WHEN r.costStatus = 'unpriced' THEN 1 END)"
                                        + " AS unpriced, count(r.tenant) AS withTenant")
                        .single();
        assertThat(graph.get("all").asLong()).isEqualTo(responses.size());
        assertThat(graph.get("unpriced").asLong()).isEqualTo(unknown);
        assertThat(graph.get("priced").asLong()).isEqualTo(responses.size() - unknown);
        assertThat(graph.get("withTenant").asLong()).isEqualTo(responses.size());
        var model =
                driver.session()
                        .run(
                                "MATCH (m:Model {id: 'gpt-4o'}) RETURN m.family AS f, m.contextWindow AS c")
                        .single();
        assertThat(model.get("f").asString()).isEqualTo("gpt-4o");
        assertThat(model.get("c").asLong()).isEqualTo(128_000);
        // the directory's team and org are on every user; its names and e-mails are not
        var user =
                driver.session()
                        .run(
                                "MATCH (u:User) RETURN count(u) AS all, count(u.team) AS team,"
                                        + " count(u.orgId) AS org, count(u.email) AS email,"
                                        + " count(u.displayName) AS name")
                        .single();
        assertThat(user.get("team").asLong()).isEqualTo(user.get("all").asLong()).isPositive();
        assertThat(user.get("org").asLong()).isEqualTo(user.get("all").asLong());
        assertThat(user.get("email").asLong() + user.get("name").asLong()).isZero();
        assertThat(users.requests()).isLessThan(200);
    }

    @Test
    void withTheRegistryDownEventsGoOnWithFallbackPricesAndSayWhatIsMissing() throws Exception {
        registry.stop();
        users.setDown(true);
        Traffic traffic = traffic("degraded", 300);
        List<EnrichedEvent> lake = run(traffic, "degraded");

        Map<String, EnrichedEvent> responses = responses(lake);
        assertThat(responses.keySet()).isEqualTo(traffic.responseModels.keySet());
        responses.forEach(
                (id, r) -> {
                    Metadata m = r.metadata();
                    // a response has no user of its own: only the registry is missing
                    assertThat(m.missing()).containsExactly(Metadata.MISSING_REGISTRY);
                    assertThat(m.model()).isNull();
                    Cost cost = m.cost();
                    if (UNKNOWN_MODEL.equals(r.modelId())) {
                        assertThat(cost.status()).isEqualTo(Cost.UNPRICED);
                    } else {
                        assertThat(cost.priceSource()).isEqualTo(Cost.PRICES_FALLBACK);
                        assertThat(cost.usd()).isPositive();
                    }
                });
        assertThat(
                        lake.stream()
                                .filter(e -> e.event().type() == EventType.PROMPT)
                                .allMatch(
                                        e ->
                                                e.metadata()
                                                        .missing()
                                                        .containsAll(
                                                                List.of(
                                                                        Metadata.MISSING_USER,
                                                                        Metadata
                                                                                .MISSING_REGISTRY))))
                .isTrue();
    }

    // --- helpers

    /** Valid unique records, and each valid response's model (its prompt's). */
    record Traffic(List<TestRecord> records, long valid, Map<String, String> responseModels) {}

    private static Traffic traffic(String prefix, int count) throws Exception {
        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults(
                                prefix + ".prompts", prefix + ".responses", prefix + ".sessions"),
                        Clock.systemUTC());
        List<TestRecord> records = generator.take(count);
        Map<String, String> promptModels = new HashMap<>();
        Map<String, String> responsePrompts = new HashMap<>();
        for (TestRecord r : records) {
            if (r.kind() != TestRecord.Kind.VALID) {
                continue;
            }
            JsonNode json = EventJson.mapper().readTree(r.value());
            if (r.topic().endsWith(".prompts")) {
                promptModels.put(r.eventId(), json.path("model").path("id").asText());
            } else if (r.topic().endsWith(".responses")) {
                responsePrompts.put(r.eventId(), json.path("promptEventId").asText());
            }
        }
        Map<String, String> responseModels = new HashMap<>();
        responsePrompts.forEach((id, prompt) -> responseModels.put(id, promptModels.get(prompt)));
        Set<String> valid =
                records.stream()
                        .filter(r -> r.kind() == TestRecord.Kind.VALID)
                        .map(TestRecord::eventId)
                        .collect(Collectors.toSet());
        return new Traffic(records, valid.size(), responseModels);
    }

    private List<EnrichedEvent> run(Traffic traffic, String prefix) throws Exception {
        Configuration config =
                LocalJobConfig.forTopics(kafka, prefix, tmp, EmbeddedNeo4j.shared().boltUri());
        config.set(MetadataOptions.ADDRESS, registry.address());
        config.set(MetadataOptions.USER_URL, users.uri().toString());
        Path lake = tmp.resolve("lake");
        try (KafkaTrafficProducer producer = new KafkaTrafficProducer(kafka.bootstrapServers())) {
            producer.sendAll(traffic.records());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        StreamingJob.fromConfig(config).build(env);
        JobClient job = env.executeAsync("enrichment-it");
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> LakeFiles.committedRows(lake) >= traffic.valid());
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> LakeFiles.committedRows(lake) == traffic.valid());
            await().atMost(Duration.ofMinutes(1))
                    .until(
                            () ->
                                    driver.session()
                                                    .run(
                                                            "MATCH (r:Response) WHERE r.join IS NOT"
                                                                    + " NULL RETURN count(r) AS c")
                                                    .single()
                                                    .get("c")
                                                    .asLong()
                                            == traffic.responseModels().size());
        } finally {
            job.cancel().get();
        }
        return LakeTestSupport.readLake(lake);
    }

    private static Map<String, EnrichedEvent> responses(List<EnrichedEvent> lake) {
        return lake.stream()
                .filter(e -> e.event().type() == EventType.RESPONSE)
                .collect(Collectors.toMap(EnrichedEvent::eventId, e -> e));
    }
}
