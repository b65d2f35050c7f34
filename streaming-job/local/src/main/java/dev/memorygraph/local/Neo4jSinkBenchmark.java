package dev.memorygraph.local;

import dev.memorygraph.core.metrics.MetricNames;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.EventOrigin;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.GraphMutationTypeInfoFactory.GraphMutationTypeInfo;
import dev.memorygraph.model.graph.RelationshipType;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.graph.GraphExtractor;
import dev.memorygraph.operators.text.TextEnricher;
import dev.memorygraph.operators.text.TextOptions;
import dev.memorygraph.sinks.neo4j.CypherBatch;
import dev.memorygraph.sinks.neo4j.GraphSchema;
import dev.memorygraph.sinks.neo4j.Neo4jConnection;
import dev.memorygraph.sinks.neo4j.Neo4jSink;
import dev.memorygraph.sinks.neo4j.internal.Neo4jBatchClient;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.async.AsyncSession;

/**
 * Neo4j sink throughput against a plain driver client sending the same UNWIND batches, in one run,
 * on one Neo4j 5.26 server with the schema (constraints and indexes) in place.
 *
 * <p>Mutations come from the traffic generator through the real text enrichment and graph
 * extraction, with FOLLOWS links in session order. The plain client runs the statements of {@link
 * CypherBatch} in one {@code executeWrite} per batch of 1,000, sequentially; the sink runs as a
 * Flink job (source of pre-built mutations, parallelism 1, then 2). The graph is wiped between
 * runs; each configuration runs twice and the better run counts.
 *
 * <p>System properties: {@code bench.events} (default 40,000 events).
 */
public final class Neo4jSinkBenchmark {

    private static final TestingDeadLetterQueue DEAD_LETTERS =
            new TestingDeadLetterQueue("neo4j-benchmark");

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 40_000);
        List<Tuple2<String, GraphMutation>> workload = workload(events);
        List<GraphMutation> mutations = workload.stream().map(t -> t.f1).toList();
        System.out.printf(
                "%d events -> %d graph mutations (%.1f per event)%n",
                events, mutations.size(), mutations.size() / (double) events);

        Path home = Files.createTempDirectory("memory-graph-neo4j-bench-");
        try (EmbeddedNeo4j neo4j =
                        EmbeddedNeo4j.builder(home)
                                .heap("1g")
                                .pageCache("512m")
                                .deleteOnClose(true)
                                .start();
                Driver driver = GraphDatabase.driver(neo4j.boltUri().toString())) {
            GraphSchema.apply(driver, "neo4j", Duration.ofMinutes(5));
            // Warm the server and both code paths.
            List<Tuple2<String, GraphMutation>> warm =
                    workload.subList(0, Math.min(20_000, workload.size()));
            plainClient(driver, mutations.subList(0, warm.size()));
            wipe(driver);
            sink(neo4j, warm, 1, true);

            Duration overhead = sink(neo4j, workload.subList(0, 1), 1, true).took();
            System.out.printf("job start-up and shutdown: %,d ms%n", overhead.toMillis());
            double plain = 0;
            double pipelined = 0;
            Run p1 = null;
            Run p2 = null;
            Run p2Uncached = null;
            for (int round = 1; round <= 2; round++) {
                wipe(driver);
                plain =
                        Math.max(
                                plain,
                                report(
                                        "plain driver client",
                                        mutations.size(),
                                        plainClient(driver, mutations)));
                wipe(driver);
                pipelined =
                        Math.max(
                                pipelined,
                                report(
                                        "  plain client, pipelined",
                                        mutations.size(),
                                        plainClient(driver, mutations, true)));
                wipe(driver);
                p1 = better(p1, sink(neo4j, workload, 1, true).print("Neo4jSink, parallelism 1"));
                wipe(driver);
                p2 = better(p2, sink(neo4j, workload, 2, true).print("Neo4jSink, parallelism 2"));
                wipe(driver);
                p2Uncached =
                        better(
                                p2Uncached,
                                sink(neo4j, workload, 2, false).print("  p2, reference cache off"));
            }
            double p1Net = mutations.size() / (p1.took().minus(overhead).toNanos() / 1e9);
            System.out.printf(
                    "%nRESULT plain client %,.0f mutations/s | Neo4jSink p1 %,.0f mutations/s"
                            + " (ratio %.2f; %.2f without job start-up) | Neo4jSink p2 %,.0f"
                            + " mutations/s (ratio %.2f, p2/p1 %.2f) | p2 cache off %,.0f"
                            + " mutations/s%n",
                    plain,
                    p1.rate(),
                    p1.rate() / plain,
                    p1Net / plain,
                    p2.rate(),
                    p2.rate() / plain,
                    p2.rate() / p1.rate(),
                    p2Uncached.rate());
            System.out.printf(
                    "RESULT mutations sent per event: %.2f with the reference cache, %.2f without"
                            + " | deadlock retries per 100,000 mutations: p1 %.1f, p2 %.1f, p2"
                            + " cache off %.1f%n",
                    p2.sentPerEvent(events),
                    p2Uncached.sentPerEvent(events),
                    p1.contentionPer100k(),
                    p2.contentionPer100k(),
                    p2Uncached.contentionPer100k());
            int transactions = 0;
            int statements = 0;
            for (int from = 0; from < mutations.size(); from += 1000, transactions++) {
                statements +=
                        CypherBatch.plan(
                                        mutations.subList(
                                                from, Math.min(from + 1000, mutations.size())))
                                .size();
            }
            double perTransaction = statements / (double) transactions;
            System.out.printf(
                    "RESULT statements per 1,000-mutation transaction: %.1f | round trips per"
                            + " transaction: %.1f one after another (a RUN and PULL each, then"
                            + " COMMIT), 2 pipelined | plain client pipelined/sequential %.2f%n",
                    perTransaction, perTransaction + 1, pipelined / plain);
            System.out.printf(
                    "graph after the last run: %s nodes; %d dead letters%n",
                    nodeCount(driver), DEAD_LETTERS.sent().size());
        }
        System.exit(0);
    }

    /** One sink run: its time and the sink's own counters. */
    record Run(
            int mutations,
            Duration took,
            long contentionRetries,
            long transientRetries,
            long skipped) {

        double rate() {
            return mutations / (took.toNanos() / 1e9);
        }

        double contentionPer100k() {
            return contentionRetries * 100_000.0 / mutations;
        }

        double sentPerEvent(int events) {
            return (mutations - skipped) / (double) events;
        }

        Run print(String what) {
            System.out.printf(
                    "%-28s %,d mutations in %,d ms: %,.0f mutations/s; %,d sent; retries:"
                            + " %d contention, %d transient%n",
                    what,
                    mutations,
                    took.toMillis(),
                    rate(),
                    mutations - skipped,
                    contentionRetries,
                    transientRetries);
            return this;
        }
    }

    static Run better(Run best, Run run) {
        return best == null || run.rate() > best.rate() ? run : best;
    }

    static Neo4jSink sink(
            EmbeddedNeo4j neo4j, boolean referenceCache, boolean transactionPerStatement) {
        return Neo4jSink.builder()
                .setConnection(Neo4jConnection.unauthenticated(neo4j.boltUri().toString()))
                .setDeadLetterQueue(DEAD_LETTERS)
                .setBootstrapSchema(false)
                .setReferenceCacheEntries(referenceCache ? 100_000 : 0)
                .setTransactionPerStatement(transactionPerStatement)
                .build();
    }

    static void wipe(Driver driver) {
        try (Session session = driver.session()) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
        }
    }

    static long nodeCount(Driver driver) {
        try (Session session = driver.session()) {
            return session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
        }
    }

    static double report(String what, int mutations, Duration took) {
        double rate = mutations / (took.toNanos() / 1e9);
        System.out.printf(
                "%-28s %,d mutations in %,d ms: %,.0f mutations/s%n",
                what, mutations, took.toMillis(), rate);
        return rate;
    }

    /**
     * The baseline: the same statements, one transaction per 1,000 mutations, one after another.
     */
    static Duration plainClient(Driver driver, List<GraphMutation> mutations) {
        return plainClient(driver, mutations, false);
    }

    /**
     * The baseline with the statements of each transaction pipelined as the sink sends them ({@code
     * Neo4jBatchClient.runAll}), to measure what pipelining gives on its own.
     */
    static Duration plainClient(Driver driver, List<GraphMutation> mutations, boolean pipelined) {
        if (pipelined) {
            long start = System.nanoTime();
            AsyncSession session = driver.session(AsyncSession.class);
            for (int from = 0; from < mutations.size(); from += 1000) {
                List<CypherBatch.Statement> statements =
                        CypherBatch.plan(
                                mutations.subList(from, Math.min(from + 1000, mutations.size())));
                session.executeWriteAsync(tx -> Neo4jBatchClient.runAll(tx, statements))
                        .toCompletableFuture()
                        .join();
            }
            session.closeAsync().toCompletableFuture().join();
            return Duration.ofNanos(System.nanoTime() - start);
        }
        long start = System.nanoTime();
        try (Session session = driver.session()) {
            for (int from = 0; from < mutations.size(); from += 1000) {
                List<CypherBatch.Statement> statements =
                        CypherBatch.plan(
                                mutations.subList(from, Math.min(from + 1000, mutations.size())));
                session.executeWriteWithoutResult(
                        tx -> statements.forEach(s -> tx.run(s.query(), s.parameters()).consume()));
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * The sink in a Flink job, fed as in the streaming job (see {@code GraphStage}): a session's
     * writes partitioned by session, in extraction order, to one sink; reference data partitioned
     * by the shared node it writes to a second one.
     */
    static Run sink(
            EmbeddedNeo4j neo4j,
            List<Tuple2<String, GraphMutation>> workload,
            int parallelism,
            boolean referenceCache)
            throws Exception {
        Configuration config = Configuration.fromMap(BenchmarkMetrics.options());
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(PipelineOptions.OBJECT_REUSE, true);
        config.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        BenchmarkMetrics.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        TupleTypeInfo<Tuple2<String, GraphMutation>> type =
                new TupleTypeInfo<>(Types.STRING, GraphMutationTypeInfo.INSTANCE);
        DataStream<Tuple2<String, GraphMutation>> source =
                env.fromData(workload, type).setParallelism(1);
        source.filter(t -> !t.f1.isReference() && !t.f1.isResponseWrite())
                .name("session writes")
                .setParallelism(1)
                .partitionCustom(
                        (Partitioner<String>) (key, n) -> Math.floorMod(key.hashCode(), n),
                        new KeySelector<Tuple2<String, GraphMutation>, String>() {
                            @Override
                            public String getKey(Tuple2<String, GraphMutation> t) {
                                return t.f0;
                            }
                        })
                .map(t -> t.f1)
                .returns(GraphMutationTypeInfo.INSTANCE)
                .name("by session")
                .sinkTo(sink(neo4j, referenceCache, false))
                .name("Neo4j");
        source.filter(t -> t.f1.isResponseWrite())
                .name("response writes")
                .setParallelism(1)
                .map(t -> t.f1)
                .returns(GraphMutationTypeInfo.INSTANCE)
                .setParallelism(1)
                .keyBy(GraphMutation::responseKey, Types.STRING)
                .sinkTo(sink(neo4j, referenceCache, true))
                .name("Neo4j responses");
        source.filter(t -> t.f1.isReference())
                .name("reference writes")
                .setParallelism(1)
                .map(t -> t.f1)
                .returns(GraphMutationTypeInfo.INSTANCE)
                .setParallelism(1)
                .keyBy(GraphMutation::referenceKey, Types.STRING)
                .sinkTo(sink(neo4j, referenceCache, true))
                .name("Neo4j reference data");
        long start = System.nanoTime();
        env.execute("neo4j-sink-benchmark");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Run(
                workload.size(),
                took,
                BenchmarkMetrics.sum(
                        MetricNames.STORAGE_WRITE_RETRIES_TOTAL, "cause", "contention"),
                BenchmarkMetrics.sum(MetricNames.STORAGE_WRITE_RETRIES_TOTAL, "cause", "transient"),
                BenchmarkMetrics.sum(MetricNames.STORAGE_WRITES_SKIPPED, null, null));
    }

    /** Graph mutations of generated traffic, FOLLOWS in session order. */
    /** Mutations of {@code events} generated events, each with its session (its partition key). */
    static List<Tuple2<String, GraphMutation>> workload(int events) throws Exception {
        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults("p", "r", "s").withRatios(0.0, 0.0),
                        Clock.systemUTC());
        TextEnricher text = new TextEnricher(TextOptions.defaults());
        GraphExtractor extractor = new GraphExtractor();
        Map<String, List<InboundEvent>> promptsBySession = new HashMap<>();
        List<Tuple2<String, GraphMutation>> mutations = new ArrayList<>();
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
            String key = event.sessionId() != null ? event.sessionId() : event.eventId();
            for (GraphMutation m :
                    extractor.extract(new EnrichedEvent(event, text.enrich(event)))) {
                mutations.add(Tuple2.of(key, m));
            }
            if (type == EventType.PROMPT) {
                promptsBySession
                        .computeIfAbsent(event.sessionId(), k -> new ArrayList<>())
                        .add(event);
            }
        }
        for (List<InboundEvent> prompts : promptsBySession.values()) {
            prompts.sort(Comparator.comparing(InboundEvent::eventTime));
            for (int i = 1; i < prompts.size(); i++) {
                mutations.add(
                        Tuple2.of(
                                prompts.get(i).sessionId(),
                                GraphMutation.sequenceLink(
                                        RelationshipType.FOLLOWS,
                                        prompts.get(i - 1).eventId(),
                                        prompts.get(i).eventId(),
                                        Map.of(),
                                        prompts.get(i).eventId())));
            }
        }
        return mutations;
    }
}
