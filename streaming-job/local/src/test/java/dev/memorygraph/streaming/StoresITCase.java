package dev.memorygraph.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.local.LocalJobConfig;
import dev.memorygraph.operators.embed.EmbeddingOptions;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import dev.memorygraph.sinks.influxdb.InfluxDbOptions;
import dev.memorygraph.sinks.pinecone.PineconeOptions;
import dev.memorygraph.sinks.pinecone.fake.PineconeFake;
import dev.memorygraph.testing.EmbeddedKafka;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka → the streaming job → Elasticsearch, InfluxDB and Pinecone, on the MiniCluster with a real
 * Kafka broker, a real Elasticsearch node, a real server of the InfluxDB v2 write API (QuestDB)
 * and, for Pinecone, which has no local server, the in-process fake driven by the real client:
 * every unique valid prompt and response is in the index exactly once (by id; sessions have no
 * document) and is exactly one time-series point, every unique valid prompt is one 384-dimension
 * vector embedded by the local model, duplicates are not, and under {@code redact} no planted card
 * number or e-mail address of the generator reaches a document.
 */
class StoresITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static EmbeddedKafka kafka;
    static RestClient rest;
    static PineconeFake pinecone;

    @TempDir Path tmp;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        pinecone = PineconeFake.start("stores-key", "llm-prompts", 384);
        rest =
                RestClient.builder(HttpHost.create(EmbeddedElasticsearch.shared().uri().toString()))
                        .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        rest.close();
        pinecone.close();
    }

    /** Every namespace the fake holds vectors in (tenants, and the default one). */
    private static Set<String> pineconeNamespaces() {
        Set<String> namespaces = new HashSet<>();
        for (PineconeFake.Upsert upsert : pinecone.upserts()) {
            namespaces.add(upsert.namespace());
        }
        return namespaces;
    }

    @Test
    void everyUniquePromptAndResponseIsSearchableOnceAndRedacted() throws Exception {
        Configuration config = LocalJobConfig.forTopics(kafka, "search", tmp, null);
        config.set(ElasticsearchOptions.ENABLED, true);
        config.set(
                ElasticsearchOptions.HOSTS,
                List.of(EmbeddedElasticsearch.shared().uri().toString()));
        config.set(ElasticsearchOptions.INDEX, "search-it");
        config.set(ElasticsearchOptions.TEXT_ANALYZER, "standard"); // no analysis-common here
        config.set(InfluxDbOptions.ENABLED, true);
        config.set(InfluxDbOptions.URL, EmbeddedQuestDb.shared().uri().toString());
        config.set(PiiOptions.ENABLED, true);
        config.set(PiiOptions.DEFAULT_POLICY, "redact");
        config.set(EmbeddingOptions.ENABLED, true); // the local model
        config.set(PineconeOptions.ENABLED, true);
        config.set(PineconeOptions.HOST, pinecone.dataPlaneUrl());
        config.set(
                PineconeOptions.API_KEY_FILE,
                java.nio.file.Files.writeString(tmp.resolve("pinecone.key"), "stores-key")
                        .toString());

        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults(
                                        "search.prompts", "search.responses", "search.sessions")
                                .withRatios(0.05, 0.0),
                        Clock.systemUTC());
        List<TestRecord> records = generator.take(400);
        try (KafkaTrafficProducer producer = new KafkaTrafficProducer(kafka.bootstrapServers())) {
            producer.sendAll(records);
        }
        String sessions = "search.sessions";
        Set<String> expected =
                records.stream()
                        .filter(r -> r.kind() == TestRecord.Kind.VALID)
                        .filter(r -> !r.topic().equals(sessions))
                        .map(TestRecord::eventId)
                        .collect(Collectors.toSet());
        long prompts =
                records.stream()
                        .filter(r -> r.kind() == TestRecord.Kind.VALID)
                        .filter(r -> r.topic().equals("search.prompts"))
                        .map(TestRecord::eventId)
                        .distinct()
                        .count();
        assertThat(records).anyMatch(r -> r.kind() == TestRecord.Kind.DUPLICATE);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        StreamingJob.fromConfig(config).build(env);
        JobClient job = env.executeAsync(StreamingJob.JOB_NAME);
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions() // the index appears when the writers start
                    .until(() -> count() >= expected.size());
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> count() == expected.size());
        } finally {
            job.cancel().get();
        }

        JsonNode hits = search("{\"size\":10000,\"query\":{\"match_all\":{}}}");
        Set<String> ids = new HashSet<>();
        for (JsonNode hit : hits) {
            ids.add(hit.get("_id").asText());
            String text = hit.path("_source").path("text").asText("");
            assertThat(text).doesNotContain("4111 1111 1111 1111").doesNotContain("@example.com");
        }
        assertThat(ids).isEqualTo(expected);
        assertThat(search("{\"query\":{\"match\":{\"text\":\"charged\"}}}")).isNotEmpty();
        assertThat(questDbCount("llm_prompts", prompts)).isEqualTo(prompts);
        Set<String> vectorIds = new HashSet<>();
        for (String namespace : pineconeNamespaces()) {
            pinecone.vectors(namespace)
                    .forEach(
                            (id, vector) -> {
                                vectorIds.add(id);
                                assertThat(vector.getValuesCount()).isEqualTo(384);
                                assertThat(vector.getMetadata().toString())
                                        .doesNotContain("4111 1111 1111 1111");
                            });
        }
        assertThat(vectorIds)
                .isEqualTo(
                        records.stream()
                                .filter(r -> r.kind() == TestRecord.Kind.VALID)
                                .filter(r -> r.topic().equals("search.prompts"))
                                .map(TestRecord::eventId)
                                .collect(Collectors.toSet()));
        assertThat(pinecone.totalVectors()).isEqualTo(vectorIds.size());
        assertThat(questDbCount("llm_responses", expected.size() - prompts))
                .isEqualTo(expected.size() - prompts);
    }

    /**
     * Rows of a QuestDB table once it has at least {@code expected} (it commits asynchronously).
     */
    private static long questDbCount(String table, long expected) throws Exception {
        return await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                        () ->
                                new ObjectMapper()
                                        .readTree(
                                                java.net.http.HttpClient.newHttpClient()
                                                        .send(
                                                                java.net.http.HttpRequest
                                                                        .newBuilder(
                                                                                EmbeddedQuestDb
                                                                                        .shared()
                                                                                        .uri()
                                                                                        .resolve(
                                                                                                "/exec?query=select%20count()%20from%20"
                                                                                                        + table))
                                                                        .build(),
                                                                java.net.http.HttpResponse
                                                                        .BodyHandlers.ofString())
                                                        .body())
                                        .get("dataset")
                                        .get(0)
                                        .get(0)
                                        .asLong(),
                        count -> count >= expected);
    }

    private static long count() throws Exception {
        rest.performRequest(new Request("POST", "/search-it/_refresh"));
        Request request = new Request("GET", "/search-it/_count");
        return new ObjectMapper()
                .readTree(EntityUtils.toString(rest.performRequest(request).getEntity()))
                .get("count")
                .asLong();
    }

    private static JsonNode search(String body) throws Exception {
        Request request = new Request("GET", "/search-it/_search");
        request.setJsonEntity(body);
        return new ObjectMapper()
                .readTree(EntityUtils.toString(rest.performRequest(request).getEntity()))
                .path("hits")
                .path("hits");
    }
}
