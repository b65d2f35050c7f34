package dev.memorygraph.operators.dlq;

import dev.memorygraph.core.dlq.DeadLetterQueue;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.operators.ingest.KafkaOptions;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;

/**
 * {@link DeadLetterQueue} on the job's dead-letter topic: the same records, headers and size limit
 * as {@link DeadLetterSink}, written with a plain producer ({@code acks=all}, idempotent).
 */
public final class KafkaDeadLetterQueue extends KafkaRecordQueue<DeadLetter>
        implements DeadLetterQueue {

    private static final long serialVersionUID = 1L;

    private KafkaDeadLetterQueue(Configuration config, String topic, Map<String, String> headers) {
        super(config, topic, headers);
    }

    /** The job's dead-letter topic, {@code kafka.topic.dlq}. */
    public static KafkaDeadLetterQueue fromConfig(Configuration config) {
        return new KafkaDeadLetterQueue(config, config.get(KafkaOptions.DLQ_TOPIC), Map.of());
    }

    /** The same topic, with {@code name: value} added to every letter's headers. */
    public KafkaDeadLetterQueue withHeader(Configuration config, String name, String value) {
        java.util.Map<String, String> more = new java.util.HashMap<>(headers());
        more.put(name, value);
        return new KafkaDeadLetterQueue(config, topic(), more);
    }

    @Override
    protected KafkaRecordSerializationSchema<DeadLetter> serializer(
            String topic, int maxRequestSize) {
        return new DeadLetterSerializer(topic, maxRequestSize);
    }
}
