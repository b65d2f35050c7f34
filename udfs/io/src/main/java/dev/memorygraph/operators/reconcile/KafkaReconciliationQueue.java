package dev.memorygraph.operators.reconcile;

import dev.memorygraph.core.dlq.ReconciliationQueue;
import dev.memorygraph.model.Reconciliation;
import dev.memorygraph.operators.dlq.KafkaRecordQueue;
import dev.memorygraph.operators.ingest.KafkaOptions;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;

/**
 * {@link ReconciliationQueue} on {@code kafka.topic.reconciliation}, in the format of {@link
 * ReconciliationRecords}.
 *
 * <p>For a reconciliation run ({@link #forRun}), a write that fails again is re-queued as the next
 * attempt of the record it came from: the same first-failure time, attempt + 1, and the run's id.
 * The sink only knows the write, so the queue looks its history up in the run's range of the topic,
 * read once, the first time something fails again.
 */
public final class KafkaReconciliationQueue extends KafkaRecordQueue<Reconciliation>
        implements ReconciliationQueue {

    private static final long serialVersionUID = 1L;

    private final Configuration config;
    private final String run;
    private final ReconcileRange range;
    private transient Map<String, Reconciliation> history;

    private KafkaReconciliationQueue(Configuration config, String run, ReconcileRange range) {
        super(config, config.get(KafkaOptions.RECONCILIATION_TOPIC), Map.of());
        this.config = config;
        this.run = run;
        this.range = range;
    }

    /** The streaming job's queue: every record a first attempt. */
    public static KafkaReconciliationQueue fromConfig(Configuration config) {
        return new KafkaReconciliationQueue(config, null, null);
    }

    /** The queue of reconciliation run {@code run}, which replays {@code range}. */
    public static KafkaReconciliationQueue forRun(
            Configuration config, String run, ReconcileRange range) {
        return new KafkaReconciliationQueue(config, run, range);
    }

    @Override
    protected KafkaRecordSerializationSchema<Reconciliation> serializer(
            String topic, int maxRequestSize) {
        return (record, context, timestamp) ->
                ReconciliationRecords.toProducerRecord(topic, record);
    }

    @Override
    protected Reconciliation beforeSend(Reconciliation record) throws IOException {
        if (run == null) {
            return record;
        }
        Reconciliation earlier = history().get(key(record.stage(), record.entityId()));
        Instant failedAt = record.failedAt();
        return earlier == null
                ? new Reconciliation(
                        record.store(),
                        record.stage(),
                        record.operation(),
                        record.entityId(),
                        2,
                        record.errorCode(),
                        failedAt,
                        failedAt,
                        record.format(),
                        record.payload(),
                        run)
                : earlier.retriedBy(run, record.errorCode(), failedAt)
                        .withPayload(record.payload());
    }

    private Map<String, Reconciliation> history() throws IOException {
        if (history == null) {
            Map<String, Reconciliation> latest = new HashMap<>();
            ReconcileTopic.scan(
                    config,
                    range,
                    record ->
                            latest.merge(
                                    key(record.stage(), record.entityId()),
                                    record,
                                    (a, b) -> a.attempt() >= b.attempt() ? a : b));
            history = latest;
        }
        return history;
    }

    private static String key(String stage, String entityId) {
        return stage + '\u0000' + entityId;
    }
}
