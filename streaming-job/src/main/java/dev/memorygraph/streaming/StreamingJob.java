package dev.memorygraph.streaming;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.operators.config.CommandLineConfig;
import dev.memorygraph.operators.dedup.DedupOptions;
import dev.memorygraph.operators.dedup.DedupStage;
import dev.memorygraph.operators.dlq.DeadLetterSink;
import dev.memorygraph.operators.dlq.KafkaDeadLetterQueue;
import dev.memorygraph.operators.graph.GraphStage;
import dev.memorygraph.operators.ingest.IngestSource;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.operators.pii.PiiStage;
import dev.memorygraph.operators.text.TextStage;
import dev.memorygraph.operators.validate.ValidationOptions;
import dev.memorygraph.operators.validate.ValidationStage;
import dev.memorygraph.sinks.neo4j.Neo4jOptions;
import dev.memorygraph.sinks.neo4j.Neo4jSink;
import java.time.Clock;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The memory-graph streaming job: Kafka events, validation (invalid records to the dead-letter
 * topic), dedup by event id, text features, the Parquet event lake, and the memory graph in Neo4j.
 *
 * <p>The job takes its source and dead-letter sink from the caller, so tests run the same graph on
 * bounded test I/O; {@link #main} wires the production Kafka I/O from configuration. Runtime mode,
 * checkpointing and state backend come from the Flink configuration, never from code.
 */
public final class StreamingJob {

    public static final String JOB_NAME = "memory-graph-streaming";
    public static final String NEO4J_SINK_UID = "neo4j-sink";

    private final Configuration config;
    private final Source<RawEvent, ?, ?> source;
    private final WatermarkStrategy<RawEvent> watermarks;
    private final Sink<DeadLetter> deadLetters;
    private final Clock clock;

    public StreamingJob(
            Configuration config,
            Source<RawEvent, ?, ?> source,
            WatermarkStrategy<RawEvent> watermarks,
            Sink<DeadLetter> deadLetters,
            Clock clock) {
        this.config = config;
        this.source = source;
        this.watermarks = watermarks;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** The job with production Kafka I/O, as {@code flink run} starts it. */
    public static StreamingJob fromConfig(Configuration config) {
        return new StreamingJob(
                config,
                IngestSource.create(config),
                IngestSource.watermarks(config),
                DeadLetterSink.create(config),
                Clock.systemUTC());
    }

    /**
     * Adds the job's operators to {@code env}: {@link #enrich} then {@link #writeStores}. Returns
     * the enriched stream for callers to extend.
     */
    public DataStream<EnrichedEvent> build(StreamExecutionEnvironment env) {
        DataStream<EnrichedEvent> enriched = enrich(env);
        writeStores(enriched);
        return enriched;
    }

    /**
     * Stages 1–6: source, validation, dedup, text features and PII (dead letters of validation and
     * PII to their sink). Everything downstream sees text only as the tenant's PII policy allows.
     */
    public DataStream<EnrichedEvent> enrich(StreamExecutionEnvironment env) {
        DataStream<RawEvent> raw =
                env.fromSource(source, watermarks, "Kafka events")
                        .uid(IngestSource.UID)
                        .name("Kafka events");
        ValidationStage.Output validated =
                ValidationStage.apply(
                        raw,
                        KafkaOptions.topics(config),
                        ValidationOptions.fromConfig(config),
                        clock);
        DataStream<InboundEvent> unique =
                DedupStage.apply(validated.valid(), config.get(DedupOptions.TTL));
        DataStream<EnrichedEvent> enriched = TextStage.apply(unique);
        DataStream<DeadLetter> letters = validated.deadLetters();
        if (config.get(PiiOptions.ENABLED)) {
            PiiStage.Output pii = PiiStage.apply(enriched, config);
            enriched = pii.events();
            letters = letters.union(pii.deadLetters());
        }
        letters.sinkTo(deadLetters).uid(DeadLetterSink.UID).name("Dead-letter queue");
        return enriched;
    }

    /**
     * Stages 7–8: the event lake, and graph extraction into Neo4j when {@code neo4j.enabled}. A
     * mutation Neo4j rejects for good goes to the dead-letter topic from inside the sink.
     */
    public void writeStores(DataStream<EnrichedEvent> enriched) {
        EventLake.write(enriched, config);
        if (config.get(Neo4jOptions.ENABLED)) {
            GraphStage.apply(enriched, config)
                    .sinkTo(
                            Neo4jSink.builder()
                                    .fromConfig(config)
                                    .setDeadLetterQueue(KafkaDeadLetterQueue.fromConfig(config))
                                    .build())
                    .uid(NEO4J_SINK_UID)
                    .name("Neo4j graph");
        }
    }

    public static void main(String[] args) throws Exception {
        Configuration config = CommandLineConfig.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        fromConfig(config).build(env);
        env.execute(JOB_NAME);
    }
}
