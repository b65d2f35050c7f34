package dev.memorygraph.streaming;

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
import dev.memorygraph.sinks.neo4j.CypherBatch;
import dev.memorygraph.sinks.neo4j.GraphSchema;
import dev.memorygraph.sinks.neo4j.Neo4jConnection;
import dev.memorygraph.sinks.neo4j.Neo4jSink;
import dev.memorygraph.sinks.neo4j.Neo4jTestSupport;
import dev.memorygraph.sinks.neo4j.Neo4jTestSupport.CollectingDeadLetterQueue;
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
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

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

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 40_000);
        List<GraphMutation> mutations = mutations(events);
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
            plainClient(driver, mutations.subList(0, Math.min(20_000, mutations.size())));
            Neo4jTestSupport.wipe(driver);
            sink(neo4j, mutations.subList(0, Math.min(20_000, mutations.size())), 1);

            Duration overhead = jobOverhead(neo4j, mutations.get(0));
            System.out.printf("job start-up and shutdown: %,d ms%n", overhead.toMillis());
            double plain = 0;
            double sink1 = 0;
            double sink1Net = 0;
            double sink2 = 0;
            for (int round = 1; round <= 2; round++) {
                Neo4jTestSupport.wipe(driver);
                plain =
                        Math.max(
                                plain,
                                report(
                                        "plain driver client",
                                        mutations.size(),
                                        plainClient(driver, mutations)));
                Neo4jTestSupport.wipe(driver);
                Duration took = sink(neo4j, mutations, 1);
                sink1 = Math.max(sink1, report("Neo4jSink, parallelism 1", mutations.size(), took));
                sink1Net =
                        Math.max(
                                sink1Net,
                                report(
                                        "  same, less job start-up",
                                        mutations.size(),
                                        took.minus(overhead)));
                Neo4jTestSupport.wipe(driver);
                sink2 =
                        Math.max(
                                sink2,
                                report(
                                        "Neo4jSink, parallelism 2",
                                        mutations.size(),
                                        sink(neo4j, mutations, 2)));
            }
            System.out.printf(
                    "%nRESULT plain client %,.0f mutations/s | Neo4jSink p1 %,.0f mutations/s"
                            + " (ratio %.2f; %.2f without job start-up) | Neo4jSink p2 %,.0f"
                            + " mutations/s (ratio %.2f)%n",
                    plain, sink1, sink1 / plain, sink1Net / plain, sink2, sink2 / plain);
            System.out.printf(
                    "graph after the last run: %s nodes by label%n",
                    Neo4jTestSupport.nodeCounts(driver));
        }
        System.exit(0);
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

    static Duration sink(EmbeddedNeo4j neo4j, List<GraphMutation> mutations, int parallelism)
            throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(PipelineOptions.OBJECT_REUSE, true);
        config.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        DataStream<GraphMutation> source =
                env.fromData(mutations, GraphMutationTypeInfo.INSTANCE).setParallelism(1);
        // As in the job, where graph extraction is chained to the sink; two sinks need a shuffle.
        (parallelism == 1 ? source : source.rebalance())
                .sinkTo(
                        Neo4jSink.builder()
                                .setConnection(
                                        Neo4jConnection.unauthenticated(neo4j.boltUri().toString()))
                                .setDeadLetterQueue(new CollectingDeadLetterQueue("bench"))
                                .setBootstrapSchema(false)
                                .build())
                .name("Neo4j");
        long start = System.nanoTime();
        env.execute("neo4j-sink-benchmark");
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Submitting and finishing a job that writes one mutation: the sink's fixed cost. */
    static Duration jobOverhead(EmbeddedNeo4j neo4j, GraphMutation one) throws Exception {
        return sink(neo4j, List.of(one), 1);
    }

    /** Graph mutations of generated traffic, FOLLOWS in session order. */
    static List<GraphMutation> mutations(int events) throws Exception {
        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults("p", "r", "s").withRatios(0.0, 0.0),
                        Clock.systemUTC());
        TextEnricher text = new TextEnricher();
        GraphExtractor extractor = new GraphExtractor();
        Map<String, List<InboundEvent>> promptsBySession = new HashMap<>();
        List<GraphMutation> mutations = new ArrayList<>();
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
            mutations.addAll(extractor.extract(new EnrichedEvent(event, text.enrich(event))));
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
                        GraphMutation.sequenceLink(
                                RelationshipType.FOLLOWS,
                                prompts.get(i - 1).eventId(),
                                prompts.get(i).eventId(),
                                Map.of(),
                                prompts.get(i).eventId()));
            }
        }
        return mutations;
    }
}
