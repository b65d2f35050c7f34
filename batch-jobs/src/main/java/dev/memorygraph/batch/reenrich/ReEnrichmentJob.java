package dev.memorygraph.batch.reenrich;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.operators.embed.EmbeddingOptions;
import dev.memorygraph.operators.embed.EmbeddingStage;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.operators.metadata.MetadataOptions;
import dev.memorygraph.operators.metadata.MetadataStage;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.operators.pii.PiiStage;
import dev.memorygraph.operators.reconcile.ReconcileRange;
import dev.memorygraph.operators.reconcile.ReconcileTopic;
import dev.memorygraph.operators.reenrich.ReEnrichmentRecords;
import dev.memorygraph.streaming.StreamingJob;
import dev.memorygraph.streaming.StreamingJobOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The re-enrichment job (spec §2.2 "Schedule async enrichment job"): completes the events the
 * streaming job passed on with partial data because the embedding provider, the model registry or
 * the user directory did not answer, by running the same enrichment operators on them and writing
 * the results through the same sinks, in BATCH mode. Every sink is idempotent by event id, so the
 * stores end up as if the services had answered the first time.
 *
 * <p>Input ({@code reenrich.source}): {@code TOPIC} (default) reads {@code kafka.topic.reenrich}:
 * with {@code --from}/{@code --until} the records appended in that window, without what the group
 * {@code reenrich.group} has not done yet (committed when the run ends). {@code LAKE} reads the
 * lake's events of the window ({@code --from}/{@code --until} required) that lack something.
 *
 * <p>Each event has its retried flags cleared and goes through the operators it needs ({@link
 * #enrich}). Events still lacking something are written as far as they got and go to the topic
 * again, for the next run. InfluxDB gets the points of events whose tenant cannot have changed
 * only: a point's tags name its series, so a tenant found now would make a second point instead of
 * overwriting the first. A prompt whose tenant is found now keeps its old vector in Pinecone's
 * default namespace (the new one goes to its tenant's), and its responses keep the tenant they were
 * joined with.
 *
 * <p>Exit: {@code 0} every event complete; {@code 2} some still lack something (re-queued) or
 * records were unreadable (left in place, offsets not committed); {@code 1} the run failed (rerun
 * it); {@code 64} bad arguments or configuration.
 */
public final class ReEnrichmentJob {

    public static final String NAME = "memory-graph-reenrichment";
    static final String READ = "reenrich-read";
    static final String COMPLETE = "reenrich-complete";

    /**
     * Inside a run only: the event's user was missing (so its tenant, a series tag, may change).
     */
    static final String USER_RETRIED = "reenrich:user-retried";

    /** Inside a run only: the event's registry data was missing. */
    static final String REGISTRY_RETRIED = "reenrich:registry-retried";

    private ReEnrichmentJob() {}

    public static void main(String[] args) {
        BoundedJobs.main(NAME, args, (config, env) -> reEnrich(config, env).outcome());
    }

    /** What one run did. */
    public record Result(
            ReEnrichmentOptions.Source source,
            long read,
            long complete,
            long unreadable,
            boolean committed) {

        public long stillMissing() {
            return read - complete;
        }

        public BoundedJobs.Outcome outcome() {
            String summary =
                    source
                            + ": read "
                            + read
                            + ", complete "
                            + complete
                            + ", still missing (re-queued) "
                            + stillMissing()
                            + ", unreadable "
                            + unreadable
                            + (committed ? ", offsets committed" : "");
            boolean done = stillMissing() == 0 && unreadable == 0;
            return new BoundedJobs.Outcome(done ? ExitCode.SUCCESS : ExitCode.INCOMPLETE, summary);
        }
    }

    /** One run, on {@code env} (configured for BATCH by {@link BoundedJobs}). */
    public static Result reEnrich(Configuration config, StreamExecutionEnvironment env)
            throws Exception {
        StreamingJobOptions.validate(config);
        ReEnrichmentOptions.Source source = config.get(ReEnrichmentOptions.SOURCE);
        Optional<BoundedJobs.Window> window = BoundedJobs.window(config);
        ReconcileRange range = null;
        long unreadable = 0;
        DataStream<EnrichedEvent> events;
        if (source == ReEnrichmentOptions.Source.TOPIC) {
            String topic = config.get(KafkaOptions.REENRICH_TOPIC);
            range =
                    window.isPresent()
                            ? ReconcileTopic.between(
                                    config, topic, window.get().from(), window.get().until())
                            : ReconcileTopic.pending(
                                    config, topic, config.get(ReEnrichmentOptions.GROUP));
            AtomicLong bad = new AtomicLong();
            ReconcileTopic.scanRaw(
                    config,
                    range,
                    raw -> {
                        if (ReEnrichmentRecords.fromConsumerRecord(raw).isEmpty()) {
                            bad.incrementAndGet();
                        }
                    });
            unreadable = bad.get();
            if (range.isEmpty()) {
                return new Result(source, 0, 0, unreadable, false);
            }
            events =
                    env.fromSource(
                                    ReconcileTopic.source(
                                            config,
                                            range,
                                            config.get(ReEnrichmentOptions.GROUP) + "-reader",
                                            new RecordDeserializer()),
                                    WatermarkStrategy.noWatermarks(),
                                    "Re-enrichment topic")
                            .uid("reenrich-source")
                            .name("Re-enrichment topic");
        } else {
            BoundedJobs.Window w =
                    window.orElseThrow(
                            () ->
                                    JobConfig.invalid(
                                            BoundedJobs.FROM.key(),
                                            null,
                                            "reenrich.source LAKE needs --from and --until"));
            Instant from = w.from();
            Instant until = w.until();
            events =
                    EventLake.read(env, EventLakeOptions.path(config))
                            .filter(
                                    e ->
                                            ReEnrichmentRecords.needed(e)
                                                    && !e.event().eventTime().isBefore(from)
                                                    && e.event().eventTime().isBefore(until))
                            .uid("reenrich-lake-window")
                            .name("Lake events of the window that lack something");
        }

        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
        DataStream<EnrichedEvent> marked =
                enrich(
                        events.map(new Count(READ, false), TypeInformation.of(EnrichedEvent.class))
                                .uid("reenrich-count-read")
                                .name("Count read"),
                        config,
                        deadLetters);
        DataStream<EnrichedEvent> counted =
                marked.map(e -> cleared(e, List.of(USER_RETRIED)))
                        .returns(TypeInformation.of(EnrichedEvent.class))
                        .uid("reenrich-unmark")
                        .name("Unmark")
                        .map(new Count(COMPLETE, true), TypeInformation.of(EnrichedEvent.class))
                        .uid("reenrich-count-complete")
                        .name("Count complete");

        StreamingJob.Io production = StreamingJob.productionIo(config);
        new StreamingJob(config, production.withoutTimeSeries(), Clock.systemUTC())
                .writeStores(counted);
        for (DataStream<DeadLetter> letters : deadLetters) {
            letters.sinkTo(production.deadLetters())
                    .uid("reenrich-dlq-sink")
                    .name("Dead-letter queue");
        }
        if (production.timeSeries() != null) {
            StreamingJob.writeTimeSeries(
                    marked.filter(e -> !e.metadataOrNone().missing().contains(USER_RETRIED))
                            .uid("reenrich-series-unchanged")
                            .name("Events whose series is unchanged"),
                    production.timeSeries());
        }
        JobExecutionResult result = env.execute(NAME);
        long read = BoundedJobs.counter(result, READ);
        long complete = BoundedJobs.counter(result, COMPLETE);
        boolean commit =
                source == ReEnrichmentOptions.Source.TOPIC && window.isEmpty() && unreadable == 0;
        if (commit) {
            ReconcileTopic.commit(config, config.get(ReEnrichmentOptions.GROUP), range);
        }
        return new Result(source, read, complete, unreadable, commit);
    }

    /**
     * The same enrichment operators as the streaming job, each on the events that need it, after
     * the retried flags are cleared (an operator that fails again sets its flag again):
     *
     * <ol>
     *   <li>the user lookup, for every event;
     *   <li>the PII stage again for a prompt that had no tenant and has one now: its text went
     *       through {@code pii.policy.default} and must go through its tenant's policy (its old
     *       vector was made of that text, so it is embedded again);
     *   <li>the embedding stage, for the events whose vector is missing;
     *   <li>the registry lookup and the cost, only for the events whose registry data was missing
     *       (the others keep the price they got, so a run never reprices history).
     * </ol>
     *
     * Dead letters of the PII stage go to {@code deadLetters}.
     */
    static DataStream<EnrichedEvent> enrich(
            DataStream<EnrichedEvent> events,
            Configuration config,
            List<DataStream<DeadLetter>> deadLetters) {
        MetadataOptions metadata = MetadataOptions.fromConfig(config);
        DataStream<EnrichedEvent> out =
                MetadataStage.lookUpUsers(
                        events.map(ReEnrichmentJob::retried)
                                .returns(TypeInformation.of(EnrichedEvent.class))
                                .uid("reenrich-clear")
                                .name("Clear the retried flags"),
                        metadata);
        boolean embeddings = config.get(EmbeddingOptions.ENABLED);
        if (config.get(PiiOptions.ENABLED)) {
            PiiOptions pii = PiiOptions.fromConfig(config);
            out =
                    only(
                            out,
                            ReEnrichmentJob::tenantFound,
                            "reenrich-pii",
                            found -> {
                                PiiStage.Output policed = PiiStage.apply(found, pii);
                                deadLetters.add(policed.deadLetters());
                                return policed.events()
                                        .map(e -> embeddings ? toEmbedAgain(e) : e)
                                        .returns(TypeInformation.of(EnrichedEvent.class))
                                        .uid("reenrich-pii-vector")
                                        .name("Vector of the policed text");
                            });
        }
        if (embeddings) {
            EmbeddingOptions options = EmbeddingOptions.fromConfig(config);
            out =
                    only(
                            out,
                            ReEnrichmentJob::vectorMissing,
                            "reenrich-embedding",
                            missing ->
                                    EmbeddingStage.apply(
                                            missing.map(ReEnrichmentJob::embeddingCleared)
                                                    .returns(
                                                            TypeInformation.of(EnrichedEvent.class))
                                                    .uid("reenrich-clear-embedding")
                                                    .name("Clear the embedding flag"),
                                            options));
        }
        return only(
                        out,
                        ReEnrichmentJob::registryRetried,
                        "reenrich-registry",
                        missing -> MetadataStage.lookUpModels(missing, metadata))
                .map(ReEnrichmentJob::registryUnmarked)
                .returns(TypeInformation.of(EnrichedEvent.class))
                .uid("reenrich-unmark-registry")
                .name("Unmark");
    }

    /** {@code stage} on the events {@code which} selects; the others pass around it. */
    private static DataStream<EnrichedEvent> only(
            DataStream<EnrichedEvent> events,
            FilterFunction<EnrichedEvent> which,
            String uid,
            UnaryOperator<DataStream<EnrichedEvent>> stage) {
        DataStream<EnrichedEvent> selected =
                events.filter(which).uid(uid + "-in").name(uid + ": selected");
        DataStream<EnrichedEvent> others =
                events.filter(e -> !which.filter(e)).uid(uid + "-around").name(uid + ": others");
        return stage.apply(selected).union(others);
    }

    /** A prompt that had no tenant before this run and has one now. */
    static boolean tenantFound(EnrichedEvent event) {
        return event.metadataOrNone().missing().contains(USER_RETRIED) && event.tenantId() != null;
    }

    static boolean vectorMissing(EnrichedEvent event) {
        return event.metadataOrNone().missing().contains(Metadata.MISSING_EMBEDDING);
    }

    static boolean registryRetried(EnrichedEvent event) {
        return event.metadataOrNone().missing().contains(REGISTRY_RETRIED);
    }

    static EnrichedEvent embeddingCleared(EnrichedEvent event) {
        return cleared(event, List.of(Metadata.MISSING_EMBEDDING));
    }

    static EnrichedEvent registryUnmarked(EnrichedEvent event) {
        return cleared(event, List.of(REGISTRY_RETRIED));
    }

    private static EnrichedEvent toEmbedAgain(EnrichedEvent event) {
        return event.withEmbedding(null)
                .withMetadata(event.metadataOrNone().missing(Metadata.MISSING_EMBEDDING));
    }

    /**
     * The event with its retried flags cleared, marked {@link #USER_RETRIED} when its user was
     * missing and it has no tenant (the lookup may give it one) and {@link #REGISTRY_RETRIED} when
     * its registry data was missing.
     */
    static EnrichedEvent retried(EnrichedEvent event) {
        List<String> missing = event.metadataOrNone().missing();
        boolean user = missing.contains(Metadata.MISSING_USER) && event.tenantId() == null;
        boolean registry = missing.contains(Metadata.MISSING_REGISTRY);
        Metadata cleared =
                cleared(event, List.of(Metadata.MISSING_USER, Metadata.MISSING_REGISTRY))
                        .metadataOrNone();
        if (user) {
            cleared = cleared.missing(USER_RETRIED);
        }
        if (registry) {
            cleared = cleared.missing(REGISTRY_RETRIED);
        }
        return event.withMetadata(cleared);
    }

    static EnrichedEvent cleared(EnrichedEvent event, List<String> flags) {
        Metadata m = event.metadataOrNone();
        List<String> left = new ArrayList<>(m.missing());
        left.removeAll(flags);
        return event.withMetadata(
                new Metadata(m.prompt(), m.join(), m.model(), m.cost(), m.user(), left));
    }

    /** Counts the events passing (a Flink accumulator); "complete" counts those lacking nothing. */
    static final class Count extends RichMapFunction<EnrichedEvent, EnrichedEvent> {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final boolean completeOnly;
        private transient LongCounter counter;

        /** Counts every event, or with {@code completeOnly} those lacking nothing. */
        Count(String name, boolean completeOnly) {
            this.name = name;
            this.completeOnly = completeOnly;
        }

        @Override
        public void open(OpenContext openContext) {
            counter = new LongCounter();
            getRuntimeContext().addAccumulator(name, counter);
        }

        @Override
        public EnrichedEvent map(EnrichedEvent event) {
            if (!completeOnly || !ReEnrichmentRecords.needed(event)) {
                counter.add(1);
            }
            return event;
        }
    }

    private static final class RecordDeserializer
            implements KafkaRecordDeserializationSchema<EnrichedEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(
                ConsumerRecord<byte[], byte[]> record, Collector<EnrichedEvent> out) {
            ReEnrichmentRecords.fromConsumerRecord(record).ifPresent(out::collect);
        }

        @Override
        public TypeInformation<EnrichedEvent> getProducedType() {
            return TypeInformation.of(EnrichedEvent.class);
        }
    }
}
