package dev.memorygraph.streaming;

import dev.memorygraph.core.config.CommandLineConfig;
import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.rollup.Rollup;
import dev.memorygraph.operators.dedup.DedupOptions;
import dev.memorygraph.operators.dedup.DedupStage;
import dev.memorygraph.operators.dlq.DeadLetterSink;
import dev.memorygraph.operators.dlq.KafkaDeadLetterQueue;
import dev.memorygraph.operators.embed.EmbeddingOptions;
import dev.memorygraph.operators.embed.EmbeddingStage;
import dev.memorygraph.operators.erasure.ErasureOptions;
import dev.memorygraph.operators.erasure.ErasureStage;
import dev.memorygraph.operators.graph.GraphOptions;
import dev.memorygraph.operators.graph.GraphStage;
import dev.memorygraph.operators.ingest.IngestSource;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.metadata.MetadataOptions;
import dev.memorygraph.operators.metadata.MetadataStage;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.operators.pii.PiiStage;
import dev.memorygraph.operators.reconcile.KafkaReconciliationQueue;
import dev.memorygraph.operators.reenrich.ReEnrichmentRecords;
import dev.memorygraph.operators.reenrich.ReEnrichmentSink;
import dev.memorygraph.operators.rollup.RollupOptions;
import dev.memorygraph.operators.rollup.RollupStage;
import dev.memorygraph.operators.tenant.TenantOptions;
import dev.memorygraph.operators.tenant.TenantStage;
import dev.memorygraph.operators.text.TextOptions;
import dev.memorygraph.operators.text.TextStage;
import dev.memorygraph.operators.validate.ValidationOptions;
import dev.memorygraph.operators.validate.ValidationStage;
import dev.memorygraph.sinks.base.RetriesExhausted;
import dev.memorygraph.sinks.base.StoreSink;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchSink;
import dev.memorygraph.sinks.elasticsearch.EventDocuments;
import dev.memorygraph.sinks.elasticsearch.IndexAction;
import dev.memorygraph.sinks.influxdb.EventPoints;
import dev.memorygraph.sinks.influxdb.InfluxDbOptions;
import dev.memorygraph.sinks.influxdb.InfluxDbSink;
import dev.memorygraph.sinks.influxdb.LinePoint;
import dev.memorygraph.sinks.influxdb.RollupPoints;
import dev.memorygraph.sinks.neo4j.Neo4jOptions;
import dev.memorygraph.sinks.neo4j.Neo4jSink;
import dev.memorygraph.sinks.pinecone.EventVectors;
import dev.memorygraph.sinks.pinecone.PineconeOptions;
import dev.memorygraph.sinks.pinecone.PineconeSink;
import dev.memorygraph.sinks.pinecone.VectorRecord;
import java.time.Clock;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory-graph streaming job: Kafka events, validation (invalid records to the dead-letter
 * topic), dedup by event id, text features, PII, the Parquet event lake, and the memory graph in
 * Neo4j.
 *
 * <p>The job takes all of its I/O from the caller ({@link Io}): the source, the dead-letter sink
 * and the stores. Tests run the same graph on bounded test I/O; {@link #fromConfig} wires the
 * production Kafka, lake and Neo4j I/O. Runtime mode, checkpointing and state backend come from the
 * Flink configuration, never from code.
 */
public final class StreamingJob {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingJob.class);

    public static final String JOB_NAME = "memory-graph-streaming";
    public static final String NEO4J_SINK_UID = "neo4j-sink";
    public static final String NEO4J_RESPONSE_SINK_UID = "neo4j-response-sink";
    public static final String NEO4J_REFERENCE_SINK_UID = "neo4j-reference-sink";
    public static final String ELASTICSEARCH_SINK_UID = "elasticsearch-sink";
    public static final String SEARCH_DOCUMENTS_UID = "search-documents";
    public static final String INFLUXDB_SINK_UID = "influxdb-sink";
    public static final String TIME_SERIES_POINTS_UID = "time-series-points";
    public static final String ROLLUP_POINTS_UID = "rollup-points";
    public static final String PINECONE_SINK_UID = "pinecone-sink";
    public static final String PROMPT_VECTORS_UID = "prompt-vectors";

    /**
     * Everything the job reads and writes. {@code graph} holds the graph sinks (see {@link
     * GraphSinks}); it is null when the graph is not written. {@code search} is the full-text store
     * (Elasticsearch), {@code timeSeries} the time-series store (InfluxDB) and {@code vectors} the
     * vector store (Pinecone), each null when it is off; {@code reenrich} takes the events that
     * went on with partial data (null: none is kept). The sinks are set on the operators with the
     * uids the README lists.
     */
    public record Io(
            Source<RawEvent, ?, ?> source,
            WatermarkStrategy<RawEvent> watermarks,
            Sink<DeadLetter> deadLetters,
            Sink<EnrichedEvent> lake,
            GraphSinks graph,
            Sink<IndexAction> search,
            Sink<LinePoint> timeSeries,
            Sink<VectorRecord> vectors,
            Sink<EnrichedEvent> reenrich) {

        public Io {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(watermarks, "watermarks");
            Objects.requireNonNull(deadLetters, "deadLetters");
            Objects.requireNonNull(lake, "lake");
        }

        /** Without a vector store. */
        public Io(
                Source<RawEvent, ?, ?> source,
                WatermarkStrategy<RawEvent> watermarks,
                Sink<DeadLetter> deadLetters,
                Sink<EnrichedEvent> lake,
                GraphSinks graph,
                Sink<IndexAction> search,
                Sink<LinePoint> timeSeries) {
            this(source, watermarks, deadLetters, lake, graph, search, timeSeries, null, null);
        }

        /** This I/O without the time-series store. */
        public Io withoutTimeSeries() {
            return new Io(
                    source, watermarks, deadLetters, lake, graph, search, null, vectors, reenrich);
        }
    }

    /**
     * The three graph sinks, one per stream of {@link GraphStage}: a session's writes, responses,
     * and shared reference data.
     */
    public record GraphSinks(
            Sink<GraphMutation> sessions,
            Sink<GraphMutation> responses,
            Sink<GraphMutation> reference) {

        public GraphSinks {
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(responses, "responses");
            Objects.requireNonNull(reference, "reference");
        }
    }

    private final Configuration config;
    private final Io io;
    private final Clock clock;

    public StreamingJob(Configuration config, Io io, Clock clock) {
        this.config = config;
        this.io = io;
        this.clock = clock;
    }

    /**
     * The job with production I/O, as {@code flink run} starts it. Every option is checked here,
     * before a job graph exists; a missing or invalid one fails with its key in the message.
     */
    public static StreamingJob fromConfig(Configuration config) {
        StreamingJobOptions.validate(config);
        return new StreamingJob(config, productionIo(config), Clock.systemUTC());
    }

    /** Kafka in and out, the lake under {@code lake.path}, the graph in Neo4j if enabled. */
    public static Io productionIo(Configuration config) {
        return new Io(
                IngestSource.create(config),
                IngestSource.watermarks(config),
                DeadLetterSink.create(config),
                EventLake.sink(config),
                config.get(Neo4jOptions.ENABLED)
                        ? new GraphSinks(
                                neo4jSink(config, false),
                                neo4jSink(config, true),
                                neo4jSink(config, true))
                        : null,
                config.get(ElasticsearchOptions.ENABLED) ? elasticsearchSink(config) : null,
                config.get(InfluxDbOptions.ENABLED) ? influxDbSink(config) : null,
                vectorStoreOn(config) ? pineconeSink(config) : null,
                ReEnrichmentSink.create(config));
    }

    /** The Elasticsearch sink from {@code elasticsearch.*}, with the job's queues. */
    public static ElasticsearchSink elasticsearchSink(Configuration config) {
        return withQueues(
                        ElasticsearchSink.builder().fromConfig(config),
                        config,
                        ElasticsearchOptions.ON_RETRIES_EXHAUSTED)
                .build();
    }

    /** The InfluxDB sink from {@code influxdb.*}, with the job's queues. */
    public static InfluxDbSink influxDbSink(Configuration config) {
        return withQueues(
                        InfluxDbSink.builder().fromConfig(config),
                        config,
                        InfluxDbOptions.ON_RETRIES_EXHAUSTED)
                .build();
    }

    /** The Pinecone sink from {@code pinecone.*}, with the job's queues. */
    public static PineconeSink pineconeSink(Configuration config) {
        return withQueues(
                        PineconeSink.builder().fromConfig(config),
                        config,
                        PineconeOptions.ON_RETRIES_EXHAUSTED)
                .build();
    }

    /** The Neo4j sink from {@code neo4j.*}, with the job's queues. */
    public static Neo4jSink neo4jSink(Configuration config, boolean transactionPerStatement) {
        return withQueues(
                        Neo4jSink.builder()
                                .fromConfig(config)
                                .setTransactionPerStatement(transactionPerStatement),
                        config,
                        Neo4jOptions.ON_RETRIES_EXHAUSTED)
                .build();
    }

    /**
     * A store sink's builder with the job's dead-letter topic, and the reconciliation topic when
     * the store's {@code on-retries-exhausted} is {@code RECONCILE}.
     */
    static <B extends StoreSink.Builder<?, ?, B>> B withQueues(
            B builder, Configuration config, ConfigOption<RetriesExhausted> onRetriesExhausted) {
        builder.setDeadLetterQueue(KafkaDeadLetterQueue.fromConfig(config));
        if (config.get(onRetriesExhausted) == RetriesExhausted.RECONCILE) {
            builder.setReconciliationQueue(KafkaReconciliationQueue.fromConfig(config));
        }
        return builder;
    }

    /**
     * Whether the job upserts prompt vectors to Pinecone: {@code pinecone.enabled} and the
     * embedding stage on (the log says which, and why not). The index dimension follows the
     * embedding model's; a {@code pinecone.index.dimension} that differs is refused.
     */
    static boolean vectorStoreOn(Configuration config) {
        if (!config.get(PineconeOptions.ENABLED)) {
            LOG.info("Pinecone sink: off (pinecone.enabled is false)");
            return false;
        }
        if (!config.get(EmbeddingOptions.ENABLED)) {
            pineconeSink(config);
            LOG.warn(
                    "Pinecone sink: off although pinecone.enabled is true, because"
                            + " embedding.enabled is false and events carry no vector; the"
                            + " pinecone.* options were checked");
            return false;
        }
        int dimension = EmbeddingOptions.fromConfig(config).dimension();
        java.util.Optional<Integer> configured = config.getOptional(PineconeOptions.DIMENSION);
        if (configured.isPresent() && configured.get() != dimension) {
            throw JobConfig.invalid(
                    PineconeOptions.DIMENSION.key(),
                    configured.get(),
                    "the embedding stage makes vectors of "
                            + dimension
                            + " (embedding.dimension); leave it unset or make them equal");
        }
        config.set(PineconeOptions.DIMENSION, dimension);
        LOG.info("Pinecone sink: on, {} dimensions", dimension);
        return true;
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
     * Stages 1–6: source, validation, dedup, tenant resolution, text features, the prompt–response
     * join, PII, embeddings, and the model registry with each response's cost (dead letters of
     * validation and PII to their sink). The join comes before PII so that a response gets its
     * prompt's tenant's policy. Everything downstream sees text only as that policy allows.
     */
    public DataStream<EnrichedEvent> enrich(StreamExecutionEnvironment env) {
        DataStream<RawEvent> raw =
                env.fromSource(io.source(), io.watermarks(), "Kafka events")
                        .uid(IngestSource.UID)
                        .name("Kafka events");
        ValidationStage.Output validated =
                ValidationStage.apply(
                        raw,
                        KafkaOptions.topics(config),
                        ValidationOptions.fromConfig(config),
                        clock);
        DataStream<InboundEvent> unique =
                DedupStage.apply(validated.valid(), DedupOptions.fromConfig(config));
        DataStream<InboundEvent> withTenants =
                TenantStage.apply(unique, TenantOptions.fromConfig(config));
        MetadataOptions metadata = MetadataOptions.fromConfig(config);
        DataStream<EnrichedEvent> enriched =
                MetadataStage.join(
                        MetadataStage.lookUpUsers(
                                TextStage.apply(withTenants, TextOptions.fromConfig(config)),
                                metadata),
                        metadata);
        // an erased user's events stop here, before PII, embeddings and every store
        enriched = ErasureStage.apply(enriched, ErasureOptions.fromConfig(config));
        DataStream<DeadLetter> letters = validated.deadLetters();
        if (config.get(PiiOptions.ENABLED)) {
            PiiStage.Output pii = PiiStage.apply(enriched, PiiOptions.fromConfig(config));
            enriched = pii.events();
            letters = letters.union(pii.deadLetters());
        }
        if (config.get(EmbeddingOptions.ENABLED)) {
            enriched = EmbeddingStage.apply(enriched, EmbeddingOptions.fromConfig(config));
        }
        enriched = MetadataStage.lookUpModels(enriched, metadata);
        letters.sinkTo(io.deadLetters()).uid(DeadLetterSink.UID).name("Dead-letter queue");
        return enriched;
    }

    /**
     * Stages 7–8: the event lake, and graph extraction into the graph sink when there is one. A
     * mutation the store rejects for good goes to the dead-letter topic from inside the sink.
     */
    public void writeStores(DataStream<EnrichedEvent> enriched) {
        enriched.sinkTo(io.lake()).uid(EventLake.SINK_UID).name("Event lake (Parquet)");
        if (io.reenrich() != null) {
            enriched.filter(ReEnrichmentRecords::needed)
                    .uid(ReEnrichmentSink.FILTER_UID)
                    .name("Events with partial data")
                    .sinkTo(io.reenrich())
                    .uid(ReEnrichmentSink.UID)
                    .name("Re-enrichment topic");
        }
        if (io.search() != null) {
            enriched.flatMap(new SearchDocuments(config.get(ElasticsearchOptions.INDEX)))
                    .returns(TypeInformation.of(IndexAction.class))
                    .uid(SEARCH_DOCUMENTS_UID)
                    .name("Search documents")
                    .sinkTo(io.search())
                    .uid(ELASTICSEARCH_SINK_UID)
                    .name("Elasticsearch");
        }
        if (io.timeSeries() != null) {
            RollupOptions rollups = RollupOptions.fromConfig(config);
            writeTimeSeries(
                    enriched,
                    io.timeSeries(),
                    rollups.enabled() ? RollupStage.live(enriched, rollups) : null);
        }
        if (io.vectors() != null) {
            enriched.flatMap(
                            new PromptVectors(
                                    config.get(PineconeOptions.DEFAULT_NAMESPACE),
                                    config.get(PineconeOptions.DIMENSION)))
                    .returns(TypeInformation.of(VectorRecord.class))
                    .uid(PROMPT_VECTORS_UID)
                    .name("Prompt vectors")
                    .sinkTo(io.vectors())
                    .uid(PINECONE_SINK_UID)
                    .name("Pinecone");
        }
        if (io.graph() != null) {
            GraphStage.Output graph = GraphStage.apply(enriched, GraphOptions.fromConfig(config));
            graph.sessions().sinkTo(io.graph().sessions()).uid(NEO4J_SINK_UID).name("Neo4j graph");
            graph.responses()
                    .sinkTo(io.graph().responses())
                    .uid(NEO4J_RESPONSE_SINK_UID)
                    .name("Neo4j responses");
            graph.reference()
                    .sinkTo(io.graph().reference())
                    .uid(NEO4J_REFERENCE_SINK_UID)
                    .name("Neo4j reference data");
        }
    }

    /** Prompts and responses as points into {@code sink}, with the uids the README lists. */
    public static void writeTimeSeries(DataStream<EnrichedEvent> enriched, Sink<LinePoint> sink) {
        writeTimeSeries(enriched, sink, null);
    }

    /**
     * {@link #writeTimeSeries(DataStream, Sink)}, and {@code rollups} ({@link RollupPoints},
     * measurement {@code llm_rollups}) into the same sink when not {@code null}.
     */
    public static void writeTimeSeries(
            DataStream<EnrichedEvent> enriched, Sink<LinePoint> sink, DataStream<Rollup> rollups) {
        DataStream<LinePoint> points =
                enriched.flatMap(new TimeSeriesPoints())
                        .returns(TypeInformation.of(LinePoint.class))
                        .uid(TIME_SERIES_POINTS_UID)
                        .name("Time-series points");
        if (rollups != null) {
            points =
                    points.union(
                            rollups.map(new RollupPoints())
                                    .returns(TypeInformation.of(LinePoint.class))
                                    .uid(ROLLUP_POINTS_UID)
                                    .name("Rollup points"));
        }
        points.sinkTo(sink).uid(INFLUXDB_SINK_UID).name("InfluxDB");
    }

    /**
     * Parses {@code --key value} arguments, overlays the cluster's configuration and {@code -D}
     * options (which win), checks every option, shows them (secrets masked) in the web UI, and runs
     * the job.
     */
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration config =
                JobConfig.resolve(CommandLineConfig.parse(args), env.getConfiguration());
        StreamingJob job = fromConfig(config);
        JobConfig.publish(env, config);
        job.build(env);
        env.execute(JOB_NAME);
    }

    /**
     * Prompts and responses as full-text documents ({@link EventDocuments}); sessions have none.
     */
    static final class SearchDocuments implements FlatMapFunction<EnrichedEvent, IndexAction> {
        private static final long serialVersionUID = 1L;

        private final EventDocuments documents;

        SearchDocuments(String alias) {
            this.documents = new EventDocuments(alias);
        }

        @Override
        public void flatMap(EnrichedEvent event, Collector<IndexAction> out) {
            IndexAction action = documents.toAction(event);
            if (action != null) {
                out.collect(action);
            }
        }
    }

    /** Prompts and responses as time-series points ({@link EventPoints}); sessions have none. */
    static final class TimeSeriesPoints implements FlatMapFunction<EnrichedEvent, LinePoint> {
        private static final long serialVersionUID = 1L;

        private final EventPoints points = new EventPoints();

        @Override
        public void flatMap(EnrichedEvent event, Collector<LinePoint> out) {
            LinePoint point = points.toPoint(event);
            if (point != null) {
                out.collect(point);
            }
        }
    }

    /** Prompts with an embedding as Pinecone vectors ({@link EventVectors}); the rest have none. */
    static final class PromptVectors implements FlatMapFunction<EnrichedEvent, VectorRecord> {
        private static final long serialVersionUID = 1L;

        private final EventVectors vectors;

        PromptVectors(String defaultNamespace, int dimension) {
            this.vectors = new EventVectors(defaultNamespace, dimension);
        }

        @Override
        public void flatMap(EnrichedEvent event, Collector<VectorRecord> out) {
            if (event.embedding() != null) {
                VectorRecord record = vectors.toRecord(event, event.embedding().vector());
                if (record != null) {
                    out.collect(record);
                }
            }
        }
    }
}
