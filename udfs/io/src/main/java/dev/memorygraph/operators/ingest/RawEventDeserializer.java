package dev.memorygraph.operators.ingest;

import dev.memorygraph.model.RawEvent;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Wraps each Kafka record, bytes untouched, with its coordinates and the {@code schema_version} and
 * {@code source} headers. Never fails: parsing is validation's job, so that a bad record reaches
 * the DLQ instead of failing the source.
 */
public final class RawEventDeserializer implements KafkaRecordDeserializationSchema<RawEvent> {

    private static final long serialVersionUID = 1L;

    public static final String SCHEMA_VERSION_HEADER = "schema_version";
    public static final String SOURCE_HEADER = "source";

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawEvent> out) {
        out.collect(
                new RawEvent(
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.timestamp(),
                        record.key(),
                        record.value(),
                        header(record, SCHEMA_VERSION_HEADER),
                        header(record, SOURCE_HEADER)));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        // Headers are metadata, not payload: decode leniently and keep them short.
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return value.length() > 64 ? value.substring(0, 64) : value;
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return TypeInformation.of(RawEvent.class);
    }
}
