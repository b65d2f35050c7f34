package dev.memorygraph.local;

import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchSink;
import dev.memorygraph.sinks.influxdb.InfluxDbOptions;
import dev.memorygraph.sinks.influxdb.InfluxDbSink;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import dev.memorygraph.streaming.StreamingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The whole streaming job writing every store it has, end to end, on the MiniCluster (2 slots): ~2
 * KB generated events through validation, dedup, text, PII ({@code redact}), the lake, graph
 * extraction and the Neo4j, Elasticsearch and InfluxDB sinks against real servers (Neo4j 5.26,
 * Elasticsearch 8.19, QuestDB 9.3 in child JVMs on the same machine), against a parse-only job on
 * the same events in the same run. A second, unchained run of the full job samples each operator's
 * {@code busyTimeMsPerSecond} every second and prints each stage's share of the busy time. Pinecone
 * is not in the job until events carry embeddings.
 *
 * <p>System properties: {@code bench.events} (default 8,000), {@code bench.bytes} (default 1000).
 */
public final class JobBenchmark {

    private JobBenchmark() {}

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("bench.events", 8_000);
        int bytes = Integer.getInteger("bench.bytes", 1000);
        Path home = Files.createTempDirectory("memory-graph-job-bench-");
        System.out.printf(
                "Job benchmark: %,d events of ~%d bytes, parallelism 2, %d cores%n",
                events,
                SliceBenchmark.RecordPool.averageSize(bytes),
                Runtime.getRuntime().availableProcessors());
        try (EmbeddedNeo4j neo4j =
                        EmbeddedNeo4j.builder(home.resolve("neo4j"))
                                .heap("1g")
                                .pageCache("256m")
                                .deleteOnClose(true)
                                .start();
                EmbeddedQuestDb questDb = EmbeddedQuestDb.start(home.resolve("questdb"), 0, true)) {
            String es = EmbeddedElasticsearch.shared().uri().toString();
            Stores stores = new Stores(neo4j, es, questDb);
            run("warm-up parse-only", events / 10, bytes, home, null, false);
            run("warm-up all stores", events / 10, bytes, home, stores, false);
            double parse = run("parse-only", events, bytes, home, null, false).rate();
            double all = run("all stores", events, bytes, home, stores, false).rate();
            Result unchained = run("all stores, unchained", events, bytes, home, stores, true);
            System.out.println();
            System.out.printf("RESULT parse-only %,.0f events/s%n", parse);
            System.out.printf(
                    "RESULT whole job, all stores %,.0f events/s (ratio to parse-only %.3f)%n",
                    all, all / parse);
            double total =
                    unchained.busy().values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.println("RESULT share of busy time by operator (unchained run):");
            unchained.busy().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(
                            e ->
                                    System.out.printf(
                                            "  %5.1f%%  %s%n",
                                            100 * e.getValue() / total, e.getKey()));
        }
        System.exit(0);
    }

    record Stores(EmbeddedNeo4j neo4j, String elasticsearch, EmbeddedQuestDb questDb) {}

    record Result(double rate, Map<String, Double> busy) {}

    private static Result run(
            String name, long events, int bytes, Path home, Stores stores, boolean unchained)
            throws Exception {
        String run = name.replace(' ', '-').replace(",", "");
        Configuration config =
                LocalJobConfig.create(
                        "unused:9092",
                        home.resolve("lake-" + run),
                        // a bounded job ends with final checkpoints of its committing sinks: keep
                        // the interval short so the end of input is not measured as throughput
                        Duration.ofSeconds(1),
                        home.resolve("checkpoints-" + run),
                        stores == null ? null : stores.neo4j().boltUri());
        config.addAll(Configuration.fromMap(BenchmarkMetrics.options()));
        config.setString("restart-strategy.type", "none");
        config.set(
                dev.memorygraph.operators.embed.EmbeddingOptions.ENABLED, false); // measured apart
        config.set(PipelineOptions.OPERATOR_CHAINING, !unchained);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        DataGeneratorSource<RawEvent> source =
                new DataGeneratorSource<>(
                        new SliceBenchmark.RecordPool(bytes),
                        events,
                        TypeInformation.of(RawEvent.class));
        if (stores == null) {
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "generated")
                    .map(SliceBenchmark::parseOnly)
                    .name("Parse JSON")
                    .sinkTo(new DiscardingSink<>());
        } else {
            config.set(PiiOptions.ENABLED, true);
            config.set(PiiOptions.DEFAULT_POLICY, "redact");
            config.set(ElasticsearchOptions.ENABLED, true);
            config.set(ElasticsearchOptions.HOSTS, List.of(stores.elasticsearch()));
            config.set(ElasticsearchOptions.INDEX, "bench-" + run);
            config.set(ElasticsearchOptions.TEXT_ANALYZER, "standard");
            config.set(InfluxDbOptions.ENABLED, true);
            config.set(InfluxDbOptions.URL, stores.questDb().uri().toString());
            TestingDeadLetterQueue letters = new TestingDeadLetterQueue("job-bench-" + run);
            new StreamingJob(
                            config,
                            new StreamingJob.Io(
                                    source,
                                    WatermarkStrategy.noWatermarks(),
                                    new DiscardingSink<>(),
                                    EventLake.sink(config),
                                    new StreamingJob.GraphSinks(
                                            neo4j(config, letters, false),
                                            neo4j(config, letters, true),
                                            neo4j(config, letters, true)),
                                    ElasticsearchSink.builder()
                                            .fromConfig(config)
                                            .setDeadLetterQueue(letters)
                                            .build(),
                                    InfluxDbSink.builder()
                                            .fromConfig(config)
                                            .setDeadLetterQueue(letters)
                                            .build()),
                            Clock.systemUTC())
                    .build(env);
        }
        long start = System.nanoTime();
        JobClient job = env.executeAsync(name);
        Map<String, Double> busy = BenchmarkMetrics.busyMillisUntilDone(job);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = events / seconds;
        System.out.printf(
                "%-24s %,d events in %.2f s = %,.0f events/s (job start-up included)%n",
                name, events, seconds, rate);
        return new Result(rate, busy);
    }

    private static dev.memorygraph.sinks.neo4j.Neo4jSink neo4j(
            Configuration config, TestingDeadLetterQueue letters, boolean perStatement) {
        return dev.memorygraph.sinks.neo4j.Neo4jSink.builder()
                .fromConfig(config)
                .setTransactionPerStatement(perStatement)
                .setDeadLetterQueue(letters)
                .build();
    }
}
