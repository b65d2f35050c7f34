package dev.memorygraph.batch.reconcile;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.core.dlq.RecordQueue;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.Reconciliation;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.operators.dlq.KafkaDeadLetterQueue;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.reconcile.KafkaReconciliationQueue;
import dev.memorygraph.operators.reconcile.ReconcileRange;
import dev.memorygraph.operators.reconcile.ReconcileTopic;
import dev.memorygraph.operators.reconcile.ReconciliationRecords;
import dev.memorygraph.sinks.base.RetriesExhausted;
import dev.memorygraph.sinks.base.StoreSink;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchSink;
import dev.memorygraph.sinks.elasticsearch.IndexAction;
import dev.memorygraph.sinks.influxdb.InfluxDbOptions;
import dev.memorygraph.sinks.influxdb.InfluxDbSink;
import dev.memorygraph.sinks.influxdb.LinePoint;
import dev.memorygraph.sinks.neo4j.Neo4jOptions;
import dev.memorygraph.sinks.neo4j.Neo4jSink;
import dev.memorygraph.sinks.neo4j.internal.Neo4jSinkWriter;
import dev.memorygraph.sinks.pinecone.PineconeOptions;
import dev.memorygraph.sinks.pinecone.PineconeSink;
import dev.memorygraph.sinks.pinecone.VectorRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The reconciliation job (spec §2.2 "Write failures"), the first bounded job: replays the writes
 * the streaming job's stores could not take ({@code kafka.topic.reconciliation}) through the same
 * sink classes, in BATCH mode, and says what it repaired and what is left.
 *
 * <p>A run replays a fixed range of the topic: with {@code --from}/{@code --until}, the records
 * appended in that window; without, what the consumer group {@code reconcile.group} has not
 * replayed yet (committed when the run ends with nothing unreplayable left behind). Writes are
 * idempotent by id, so replaying a record twice changes nothing. A write that fails again after its
 * retries is re-queued as its next attempt (same first-failure time, the run's id); one the store
 * rejects goes to the DLQ; a record that cannot be redone (unreadable, unknown format) goes to the
 * DLQ as {@code UNREPLAYABLE}; a record for a store this configuration does not enable is left in
 * place and stops the commit.
 *
 * <p>Exit: {@code 0} everything repaired; {@code 2} something re-queued, dead-lettered or left;
 * {@code 1} the run failed (rerun it); {@code 64} bad arguments or configuration.
 */
public final class ReconciliationJob {

    public static final String NAME = "memory-graph-reconciliation";

    private ReconciliationJob() {}

    public static void main(String[] args) {
        BoundedJobs.main(NAME, args, ReconciliationJob::reconcileOutcome);
    }

    /** What one run did, per sink stage. */
    public record Result(
            String run,
            Map<String, Long> replayed,
            Map<String, Long> requeued,
            Map<String, Long> rejected,
            Map<String, Long> notConfigured,
            long unreplayable,
            long givenUp,
            boolean committed) {

        public long repaired() {
            return total(replayed) - total(requeued) - total(rejected);
        }

        public boolean complete() {
            return total(requeued) == 0
                    && total(rejected) == 0
                    && total(notConfigured) == 0
                    && unreplayable == 0
                    && givenUp == 0;
        }

        public BoundedJobs.Outcome outcome() {
            String summary =
                    "run "
                            + run
                            + ": replayed "
                            + total(replayed)
                            + " "
                            + replayed
                            + ", repaired "
                            + repaired()
                            + ", still failing "
                            + total(requeued)
                            + " "
                            + requeued
                            + ", rejected "
                            + total(rejected)
                            + ", no sink configured "
                            + notConfigured
                            + ", unreplayable "
                            + unreplayable
                            + ", given up "
                            + givenUp
                            + (committed ? ", offsets committed" : ", offsets not committed");
            return new BoundedJobs.Outcome(
                    complete() ? ExitCode.SUCCESS : ExitCode.INCOMPLETE, summary);
        }

        private static long total(Map<String, Long> counts) {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One run as a {@link BoundedJobs.Job}: its outcome and exit code. */
    public static BoundedJobs.Outcome reconcileOutcome(
            Configuration config, StreamExecutionEnvironment env) throws Exception {
        return reconcile(config, env).outcome();
    }

    /** One run, on {@code env} (configured for BATCH by {@link BoundedJobs}). */
    public static Result reconcile(Configuration config, StreamExecutionEnvironment env)
            throws Exception {
        String topic = config.get(KafkaOptions.RECONCILIATION_TOPIC);
        String dlqTopic = config.get(KafkaOptions.DLQ_TOPIC);
        String run =
                "reconcile-" + Instant.now() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Optional<BoundedJobs.Window> window = BoundedJobs.window(config);
        ReconcileRange range =
                window.isPresent()
                        ? ReconcileTopic.between(
                                config, topic, window.get().from(), window.get().until())
                        : ReconcileTopic.pending(
                                config, topic, config.get(ReconciliationOptions.GROUP));
        KafkaDeadLetterQueue deadLetters =
                KafkaDeadLetterQueue.fromConfig(config)
                        .withHeader(config, ReconciliationOptions.DLQ_RUN_HEADER, run);
        Map<String, StoreReplay<?>> replays = replays(config, run, range, deadLetters);

        // what the range holds, and what of it cannot be redone
        Map<String, Long> replayed = new TreeMap<>();
        Map<String, Long> notConfigured = new TreeMap<>();
        List<ConsumerRecord<byte[], byte[]>> unreplayable = new ArrayList<>();
        List<Reconciliation> givenUp = new ArrayList<>();
        ReconcileTopic.scanRaw(
                config,
                range,
                raw -> {
                    Optional<Reconciliation> record = ReconciliationRecords.fromConsumerRecord(raw);
                    if (record.isEmpty()) {
                        unreplayable.add(raw);
                        return;
                    }
                    StoreReplay<?> replay = replays.get(record.get().stage());
                    if (replay == null) {
                        notConfigured.merge(record.get().stage(), 1L, Long::sum);
                    } else if (replay.exhausted(record.get())) {
                        givenUp.add(record.get());
                    } else if (replay.entryOf(record.get()) == null) {
                        unreplayable.add(raw);
                    } else {
                        replayed.merge(record.get().stage(), 1L, Long::sum);
                    }
                });
        Map<Integer, Long> queueEnd = ReconcileTopic.endOffsets(config, topic);
        Map<Integer, Long> dlqEnd = ReconcileTopic.endOffsets(config, dlqTopic);

        if (!replayed.isEmpty()) {
            DataStream<Reconciliation> records =
                    env.fromSource(
                                    source(config, range),
                                    WatermarkStrategy.noWatermarks(),
                                    "Reconciliation topic")
                            .uid("reconcile-source")
                            .setParallelism(1);
            for (String stage : replayed.keySet()) {
                replays.get(stage).wire(records);
            }
            env.execute(NAME);
        }
        deadLetter(unreplayable, deadLetters);
        giveUp(givenUp, deadLetters);

        Map<String, Long> requeued =
                countSince(
                        config,
                        topic,
                        queueEnd,
                        raw ->
                                run.equals(
                                        ReconciliationRecords.header(
                                                raw.headers(), ReconciliationRecords.RUN)),
                        raw ->
                                ReconciliationRecords.header(
                                        raw.headers(), ReconciliationRecords.STAGE));
        Map<String, Long> rejected =
                countSince(
                        config,
                        dlqTopic,
                        dlqEnd,
                        raw ->
                                run.equals(
                                                ReconciliationRecords.header(
                                                        raw.headers(),
                                                        ReconciliationOptions.DLQ_RUN_HEADER))
                                        && !java.util.Set.of(
                                                        ReasonCode.UNREPLAYABLE.name(),
                                                        ReasonCode.STORE_UNAVAILABLE.name())
                                                .contains(
                                                        ReconciliationRecords.header(
                                                                raw.headers(), "dlq.reason")),
                        raw -> ReconciliationRecords.header(raw.headers(), "dlq.stage"));
        boolean commit = window.isEmpty() && notConfigured.isEmpty();
        if (commit && !range.isEmpty()) {
            ReconcileTopic.commit(config, config.get(ReconciliationOptions.GROUP), range);
        }
        return new Result(
                run,
                replayed,
                requeued,
                rejected,
                notConfigured,
                unreplayable.size(),
                givenUp.size(),
                commit);
    }

    /** The replay of every store this configuration enables, by its sink's stage. */
    static Map<String, StoreReplay<?>> replays(
            Configuration config,
            String run,
            ReconcileRange range,
            KafkaDeadLetterQueue deadLetters) {
        KafkaReconciliationQueue queue = KafkaReconciliationQueue.forRun(config, run, range);
        int maxAttempts = config.get(ReconciliationOptions.MAX_ATTEMPTS);
        if (maxAttempts < 2) {
            throw dev.memorygraph.core.config.JobConfig.invalid(
                    ReconciliationOptions.MAX_ATTEMPTS.key(),
                    maxAttempts,
                    "at least 2 (the streaming job's attempt is the first)");
        }
        Map<String, StoreReplay<?>> replays = new LinkedHashMap<>();
        if (config.get(Neo4jOptions.ENABLED)) {
            replays.put(
                    Neo4jSinkWriter.STAGE,
                    new StoreReplay<>(
                            Neo4jSinkWriter.STAGE,
                            queues(
                                            Neo4jSink.builder()
                                                    .fromConfig(config)
                                                    .setTransactionPerStatement(true),
                                            deadLetters,
                                            queue)
                                    .build(),
                            TypeInformation.of(GraphMutation.class),
                            maxAttempts));
        }
        if (config.get(ElasticsearchOptions.ENABLED)) {
            replays.put(
                    ElasticsearchSink.STAGE,
                    new StoreReplay<>(
                            ElasticsearchSink.STAGE,
                            queues(
                                            ElasticsearchSink.builder().fromConfig(config),
                                            deadLetters,
                                            queue)
                                    .build(),
                            TypeInformation.of(IndexAction.class),
                            maxAttempts));
        }
        if (config.get(InfluxDbOptions.ENABLED)) {
            replays.put(
                    InfluxDbSink.STAGE,
                    new StoreReplay<>(
                            InfluxDbSink.STAGE,
                            queues(InfluxDbSink.builder().fromConfig(config), deadLetters, queue)
                                    .build(),
                            TypeInformation.of(LinePoint.class),
                            maxAttempts));
        }
        if (config.get(PineconeOptions.ENABLED)) {
            replays.put(
                    PineconeSink.STAGE,
                    new StoreReplay<>(
                            PineconeSink.STAGE,
                            queues(PineconeSink.builder().fromConfig(config), deadLetters, queue)
                                    .build(),
                            TypeInformation.of(VectorRecord.class),
                            maxAttempts));
        }
        return replays;
    }

    /** A replaying sink gives up into the run's queue, never by failing the run. */
    private static <B extends StoreSink.Builder<?, ?, B>> B queues(
            B builder, KafkaDeadLetterQueue deadLetters, KafkaReconciliationQueue queue) {
        return builder.setDeadLetterQueue(deadLetters)
                .setReconciliationQueue(queue)
                .setOnRetriesExhausted(RetriesExhausted.RECONCILE);
    }

    private static KafkaSource<Reconciliation> source(Configuration config, ReconcileRange range) {
        return ReconcileTopic.source(
                config,
                range,
                config.get(ReconciliationOptions.GROUP) + "-reader",
                new RecordDeserializer());
    }

    /** Records the pre-scan found unreadable go to the DLQ as they were. */
    private static void deadLetter(
            List<ConsumerRecord<byte[], byte[]>> records, KafkaDeadLetterQueue deadLetters)
            throws IOException {
        if (records.isEmpty()) {
            return;
        }
        try (RecordQueue.Writer<DeadLetter> writer = deadLetters.open()) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                writer.send(
                        new DeadLetter(
                                ReasonCode.UNREPLAYABLE,
                                "a reconciliation record without its headers, or in a format no"
                                        + " sink of this version reads",
                                "reconcile",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                record.timestamp(),
                                Instant.now(),
                                record.key(),
                                record.value()));
            }
            writer.flush();
        }
    }

    /**
     * Writes given up {@code reconcile.max-attempts} times go to the DLQ as STORE_UNAVAILABLE, with
     * the write (the payload) as the value and the last error code, for a person to decide.
     */
    private static void giveUp(List<Reconciliation> records, KafkaDeadLetterQueue deadLetters)
            throws IOException {
        if (records.isEmpty()) {
            return;
        }
        try (RecordQueue.Writer<DeadLetter> writer = deadLetters.open()) {
            for (Reconciliation record : records) {
                writer.send(
                        new DeadLetter(
                                ReasonCode.STORE_UNAVAILABLE,
                                record.store()
                                        + " still failing after "
                                        + record.attempt()
                                        + " attempts ("
                                        + record.errorCode()
                                        + "); first failure "
                                        + record.firstFailure(),
                                record.stage(),
                                null,
                                -1,
                                -1L,
                                -1L,
                                Instant.now(),
                                record.entityId() == null
                                        ? null
                                        : record.entityId()
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                record.payload()));
            }
            writer.flush();
        }
    }

    private static Map<String, Long> countSince(
            Configuration config,
            String topic,
            Map<Integer, Long> since,
            java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> counted,
            java.util.function.Function<ConsumerRecord<byte[], byte[]>, String> by)
            throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        ReconcileRange written =
                new ReconcileRange(topic, since, ReconcileTopic.endOffsets(config, topic));
        ReconcileTopic.scanRaw(
                config,
                written,
                raw -> {
                    if (counted.test(raw)) {
                        counts.merge(String.valueOf(by.apply(raw)), 1L, Long::sum);
                    }
                });
        return counts;
    }

    /** Reconciliation records from Kafka; a record that is not one is left to the pre-scan. */
    private static final class RecordDeserializer
            implements KafkaRecordDeserializationSchema<Reconciliation> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(
                ConsumerRecord<byte[], byte[]> record, Collector<Reconciliation> out) {
            ReconciliationRecords.fromConsumerRecord(record).ifPresent(out::collect);
        }

        @Override
        public TypeInformation<Reconciliation> getProducedType() {
            return TypeInformation.of(Reconciliation.class);
        }
    }
}
