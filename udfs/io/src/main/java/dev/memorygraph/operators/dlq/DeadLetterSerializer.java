package dev.memorygraph.operators.dlq;

import dev.memorygraph.core.hash.Sha256;
import dev.memorygraph.model.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a dead letter as the original record: same key, same value bytes, and what went wrong in
 * {@code dlq.*} headers (the Kafka Connect convention), so that a fixed record can be replayed to
 * its source topic as is.
 *
 * <p>Headers: {@code dlq.reason}, {@code dlq.message}, {@code dlq.stage}, {@code dlq.source.topic},
 * {@code dlq.source.partition}, {@code dlq.source.offset}, {@code dlq.source.timestamp}, {@code
 * dlq.failed.at}; and {@code dlq.truncated}, {@code dlq.original.size}, {@code dlq.original.sha256}
 * on the rare original too large for the DLQ producer, whose value is then cut to fit rather than
 * failing the job.
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    private static final long serialVersionUID = 1L;

    /** Room left in a request for key, headers and batch overhead. */
    static final int HEADROOM_BYTES = 64 * 1024;

    private final String topic;
    private final int maxValueBytes;

    public DeadLetterSerializer(String topic, int maxRequestSize) {
        this.topic = topic;
        this.maxValueBytes = Math.max(1024, maxRequestSize - HEADROOM_BYTES);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "dlq.reason", letter.reason().name());
        header(headers, "dlq.message", letter.message());
        header(headers, "dlq.stage", letter.stage());
        header(headers, "dlq.source.topic", letter.sourceTopic());
        header(headers, "dlq.source.partition", String.valueOf(letter.sourcePartition()));
        header(headers, "dlq.source.offset", String.valueOf(letter.sourceOffset()));
        header(headers, "dlq.source.timestamp", String.valueOf(letter.sourceTimestamp()));
        header(headers, "dlq.failed.at", String.valueOf(letter.failedAt()));
        byte[] value = letter.value();
        if (value != null && value.length > maxValueBytes) {
            header(headers, "dlq.truncated", "true");
            header(headers, "dlq.original.size", String.valueOf(value.length));
            header(headers, "dlq.original.sha256", Sha256.hex(value));
            value = Arrays.copyOf(value, maxValueBytes);
        }
        return new ProducerRecord<>(topic, null, null, letter.key(), value, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
