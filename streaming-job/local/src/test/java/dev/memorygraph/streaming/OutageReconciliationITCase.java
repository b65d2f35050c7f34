package dev.memorygraph.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.batch.reconcile.ReconciliationJob;
import dev.memorygraph.childjvm.ChildJvm;
import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.local.LocalJobConfig;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.sinks.base.RetriesExhausted;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import dev.memorygraph.sinks.influxdb.EventPoints;
import dev.memorygraph.sinks.influxdb.InfluxDbOptions;
import dev.memorygraph.testing.EmbeddedKafka;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The outage test of spec §2.2 "Write failures": the streaming job writes Elasticsearch and
 * InfluxDB (a real QuestDB) from a real Kafka broker; QuestDB is stopped for 30 s mid-run and
 * started again on its data. Elasticsearch keeps taking every event during the outage; InfluxDB's
 * sink, set to {@code RECONCILE}, hands what it could not write to the reconciliation topic; then
 * the reconciliation job (BATCH, same sink classes) repairs the gap. Afterwards both stores hold
 * exactly the expected events, once each: Elasticsearch by document id, QuestDB by the per-event
 * timestamp {@link EventPoints} gives each point (its tables deduplicate on it, as InfluxDB
 * overwrites a point of the same series and time).
 */
class OutageReconciliationITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(4)
                            .build());

    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    static EmbeddedKafka kafka;
    static RestClient rest;

    @TempDir static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
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
    }

    @Test
    void aStoreDownFor30SecondsIsRepairedByTheReconciliationJob() throws Exception {
        int port = ChildJvm.freePort();
        Path questDbHome = tmp.resolve("questdb");
        EmbeddedQuestDb questDb = EmbeddedQuestDb.start(questDbHome, port, false);
        URI influx = questDb.uri();
        for (String table : List.of("llm_prompts", "llm_responses")) {
            sql(
                    influx,
                    "create table "
                            + table
                            + " (timestamp timestamp) timestamp(timestamp) partition by day wal"
                            + " dedup upsert keys(timestamp)");
        }
        kafka.createTopics(1, "outage.reconcile");
        Configuration config = LocalJobConfig.forTopics(kafka, "outage", tmp, null);
        config.set(KafkaOptions.RECONCILIATION_TOPIC, "outage.reconcile");
        config.set(ElasticsearchOptions.ENABLED, true);
        config.set(
                ElasticsearchOptions.HOSTS,
                List.of(EmbeddedElasticsearch.shared().uri().toString()));
        config.set(ElasticsearchOptions.INDEX, "outage-it");
        config.set(ElasticsearchOptions.TEXT_ANALYZER, "standard");
        config.set(InfluxDbOptions.ENABLED, true);
        config.set(InfluxDbOptions.URL, influx.toString());
        config.set(InfluxDbOptions.ON_RETRIES_EXHAUSTED, RetriesExhausted.RECONCILE);
        config.set(InfluxDbOptions.BATCH_MAX_TIME, Duration.ofMillis(200));
        config.setString("influxdb.retry.initial-backoff", "200ms");
        config.setString("influxdb.retry.max-backoff", "800ms");
        config.setString("influxdb.retry.max-retries", "2");

        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults(
                                        "outage.prompts", "outage.responses", "outage.sessions")
                                .withRatios(0.05, 0.0),
                        Clock.systemUTC());
        List<TestRecord> before = generator.take(150);
        List<TestRecord> during = generator.take(150);
        List<TestRecord> after = generator.take(150);
        List<TestRecord> all = new ArrayList<>(before);
        all.addAll(during);
        all.addAll(after);
        Expected expected = Expected.of(all);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        StreamingJob.fromConfig(config).build(env);
        JobClient job = env.executeAsync(StreamingJob.JOB_NAME);
        try (KafkaTrafficProducer producer = new KafkaTrafficProducer(kafka.bootstrapServers())) {
            producer.sendAll(before);
            int firstPart = Expected.of(before).documents.size();
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> documents() >= firstPart);
            await().atMost(Duration.ofMinutes(1))
                    .ignoreExceptions()
                    .until(() -> rows(influx, "llm_prompts") > 0);

            questDb.close(); // the outage
            Instant down = Instant.now();
            producer.sendAll(during);
            int secondPart = Expected.of(before, during).documents.size();
            await().atMost(OUTAGE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> documents() >= secondPart);
            assertThat(Duration.between(down, Instant.now()))
                    .as("Elasticsearch took the events while InfluxDB was down")
                    .isLessThan(OUTAGE);
            await().atMost(OUTAGE).until(() -> kafka.endOffsetSum("outage.reconcile") > 0);
            Thread.sleep(
                    Math.max(0, OUTAGE.minus(Duration.between(down, Instant.now())).toMillis()));

            questDb = EmbeddedQuestDb.start(questDbHome, port, true); // back, on its data
            producer.sendAll(after);
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> documents() >= expected.documents.size());
            // what the stream wrote after the outage has arrived: the last event's point is there
            await().atMost(Duration.ofMinutes(1))
                    .ignoreExceptions()
                    .until(() -> timestamps(influx).containsAll(Expected.of(after).micros));
        } finally {
            job.cancel().get();
        }
        long reconciled = kafka.endOffsetSum("outage.reconcile");
        assertThat(reconciled).isPositive();
        assertThat(timestamps(influx)).isNotEqualTo(expected.micros); // the gap

        BoundedJobs.Outcome outcome =
                BoundedJobs.run(
                        ReconciliationJob.NAME,
                        LocalJobConfig.batchArguments(config),
                        StreamExecutionEnvironment.getExecutionEnvironment(),
                        ReconciliationJob::reconcileOutcome);

        assertThat(outcome.code()).as(outcome.summary()).isEqualTo(ExitCode.SUCCESS);
        assertThat(outcome.summary())
                .contains("replayed " + reconciled)
                .contains("repaired " + reconciled);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> timestamps(influx).equals(expected.micros));
        assertThat(rows(influx, "llm_prompts") + rows(influx, "llm_responses"))
                .isEqualTo(expected.micros.size());
        assertThat(documentIds()).isEqualTo(expected.documents);
        questDb.close();
    }

    /** The events each store must hold: documents by id, points by timestamp (µs). */
    record Expected(Set<String> documents, Set<Long> micros) {

        @SafeVarargs
        static Expected of(List<TestRecord>... parts) {
            Set<String> documents = new HashSet<>();
            Set<Long> micros = new HashSet<>();
            for (List<TestRecord> part : parts) {
                for (TestRecord record : part) {
                    if (record.kind() != TestRecord.Kind.VALID
                            || record.topic().endsWith(".sessions")) {
                        continue;
                    }
                    documents.add(record.eventId());
                    micros.add(EventPoints.timestamp(record.eventId(), eventTime(record)) / 1_000);
                }
            }
            return new Expected(documents, micros);
        }

        private static Instant eventTime(TestRecord record) {
            try {
                return Instant.parse(JSON.readTree(record.value()).get("timestamp").asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static Set<Long> timestamps(URI influx) throws Exception {
        Set<Long> micros = new HashSet<>();
        for (String table : List.of("llm_prompts", "llm_responses")) {
            for (JsonNode row : sql(influx, "select timestamp from " + table)) {
                Instant time = Instant.parse(row.get(0).asText());
                micros.add(time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000);
            }
        }
        return micros;
    }

    private static long rows(URI influx, String table) throws Exception {
        return sql(influx, "select count() from " + table).get(0).get(0).asLong();
    }

    private static JsonNode sql(URI influx, String query) throws Exception {
        URI uri = influx.resolve("/exec?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(uri).build(),
                                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("QuestDB: HTTP " + response.statusCode());
        }
        return body.path("dataset");
    }

    private static long documents() throws Exception {
        rest.performRequest(new Request("POST", "/outage-it/_refresh"));
        return JSON.readTree(
                        EntityUtils.toString(
                                rest.performRequest(new Request("GET", "/outage-it/_count"))
                                        .getEntity()))
                .get("count")
                .asLong();
    }

    private static Set<String> documentIds() throws Exception {
        Request request = new Request("GET", "/outage-it/_search");
        request.setJsonEntity("{\"size\":10000,\"_source\":false,\"query\":{\"match_all\":{}}}");
        JsonNode hits =
                JSON.readTree(EntityUtils.toString(rest.performRequest(request).getEntity()))
                        .path("hits")
                        .path("hits");
        Set<String> ids = new HashSet<>();
        hits.forEach(hit -> ids.add(hit.get("_id").asText()));
        return ids.stream().collect(Collectors.toSet());
    }
}
