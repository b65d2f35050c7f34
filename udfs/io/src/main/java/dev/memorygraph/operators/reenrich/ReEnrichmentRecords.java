package dev.memorygraph.operators.reenrich;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.operators.lake.EventLakeRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The re-enrichment topic's record format ({@code llm.reenrich.v1}): one record per event that went
 * on with partial data because an enrichment service did not answer. Key = the event id; value =
 * the event as the streaming job passed it on, as one event-lake row in Avro binary (the lake's
 * schema, {@code lake/event-lake.avsc}), so the re-enrichment job rebuilds exactly what the stores
 * got; headers:
 *
 * <ul>
 *   <li>{@code reenrich.missing}: what is missing, comma-separated ({@code registry}, {@code user},
 *       {@code embedding});
 *   <li>{@code reenrich.event.type}, {@code reenrich.event.time} (ISO-8601);
 *   <li>{@code reenrich.format}: {@code event-lake-avro/0.3}.
 * </ul>
 *
 * <p>The value holds the event's text as the PII stage left it (redacted or the vault marker under
 * those policies), like the lake and the graph; the topic needs the same protection as the lake.
 */
public final class ReEnrichmentRecords {

    public static final String MISSING = "reenrich.missing";
    public static final String EVENT_TYPE = "reenrich.event.type";
    public static final String EVENT_TIME = "reenrich.event.time";
    public static final String FORMAT = "reenrich.format";
    public static final String CURRENT_FORMAT = "event-lake-avro/0.3";

    /** What the re-enrichment job can complete; a missing prompt is the join's to complete. */
    public static final Set<String> RETRIED =
            Set.of(Metadata.MISSING_REGISTRY, Metadata.MISSING_USER, Metadata.MISSING_EMBEDDING);

    private ReEnrichmentRecords() {}

    /** Whether {@code event} lacks something the re-enrichment job can complete. */
    public static boolean needed(EnrichedEvent event) {
        return event.metadataOrNone().missing().stream().anyMatch(RETRIED::contains);
    }

    public static ProducerRecord<byte[], byte[]> toProducerRecord(
            String topic, EnrichedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(
                MISSING,
                String.join(",", event.metadataOrNone().missing())
                        .getBytes(StandardCharsets.UTF_8));
        headers.add(EVENT_TYPE, event.event().type().name().getBytes(StandardCharsets.UTF_8));
        headers.add(
                EVENT_TIME, event.event().eventTime().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(FORMAT, CURRENT_FORMAT.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(
                topic,
                null,
                null,
                event.eventId().getBytes(StandardCharsets.UTF_8),
                encode(event),
                headers);
    }

    /** The event of a record, empty when it is not in a format this version reads. */
    public static Optional<EnrichedEvent> fromConsumerRecord(ConsumerRecord<byte[], byte[]> raw) {
        if (!CURRENT_FORMAT.equals(header(raw.headers(), FORMAT)) || raw.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(raw.value()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What a record says is missing. */
    public static List<String> missing(ConsumerRecord<byte[], byte[]> raw) {
        String value = header(raw.headers(), MISSING);
        return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    static byte[] encode(EnrichedEvent event) {
        GenericRecord row = EventLakeRecords.toRecord(event);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<GenericRecord>(EventLakeRecords.schema()).write(row, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static EnrichedEvent decode(byte[] value) throws IOException {
        GenericRecord row =
                new GenericDatumReader<GenericRecord>(EventLakeRecords.schema())
                        .read(null, DecoderFactory.get().binaryDecoder(value, null));
        return EventLakeRecords.fromRecord(row);
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
