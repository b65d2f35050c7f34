package dev.memorygraph.local;

import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.operators.metadata.MetadataOptions;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import dev.memorygraph.sinks.influxdb.InfluxDbOptions;
import dev.memorygraph.sinks.neo4j.GraphQueries;
import dev.memorygraph.streaming.StreamingJob;
import dev.memorygraph.testing.EmbeddedKafka;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.LocalModelRegistry;
import dev.memorygraph.testing.LocalUserDirectory;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Runs the streaming job on a local MiniCluster with the Flink web UI, an embedded Kafka broker, a
 * Neo4j 5.26 server in a child JVM and the traffic generator, on embedded defaults: the README's
 * run command. At the end it runs the README's Cypher queries and prints their first rows.
 *
 * <p>System properties: {@code local.events} (stop after this many records, 0 = until Ctrl-C),
 * {@code local.rate} (records per second), {@code local.dir} (where the lake and Kafka data go),
 * {@code local.web-port} (8081).
 */
public final class LocalStreamingRun {

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        long events = Long.getLong("local.events", 0);
        int rate = Integer.getInteger("local.rate", 200);
        int webPort = Integer.getInteger("local.web-port", 8081);
        Path dir = Path.of(System.getProperty("local.dir", ".local-run")).toAbsolutePath();
        Path lake = dir.resolve("lake");
        deleteRecursively(lake);
        deleteRecursively(dir.resolve("kafka"));
        deleteRecursively(dir.resolve("checkpoints"));
        deleteRecursively(dir.resolve("neo4j"));
        deleteRecursively(dir.resolve("elasticsearch"));
        deleteRecursively(dir.resolve("questdb"));
        Files.createDirectories(dir);

        System.out.println("Starting Neo4j 5.26 (about 10 s)...");
        EmbeddedNeo4j neo4j =
                EmbeddedNeo4j.builder(dir.resolve("neo4j"))
                        .boltPort(freeOr(7687, "Neo4j Bolt"))
                        .httpPort(freeOr(7474, "Neo4j HTTP"))
                        .start();
        Driver graph = GraphDatabase.driver(neo4j.boltUri().toString());
        System.out.println("Starting Elasticsearch 8.19 (about 10 s)...");
        EmbeddedElasticsearch search =
                EmbeddedElasticsearch.start(
                        dir.resolve("elasticsearch"), freeOr(9200, "Elasticsearch HTTP"), false);
        System.out.println("Starting QuestDB, the time-series store (InfluxDB v2 write API)...");
        EmbeddedQuestDb timeSeries =
                EmbeddedQuestDb.start(dir.resolve("questdb"), freeOr(9000, "QuestDB HTTP"), false);

        LocalModelRegistry registry =
                LocalModelRegistry.start(freeOr(9090, "model registry gRPC")).withGeneratorModels();

        LocalUserDirectory users =
                LocalUserDirectory.start(freeOr(8090, "user directory"), null).withGeneratorUsers();

        KafkaTrafficProducer[] producerRef = new KafkaTrafficProducer[1];
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        Configuration config =
                LocalJobConfig.create(
                        kafka.bootstrapServers(),
                        lake,
                        Duration.ofSeconds(5),
                        dir.resolve("checkpoints"),
                        neo4j.boltUri());
        LocalJobConfig.createTopics(kafka, config);

        config.set(ElasticsearchOptions.ENABLED, true);
        config.set(ElasticsearchOptions.HOSTS, List.of(search.uri().toString()));
        // the node from Maven has no analysis-common (no language analyzers): see the README
        config.set(ElasticsearchOptions.TEXT_ANALYZER, "standard");
        config.set(InfluxDbOptions.ENABLED, true);
        config.set(InfluxDbOptions.URL, timeSeries.uri().toString());
        config.set(MetadataOptions.ADDRESS, registry.address());
        config.set(MetadataOptions.USER_URL, users.uri().toString());
        int port = freeOr(webPort, "Flink web UI");
        config.set(RestOptions.PORT, port);
        int metricsPort = freeOr(9249, "Prometheus endpoint");
        LocalJobConfig.withPrometheus(config, metricsPort);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);
        StreamingJob.fromConfig(config).build(env);
        JobClient job = env.executeAsync(StreamingJob.JOB_NAME + " (local)");

        String dlq = config.get(KafkaOptions.DLQ_TOPIC);
        System.out.printf(
                "%nmemory-graph streaming job is running (stack started in %.1f s)%n"
                        + "  Flink web UI : http://localhost:%d%n"
                        + "  Prometheus   : http://localhost:%d/metrics (spec names, e.g."
                        + " dead_letters_total, write_latency_seconds)%n"
                        + "  Kafka        : %s (topics %s, %s, %s)%n"
                        + "  Event lake   : %s (Parquet, compacted and committed at least every"
                        + " 10 checkpoints, 50 s)%n"
                        + "  Dead letters : Kafka topic %s%n"
                        + "  Neo4j        : %s (Bolt), %s/db/neo4j/query/v2 (Query API), data in %s%n"
                        + "  Elasticsearch: %s/%s/_search?q=text:refund%n"
                        + "  Time series  : %s (QuestDB: line protocol on /api/v2/write, SQL on"
                        + " /exec, console on /)%n"
                        + "  Vectors      : prompts embedded in process (all-MiniLM-L6-v2 int8,"
                        + " 384 dimensions) into the lake; Pinecone off (no local server exists;"
                        + " set pinecone.enabled, pinecone.host and pinecone.api-key-file)%n"
                        + "  Registry     : %s (gRPC, LLM-Registry; the generator's models but"
                        + " llama-3.1-70b-instruct, whose responses are unpriced)%n"
                        + "  Users        : %s/v1/users/{id} (user directory: tenant, org, team)%n"
                        + "  Reconcile    : Kafka topic %s; replay with"
                        + " dev.memorygraph.batch.reconcile.ReconciliationJob%n"
                        + "  Traffic      : %d records/s, %s; Ctrl-C stops%n%n",
                (System.nanoTime() - started) / 1e9,
                port,
                metricsPort,
                kafka.bootstrapServers(),
                config.get(KafkaOptions.PROMPTS_TOPIC),
                config.get(KafkaOptions.RESPONSES_TOPIC),
                config.get(KafkaOptions.SESSIONS_TOPIC),
                lake,
                dlq,
                neo4j.boltUri(),
                neo4j.httpUri(),
                neo4j.home(),
                search.uri(),
                config.get(ElasticsearchOptions.INDEX),
                timeSeries.uri(),
                registry.address(),
                users.uri(),
                config.get(KafkaOptions.RECONCILIATION_TOPIC),
                rate,
                events > 0 ? "stopping after " + events + " records" : "until stopped");

        AtomicBoolean stopped = new AtomicBoolean();
        Thread traffic =
                new Thread(
                        () -> {
                            try (KafkaTrafficProducer producer =
                                    new KafkaTrafficProducer(kafka.bootstrapServers())) {
                                producerRef[0] = producer;
                                producer.run(
                                        new TrafficGenerator(
                                                TrafficGenerator.Config.defaults(
                                                        config.get(KafkaOptions.PROMPTS_TOPIC),
                                                        config.get(KafkaOptions.RESPONSES_TOPIC),
                                                        config.get(KafkaOptions.SESSIONS_TOPIC)),
                                                Clock.systemUTC()),
                                        events,
                                        rate);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "traffic-generator");
        traffic.setDaemon(true);
        Thread shutdown =
                new Thread(
                        () -> {
                            if (stopped.compareAndSet(false, true)) {
                                System.out.println("\nStopping...");
                                stop(
                                        traffic,
                                        job,
                                        kafka,
                                        graph,
                                        neo4j,
                                        search,
                                        timeSeries,
                                        registry,
                                        users);
                                System.out.printf(
                                        "Stopped. %d lake rows left in %s%n",
                                        LakeFiles.committedRows(lake), lake);
                            }
                        });
        Runtime.getRuntime().addShutdownHook(shutdown);
        traffic.start();

        long deadline = Long.MAX_VALUE;
        while (!stopped.get()) {
            TimeUnit.SECONDS.sleep(5);
            KafkaTrafficProducer producer = producerRef[0];
            if (producer == null) {
                continue;
            }
            long valid = producer.sent(TestRecord.Kind.VALID);
            long invalid = producer.sent(TestRecord.Kind.INVALID);
            long lakeRows = LakeFiles.committedRows(lake);
            long deadLetters = kafka.endOffsetSum(dlq);
            System.out.printf(
                    "produced %d (valid %d, duplicates %d, invalid %d) | lake rows %d in %d files"
                            + " | dead letters %d | graph %s | search documents %d%n",
                    producer.sent(),
                    valid,
                    producer.sent(TestRecord.Kind.DUPLICATE),
                    invalid,
                    lakeRows,
                    LakeFiles.committedFiles(lake).size(),
                    deadLetters,
                    graphSize(graph),
                    searchCount(search.uri(), config.get(ElasticsearchOptions.INDEX)));
            if (events > 0 && !traffic.isAlive()) {
                if (lakeRows >= valid && deadLetters >= invalid) {
                    System.out.println("All records accounted for.");
                    break;
                }
                if (deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                } else if (System.nanoTime() > deadline) {
                    System.out.println("Timed out waiting for the last checkpoint.");
                    break;
                }
            }
        }
        if (stopped.compareAndSet(false, true)) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            printReadmeQueries(graph);
            System.out.printf(
                    "%nFull-text search (GET %s/%s/_search?q=text:refund&size=2):%n  %s%n",
                    search.uri(),
                    config.get(ElasticsearchOptions.INDEX),
                    elasticsearch(
                            search.uri(),
                            config.get(ElasticsearchOptions.INDEX),
                            "/_search?q=text:refund&size=2&filter_path=hits.total,hits.hits._id"));
            String aggregate =
                    "select model_id, count() responses, sum(total_tokens) tokens,"
                            + " round(sum(cost), 4) cost, sum(unpriced) unpriced,"
                            + " avg(latency_ms) latency_ms from llm_responses order by tokens desc";
            System.out.printf(
                    "%nTime series (QuestDB SQL, %s):%n  %s%n",
                    aggregate, sql(timeSeries.uri(), aggregate));
            stop(traffic, job, kafka, graph, neo4j, search, timeSeries, registry, users);
            System.out.printf(
                    "Lake left in %s: files per partition %s%n",
                    lake, LakeFiles.filesPerPartition(lake));
            System.exit(0);
        }
    }

    /** Node and relationship counts, read from Neo4j's count store. */
    private static String graphSize(Driver graph) {
        try (Session session = graph.session()) {
            long nodes = session.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong();
            long edges =
                    session.run("MATCH ()-[r]->() RETURN count(r) AS c").single().get("c").asLong();
            return nodes + " nodes, " + edges + " relationships";
        } catch (RuntimeException e) {
            return "unavailable (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Runs the README's three queries and prints their first rows. */
    private static void printReadmeQueries(Driver graph) {
        try (Session session = graph.session()) {
            String user =
                    session
                            .run("MATCH (u:User)-[:HAS_SESSION]->() RETURN u.id AS id LIMIT 1")
                            .list()
                            .stream()
                            .map(r -> r.get("id").asString())
                            .findFirst()
                            .orElse("user-1");
            print(
                    session,
                    "A user's sessions, prompts and responses (" + user + ")",
                    GraphQueries.USER_SESSIONS,
                    Map.of("userId", user));
            print(
                    session,
                    "Prompt text reused across users",
                    GraphQueries.REUSED_ACROSS_USERS,
                    Map.of());
            print(
                    session,
                    "Tokens and cost by model",
                    GraphQueries.TOKENS_AND_COST_BY_MODEL,
                    Map.of());
        } catch (RuntimeException e) {
            System.out.println("Queries failed: " + e.getClass().getSimpleName());
        }
    }

    private static void print(
            Session session, String title, String query, Map<String, Object> params) {
        List<Record> rows = session.run(query, params).list();
        System.out.printf("%n%s: %d rows%n", title, rows.size());
        rows.stream().limit(10).forEach(r -> System.out.println("  " + r.asMap()));
    }

    private static void stop(
            Thread traffic,
            JobClient job,
            EmbeddedKafka kafka,
            Driver graph,
            EmbeddedNeo4j neo4j,
            EmbeddedElasticsearch search,
            EmbeddedQuestDb timeSeries,
            LocalModelRegistry registry,
            LocalUserDirectory users) {
        traffic.interrupt();
        try {
            job.cancel().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.println("Job cancel: " + e.getClass().getSimpleName());
        }
        try {
            kafka.close();
        } catch (Exception e) {
            System.out.println("Kafka close: " + e.getClass().getSimpleName());
        }
        graph.close();
        neo4j.close();
        search.close();
        timeSeries.close();
        users.close();
        try {
            registry.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The answer of QuestDB to a SQL query, or the failure's class name. */
    private static String sql(URI node, String query) {
        return get(
                node.resolve(
                        "/exec?query="
                                + java.net.URLEncoder.encode(
                                        query, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The answer of Elasticsearch to {@code GET /index/path}, or the failure's class name. */
    private static String elasticsearch(URI node, String index, String path) {
        return get(node.resolve("/" + index + path));
    }

    /** The body of {@code GET uri}, or the failure's class name. */
    private static String get(URI uri) {
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Documents in the search index, or -1 while it does not answer. */
    private static long searchCount(URI node, String index) {
        String body = elasticsearch(node, index, "/_count");
        int at = body.indexOf("\"count\":");
        if (at < 0) {
            return -1;
        }
        int end = at + 8;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return Long.parseLong(body.substring(at + 8, end));
    }

    private static int freeOr(int preferred, String what) throws IOException {
        try (ServerSocket socket = new ServerSocket(preferred)) {
            return preferred;
        } catch (IOException busy) {
            try (ServerSocket socket = new ServerSocket(0)) {
                System.out.printf("Port %d is busy; %s uses another port.%n", preferred, what);
                return socket.getLocalPort();
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
