package dev.memorygraph.operators.dlq;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.operators.ingest.KafkaOptions;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * The dead-letter queue: a Kafka sink to {@code kafka.topic.dlq}, at-least-once (flushed on every
 * checkpoint), records as {@link DeadLetterSerializer} writes them.
 */
public final class DeadLetterSink {

    public static final String UID = "dlq-sink";

    private DeadLetterSink() {}

    public static KafkaSink<DeadLetter> create(Configuration config) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(KafkaOptions.bootstrapServers(config))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(
                        new DeadLetterSerializer(
                                config.get(KafkaOptions.DLQ_TOPIC),
                                config.get(KafkaOptions.DLQ_MAX_REQUEST_SIZE)))
                .setKafkaProducerConfig(producerProperties(config))
                .build();
    }

    /**
     * Producer settings of every dead-letter writer: the {@code kafka.properties.*} pass-through,
     * the DLQ request size, {@code acks=all} and snappy compression.
     */
    public static Properties producerProperties(Configuration config) {
        Properties properties = new Properties();
        properties.putAll(KafkaOptions.clientProperties(config));
        properties.setProperty(
                "max.request.size", String.valueOf(config.get(KafkaOptions.DLQ_MAX_REQUEST_SIZE)));
        properties.setProperty("acks", "all");
        properties.setProperty("compression.type", "snappy");
        return properties;
    }
}
