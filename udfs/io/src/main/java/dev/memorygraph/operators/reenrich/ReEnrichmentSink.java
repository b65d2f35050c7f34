package dev.memorygraph.operators.reenrich;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.operators.dlq.DeadLetterSink;
import dev.memorygraph.operators.ingest.KafkaOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The re-enrichment topic as a Kafka sink ({@code kafka.topic.reenrich}), at-least-once (flushed on
 * every checkpoint), records as {@link ReEnrichmentRecords} writes them. The job sends it only the
 * events {@link ReEnrichmentRecords#needed} says lack something.
 */
public final class ReEnrichmentSink {

    public static final String UID = "reenrich-sink";
    public static final String FILTER_UID = "reenrich-filter";

    private ReEnrichmentSink() {}

    public static KafkaSink<EnrichedEvent> create(Configuration config) {
        String topic = config.get(KafkaOptions.REENRICH_TOPIC);
        return KafkaSink.<EnrichedEvent>builder()
                .setBootstrapServers(KafkaOptions.bootstrapServers(config))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(new Serializer(topic))
                .setKafkaProducerConfig(DeadLetterSink.producerProperties(config))
                .build();
    }

    static final class Serializer implements KafkaRecordSerializationSchema<EnrichedEvent> {
        private static final long serialVersionUID = 1L;

        private final String topic;

        Serializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                EnrichedEvent event, KafkaSinkContext context, Long timestamp) {
            return ReEnrichmentRecords.toProducerRecord(topic, event);
        }
    }
}
