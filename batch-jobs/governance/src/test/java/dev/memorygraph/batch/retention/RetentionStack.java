package dev.memorygraph.batch.retention;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.StreamingJobRun;
import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.ResponseBody;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.ResponseMetrics;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.model.Usage;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.s3.server.EmbeddedS3;
import dev.memorygraph.sinks.pinecone.fake.PineconeFake;
import dev.memorygraph.sinks.testing.Neo4jTestSupport;
import dev.memorygraph.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The stores the retention jobs work on, for one test class: real Kafka, Neo4j (wiped),
 * Elasticsearch, QuestDB (the InfluxDB line-protocol server), s3proxy and the Pinecone fake, with a
 * lake under {@code dir}, written by the streaming job from a list of dated prompts.
 */
final class RetentionStack implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final Path dir;
    final EmbeddedKafka kafka;
    final Driver driver;
    final PineconeFake pinecone;
    final RestClient search;
    final List<PromptEvent> prompts = new ArrayList<>();
    final List<ResponseEvent> responses = new ArrayList<>();

    private RetentionStack(String name, Path dir) throws Exception {
        this.name = name;
        this.dir = dir;
        kafka = EmbeddedKafka.start();
        kafka.createTopics(1, name + ".dlq", name + ".reconcile");
        pinecone = PineconeFake.start(name + "-key", "llm-prompts", 384);
        Files.writeString(dir.resolve("pinecone.key"), name + "-key");
        search =
                RestClient.builder(HttpHost.create(EmbeddedElasticsearch.shared().uri().toString()))
                        .build();
        driver = GraphDatabase.driver(EmbeddedNeo4j.shared().boltUri().toString());
        Neo4jTestSupport.wipe(driver);
        bucket().close();
    }

    static RetentionStack start(String name, Path dir) throws Exception {
        return new RetentionStack(name, dir);
    }

    /** Adds a prompt of {@code session}'s user ({@code user-<session>}) in {@code tenant}. */
    String add(Instant time, String tenant, String session) {
        return add(
                time,
                tenant,
                session,
                "Summarise ticket " + prompts.size() + " for the " + tenant + " team.");
    }

    /** {@link #add(Instant, String, String)} with the prompt's text. */
    String add(Instant time, String tenant, String session, String text) {
        String id =
                UUID.nameUUIDFromBytes((name + prompts.size()).getBytes(StandardCharsets.UTF_8))
                        .toString();
        prompts.add(
                new PromptEvent(
                        id,
                        time,
                        new Prompt(text, null, null, null, "{\"tenantId\":\"" + tenant + "\"}"),
                        new SessionRef(session, "user-" + session, "app-1", "chat"),
                        new ModelRef("gpt-4o", "openai", null, null),
                        null,
                        null,
                        null));
        return id;
    }

    /** A response to {@code prompt}, a second later, with its token counts. */
    void respond(String prompt, Instant time, long promptTokens, long completionTokens) {
        responses.add(
                new ResponseEvent(
                        UUID.nameUUIDFromBytes(("r-" + prompt).getBytes(StandardCharsets.UTF_8))
                                .toString(),
                        time.plusSeconds(1),
                        prompt,
                        new ResponseBody("Here is the summary.", "stop", null, null),
                        new Usage(promptTokens, completionTokens, promptTokens + completionTokens),
                        new ResponseMetrics(800L, 120L, 40.0, null),
                        null,
                        null,
                        null));
    }

    /** The streaming job over the events added so far: a first run, or a replay of the topic. */
    void stream(String... options) throws Exception {
        Configuration config = config();
        for (int i = 0; i + 1 < options.length; i += 2) {
            config.setString(options[i], options[i + 1]);
        }
        StreamingJobRun.run(config, prompts, responses);
    }

    BoundedJobs.Outcome run(String job, BoundedJobs.Job body, String... extra) {
        List<String> args = new ArrayList<>(List.of("--execution.runtime-mode", "BATCH"));
        config().toMap().forEach((k, v) -> args.addAll(List.of("--" + k, v)));
        args.addAll(List.of(extra));
        return BoundedJobs.run(
                job,
                args.toArray(String[]::new),
                StreamExecutionEnvironment.getExecutionEnvironment(),
                body);
    }

    Configuration config() {
        Configuration config = new Configuration();
        config.setString("lake.path", lake().toUri().toString());
        config.setString("neo4j.uri", EmbeddedNeo4j.shared().boltUri().toString());
        config.setString("kafka.bootstrap-servers", kafka.bootstrapServers());
        config.setString("kafka.topic.dlq", name + ".dlq");
        config.setString("kafka.topic.reconciliation", name + ".reconcile");
        config.setString("pipeline.generic-types", "false");
        config.setString("elasticsearch.enabled", "true");
        config.setString("elasticsearch.hosts", EmbeddedElasticsearch.shared().uri().toString());
        config.setString("elasticsearch.index", index());
        config.setString("elasticsearch.text.analyzer", "standard");
        config.setString("influxdb.enabled", "true");
        config.setString("influxdb.url", EmbeddedQuestDb.shared().uri().toString());
        config.setString("archival.influxdb.dialect", "questdb");
        config.setString("embedding.enabled", "true");
        config.setString("pinecone.enabled", "true");
        config.setString("pinecone.host", pinecone.dataPlaneUrl());
        config.setString("pinecone.api-key-file", dir.resolve("pinecone.key").toString());
        config.setString("archival.s3.bucket", "retention-test");
        config.setString("archival.s3.prefix", name);
        config.setString("archival.s3.endpoint", EmbeddedS3.shared().endpoint().toString());
        config.setString("archival.s3.path-style-access", "true");
        config.setString("archival.s3.access-key", "local");
        config.setString("archival.s3.secret-key", "local");
        config.setString("archival.work-dir", dir.resolve("work").toString());
        config.setString("erasure.tombstones", dir.resolve("tombstones").toUri().toString());
        config.setString("erasure.refresh-interval", "1 s");
        return config;
    }

    String index() {
        return name + "-it";
    }

    Path lake() {
        return dir.resolve("lake");
    }

    ArchiveStore bucket() {
        ArchiveStore bucket = ArchiveStore.open(config(), "retention-test");
        bucket.createBucketIfMissing();
        return bucket;
    }

    List<String> graphPrompts() {
        return Neo4jTestSupport.query(driver, "MATCH (p:Prompt) RETURN p.id AS id", Map.of())
                .stream()
                .map(r -> r.get("id").asString())
                .toList();
    }

    /** How many of {@code ids} the search index holds. */
    long searchable(Set<String> ids) throws Exception {
        search.performRequest(new Request("POST", "/" + index() + "/_refresh"));
        Request count = new Request("POST", "/" + index() + "/_count");
        count.setJsonEntity(
                "{\"query\":{\"ids\":{\"values\":" + JSON.writeValueAsString(ids) + "}}}");
        return JSON.readTree(search.performRequest(count).getEntity().getContent())
                .path("count")
                .asLong();
    }

    /** QuestDB's answer to a count. */
    static long count(String sql) throws Exception {
        return JSON.readTree(EmbeddedQuestDb.shared().sql(sql))
                .path("dataset")
                .path(0)
                .path(0)
                .asLong();
    }

    /** Which of {@code ids} have a vector, in any of {@code tenants}' namespaces. */
    Set<String> vectors(Set<String> ids, String... tenants) {
        Set<String> found = new HashSet<>();
        for (String tenant : tenants) {
            for (String id : pinecone.vectors(tenant).keySet()) {
                if (ids.contains(id)) {
                    found.add(id);
                }
            }
        }
        return found;
    }

    List<String> lakeIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (Path file : LakeFiles.committedFiles(lake())) {
            ids.addAll(rowIds(file));
        }
        return ids;
    }

    static List<String> rowIds(Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        StreamFormat.Reader<EnrichedEvent> reader =
                EventLake.openFile(new org.apache.flink.core.fs.Path(file.toUri()));
        try {
            for (EnrichedEvent row = reader.read(); row != null; row = reader.read()) {
                ids.add(row.eventId());
            }
        } finally {
            reader.close();
        }
        return ids;
    }

    /** The event ids of the archives' objects, read back from the bucket as lake files. */
    List<String> archivedRows(List<Archive> archives) throws Exception {
        List<String> ids = new ArrayList<>();
        Path restored = Files.createTempDirectory(dir, "restored");
        try (ArchiveStore bucket = bucket()) {
            for (Archive archive : archives) {
                for (Archive.ArchiveObject object : archive.objects) {
                    Path file = restored.resolve(UUID.randomUUID() + ".parquet");
                    bucket.download(object.key, file);
                    ids.addAll(rowIds(file));
                }
            }
        }
        return ids;
    }

    @Override
    public void close() throws Exception {
        search.close();
        pinecone.close();
        driver.close();
        kafka.close();
    }
}
