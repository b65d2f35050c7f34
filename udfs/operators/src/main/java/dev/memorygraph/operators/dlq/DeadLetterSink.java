package dev.memorygraph.operators.dlq;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.operators.ingest.KafkaOptions;
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
        int maxRequestSize = config.get(KafkaOptions.DLQ_MAX_REQUEST_SIZE);
        var builder =
                KafkaSink.<DeadLetter>builder()
                        .setBootstrapServers(KafkaOptions.bootstrapServers(config))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .setRecordSerializer(
                                new DeadLetterSerializer(
                                        config.get(KafkaOptions.DLQ_TOPIC), maxRequestSize))
                        .setProperty("max.request.size", String.valueOf(maxRequestSize))
                        .setProperty("acks", "all")
                        .setProperty("compression.type", "snappy");
        KafkaOptions.clientProperties(config)
                .forEach((k, v) -> builder.setProperty((String) k, (String) v));
        return builder.build();
    }
}
