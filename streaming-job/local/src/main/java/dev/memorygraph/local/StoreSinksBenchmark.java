package dev.memorygraph.local;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.domain.WritePrecision;
import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.EventOrigin;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.operators.text.TextEnricher;
import dev.memorygraph.operators.text.TextOptions;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchConnection;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchIndex;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchSink;
import dev.memorygraph.sinks.elasticsearch.EventDocuments;
import dev.memorygraph.sinks.elasticsearch.IndexAction;
import dev.memorygraph.sinks.influxdb.EventPoints;
import dev.memorygraph.sinks.influxdb.InfluxDbConnection;
import dev.memorygraph.sinks.influxdb.InfluxDbSink;
import dev.memorygraph.sinks.influxdb.LinePoint;
import dev.memorygraph.sinks.pinecone.EventVectors;
import dev.memorygraph.sinks.pinecone.PineconeIndexConnection;
import dev.memorygraph.sinks.pinecone.PineconeSink;
import dev.memorygraph.sinks.pinecone.VectorRecord;
import dev.memorygraph.sinks.pinecone.fake.PineconeFake;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import io.pinecone.configs.PineconeConnection;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.Vector;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.elasticsearch.client.RestClient;

/**
 * Throughput of the Elasticsearch, InfluxDB and Pinecone sinks against a plain client of the same
 * library sending the same entries in the same batches, one batch after another, in one run.
 *
 * <p>Entries come from generated traffic through the real text stage: Elasticsearch documents
 * ({@link EventDocuments}), line-protocol points ({@link EventPoints}) and prompt vectors ({@link
 * EventVectors}, random 384-dimension embeddings until the embedding stage exists). Servers: a real
 * Elasticsearch 8.19 node and a real QuestDB 9.3 (InfluxDB v2 write API) in child JVMs; for
 * Pinecone, which has no local server, {@link PineconeFake} in this JVM, so its figures measure the
 * client and the sink, not Pinecone. Each measurement writes into fresh indexes or tables; the
 * better of two rounds counts. The sink's time includes starting and finishing its Flink job
 * (measured alone and printed); both ratios are printed.
 *
 * <p>System properties: {@code bench.events} (default 20,000 generated events), {@code
 * bench.es.documents} (60,000), {@code bench.influxdb.points} (300,000), {@code
 * bench.pinecone.vectors} (100,000): the entries of the events, round and round.
 */
public final class StoreSinksBenchmark {

    private static final TestingDeadLetterQueue DEAD_LETTERS =
            new TestingDeadLetterQueue("store-sinks-benchmark");

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 20_000);
        List<EnrichedEvent> enriched = workload(events);
        System.out.printf(
                "%d events; %d cores, max heap %d MB%n",
                enriched.size(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<String> results = new ArrayList<>();

        Path home = Files.createTempDirectory("memory-graph-sinks-bench-");
        EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.shared();
        results.add(
                elasticsearch(
                        elasticsearch.uri().toString(),
                        enriched,
                        Integer.getInteger("bench.es.documents", 60_000)));
        try (EmbeddedQuestDb questDb = EmbeddedQuestDb.start(home.resolve("questdb"), 0, true)) {
            results.add(
                    influxDb(
                            questDb.uri().toString(),
                            enriched,
                            Integer.getInteger("bench.influxdb.points", 300_000)));
        }
        try (PineconeFake pinecone = PineconeFake.start("bench-key", "bench", 384)) {
            results.add(
                    pinecone(
                            pinecone,
                            home,
                            enriched,
                            Integer.getInteger("bench.pinecone.vectors", 100_000)));
        }
        System.out.println();
        results.forEach(System.out::println);
        System.exit(0);
    }

    // ---- Elasticsearch ----

    static String elasticsearch(String host, List<EnrichedEvent> events, int count)
            throws Exception {
        List<IndexAction> distinct = new ArrayList<>();
        EventDocuments documents = new EventDocuments("unused");
        for (EnrichedEvent event : events) {
            IndexAction action = documents.toAction(event);
            if (action != null) {
                distinct.add(action);
            }
        }
        List<IndexAction> actions = cycle(distinct, count);
        int batch = ElasticsearchOptions.BATCH_MAX_ACTIONS.defaultValue();
        ElasticsearchConnection connection = ElasticsearchConnection.unauthenticated(host);
        return compare(
                "Elasticsearch",
                "documents",
                actions.size(),
                round -> {
                    String alias = "bench-plain-" + round;
                    try (RestClient rest = connection.createRestClient()) {
                        index(alias).bootstrap(rest);
                        ElasticsearchClient client =
                                new ElasticsearchClient(
                                        new RestClientTransport(rest, new JacksonJsonpMapper()));
                        long start = System.nanoTime();
                        for (List<IndexAction> part : batches(actions, batch)) {
                            BulkRequest.Builder request = new BulkRequest.Builder();
                            for (IndexAction action : part) {
                                request.operations(
                                        op ->
                                                op.index(
                                                        index ->
                                                                index.index(alias)
                                                                        .id(action.id())
                                                                        .document(
                                                                                BinaryData.of(
                                                                                        action
                                                                                                .source(),
                                                                                        ContentType
                                                                                                .APPLICATION_JSON))));
                            }
                            if (client.bulk(request.build()).errors()) {
                                throw new IllegalStateException("bulk item errors");
                            }
                        }
                        return Duration.ofNanos(System.nanoTime() - start);
                    }
                },
                round -> {
                    String alias = "bench-sink-" + round;
                    List<IndexAction> renamed =
                            actions.stream()
                                    .map(a -> new IndexAction(alias, a.id(), a.source()))
                                    .toList();
                    Configuration config = new Configuration();
                    config.set(ElasticsearchOptions.HOSTS, List.of(host));
                    config.set(ElasticsearchOptions.INDEX, alias);
                    config.set(ElasticsearchOptions.TEXT_ANALYZER, "standard");
                    return runSink(
                            renamed,
                            ElasticsearchSink.builder()
                                    .fromConfig(config)
                                    .setDeadLetterQueue(DEAD_LETTERS)
                                    .build());
                });
    }

    static ElasticsearchIndex index(String alias) {
        Configuration config = new Configuration();
        config.set(ElasticsearchOptions.INDEX, alias);
        config.set(ElasticsearchOptions.TEXT_ANALYZER, "standard");
        return ElasticsearchIndex.fromConfig(config);
    }

    // ---- InfluxDB ----

    static String influxDb(String url, List<EnrichedEvent> events, int count) throws Exception {
        EventPoints points = new EventPoints();
        List<LinePoint> distinct = new ArrayList<>();
        for (EnrichedEvent event : events) {
            LinePoint point = points.toPoint(event);
            if (point != null) {
                distinct.add(point);
            }
        }
        List<LinePoint> lines = cycle(distinct, count);
        int batch = 5_000;
        InfluxDbConnection connection = InfluxDbConnection.unauthenticated(url, "llm");
        return compare(
                "InfluxDB (QuestDB)",
                "points",
                lines.size(),
                round -> {
                    List<LinePoint> renamed = renamed(lines, "plain" + round + "_");
                    try (InfluxDBClient client = connection.createClient()) {
                        long start = System.nanoTime();
                        for (List<LinePoint> part : batches(renamed, batch)) {
                            client.getWriteApiBlocking()
                                    .writeRecords(
                                            "llm",
                                            "memory-graph",
                                            WritePrecision.NS,
                                            part.stream().map(LinePoint::line).toList());
                        }
                        return Duration.ofNanos(System.nanoTime() - start);
                    }
                },
                round ->
                        runSink(
                                renamed(lines, "sink" + round + "_"),
                                InfluxDbSink.builder()
                                        .setConnection(connection)
                                        .setDeadLetterQueue(DEAD_LETTERS)
                                        .build()));
    }

    static List<LinePoint> renamed(List<LinePoint> lines, String prefix) {
        return lines.stream().map(p -> new LinePoint(p.eventId(), prefix + p.line())).toList();
    }

    // ---- Pinecone ----

    static String pinecone(PineconeFake fake, Path home, List<EnrichedEvent> events, int count)
            throws Exception {
        EventVectors vectors = new EventVectors("__default__", 384);
        Random random = new Random(7);
        List<VectorRecord> distinct = new ArrayList<>();
        for (EnrichedEvent event : events) {
            float[] embedding = new float[384];
            for (int i = 0; i < embedding.length; i++) {
                embedding[i] = (float) random.nextGaussian();
            }
            VectorRecord record = vectors.toRecord(event, embedding);
            if (record != null) {
                distinct.add(record);
            }
        }
        List<VectorRecord> records = cycle(distinct, count);
        Path key = Files.writeString(home.resolve("pinecone.key"), "bench-key");
        PineconeIndexConnection connection =
                new PineconeIndexConnection(
                        "bench",
                        fake.dataPlaneUrl(),
                        "https://api.pinecone.io",
                        key.toString(),
                        Duration.ofSeconds(30),
                        false,
                        384,
                        "aws",
                        "us-east-1");
        int batch = 500;
        return compare(
                "Pinecone (in-process fake)",
                "vectors",
                records.size(),
                round -> {
                    fake.clear();
                    PineconeConnection client = connection.open();
                    try {
                        long start = System.nanoTime();
                        for (List<VectorRecord> part : batches(records, batch)) {
                            Map<String, UpsertRequest.Builder> requests = new LinkedHashMap<>();
                            for (VectorRecord record : part) {
                                requests.computeIfAbsent(
                                                record.namespace(),
                                                ns -> UpsertRequest.newBuilder().setNamespace(ns))
                                        .addVectors(Vector.parseFrom(record.vector()));
                            }
                            for (UpsertRequest.Builder request : requests.values()) {
                                client.getBlockingStub().upsert(request.build());
                            }
                        }
                        return Duration.ofNanos(System.nanoTime() - start);
                    } finally {
                        client.close();
                    }
                },
                round -> {
                    fake.clear();
                    return runSink(
                            records,
                            PineconeSink.builder()
                                    .setConnection(connection)
                                    .setDeadLetterQueue(DEAD_LETTERS)
                                    .build());
                });
    }

    // ---- shared ----

    @FunctionalInterface
    interface Measured {
        Duration run(int round) throws Exception;
    }

    static String compare(String store, String unit, int count, Measured plain, Measured sink)
            throws Exception {
        // warm both paths
        plain.run(0);
        sink.run(0);
        Duration startup = startup();
        Duration bestPlain = null;
        Duration bestSink = null;
        for (int round = 1; round <= 2; round++) {
            Duration p = plain.run(round);
            Duration s = sink.run(round);
            System.out.printf(
                    "%-28s round %d: plain client %,d ms, sink %,d ms%n",
                    store, round, p.toMillis(), s.toMillis());
            bestPlain = bestPlain == null || p.compareTo(bestPlain) < 0 ? p : bestPlain;
            bestSink = bestSink == null || s.compareTo(bestSink) < 0 ? s : bestSink;
        }
        double plainRate = count / (bestPlain.toNanos() / 1e9);
        double sinkRate = count / (bestSink.toNanos() / 1e9);
        double sinkNet = count / (Math.max(1, bestSink.minus(startup).toNanos()) / 1e9);
        return String.format(
                "RESULT %-28s %,d %s | plain client %,.0f/s | sink %,.0f/s | ratio %.2f (%.2f"
                        + " without the job's %,d ms start-up)",
                store,
                count,
                unit,
                plainRate,
                sinkRate,
                sinkRate / plainRate,
                sinkNet / plainRate,
                startup.toMillis());
    }

    /**
     * {@code count} entries, going round {@code distinct} (a replayed entry overwrites by id, the
     * same for the plain client and the sink).
     */
    static <T> List<T> cycle(List<T> distinct, int count) {
        List<T> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(distinct.get(i % distinct.size()));
        }
        return all;
    }

    static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            batches.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return batches;
    }

    /** Entries handed to the benchmark's source in this JVM, instead of inside the job graph. */
    private static final Map<String, List<?>> ENTRIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@code entries} through {@code sink} in a Flink job at parallelism 1; the job's time. The
     * source reads the entries from this JVM (the MiniCluster runs here), so the job graph does not
     * carry them and the time is the sink's, plus the job's start-up.
     */
    @SuppressWarnings("unchecked")
    static <T extends Serializable> Duration runSink(List<T> entries, Sink<T> sink)
            throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        String key = java.util.UUID.randomUUID().toString();
        ENTRIES.put(key, entries);
        Class<T> type = (Class<T>) entries.get(0).getClass();
        env.fromSource(
                        new org.apache.flink.connector.datagen.source.DataGeneratorSource<>(
                                index -> (T) ENTRIES.get(key).get(index.intValue()),
                                entries.size(),
                                org.apache.flink.api.common.typeinfo.TypeInformation.of(type)),
                        org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks(),
                        "entries")
                .sinkTo(sink)
                .name("sink under test");
        long start = System.nanoTime();
        try {
            env.execute("store-sink-benchmark");
        } finally {
            ENTRIES.remove(key);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A job of one record into a discarding sink: Flink's own start-up and shutdown. */
    static Duration startup() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSequence(0, 0).sinkTo(new DiscardingSink<>());
        long start = System.nanoTime();
        env.execute("start-up");
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Prompts, responses and sessions of generated traffic, through the text stage. */
    static List<EnrichedEvent> workload(int events) throws Exception {
        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults("p", "r", "s").withRatios(0.0, 0.0),
                        Clock.systemUTC());
        TextEnricher text = new TextEnricher(TextOptions.defaults());
        List<EnrichedEvent> enriched = new ArrayList<>();
        for (TestRecord record : generator.take(events)) {
            EventType type =
                    switch (record.topic()) {
                        case "p" -> EventType.PROMPT;
                        case "r" -> EventType.RESPONSE;
                        default -> EventType.SESSION;
                    };
            InboundEvent event =
                    EventJson.bind(
                            EventJson.mapper(),
                            EventJson.mapper().readTree(record.value()),
                            type,
                            new EventOrigin(record.topic(), 0, 0L, 0L, null, null, Instant.now()));
            enriched.add(new EnrichedEvent(event, text.enrich(event)));
        }
        return enriched;
    }

    private StoreSinksBenchmark() {}
}
