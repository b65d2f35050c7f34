package dev.memorygraph.operators.reconcile;

import dev.memorygraph.model.Reconciliation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The reconciliation topic's record format ({@code llm.reconcile.v1}): key = the entity (event) id,
 * value = the write's payload in its sink's checkpoint format, and in headers everything else:
 *
 * <ul>
 *   <li>{@code reconcile.store}, {@code reconcile.stage}, {@code reconcile.operation};
 *   <li>{@code reconcile.entity.id};
 *   <li>{@code reconcile.attempt} (1 from the streaming job, one more per reconciliation run);
 *   <li>{@code reconcile.error} (a status or exception class, never a server message);
 *   <li>{@code reconcile.first.failure}, {@code reconcile.failed.at} (ISO-8601 instants);
 *   <li>{@code reconcile.format} ({@code <codec>/<version>} of the value);
 *   <li>{@code reconcile.run}, only on records a reconciliation run re-queued.
 * </ul>
 */
public final class ReconciliationRecords {

    public static final String STORE = "reconcile.store";
    public static final String STAGE = "reconcile.stage";
    public static final String OPERATION = "reconcile.operation";
    public static final String ENTITY_ID = "reconcile.entity.id";
    public static final String ATTEMPT = "reconcile.attempt";
    public static final String ERROR = "reconcile.error";
    public static final String FIRST_FAILURE = "reconcile.first.failure";
    public static final String FAILED_AT = "reconcile.failed.at";
    public static final String FORMAT = "reconcile.format";
    public static final String RUN = "reconcile.run";

    private ReconciliationRecords() {}

    public static ProducerRecord<byte[], byte[]> toProducerRecord(
            String topic, Reconciliation record) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, STORE, record.store());
        header(headers, STAGE, record.stage());
        header(headers, OPERATION, record.operation());
        header(headers, ENTITY_ID, record.entityId());
        header(headers, ATTEMPT, String.valueOf(record.attempt()));
        header(headers, ERROR, record.errorCode());
        header(headers, FIRST_FAILURE, record.firstFailure().toString());
        header(headers, FAILED_AT, record.failedAt().toString());
        header(headers, FORMAT, record.format());
        header(headers, RUN, record.run());
        byte[] key =
                record.entityId() == null
                        ? null
                        : record.entityId().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, null, key, record.payload(), headers);
    }

    /**
     * The record of {@code consumed}, or empty when it is not one (a header missing or unreadable):
     * the reconciliation job counts those as left, never guesses.
     */
    public static Optional<Reconciliation> fromConsumerRecord(
            ConsumerRecord<byte[], byte[]> consumed) {
        Headers headers = consumed.headers();
        try {
            String store = header(headers, STORE);
            String stage = header(headers, STAGE);
            String operation = header(headers, OPERATION);
            String attempt = header(headers, ATTEMPT);
            String error = header(headers, ERROR);
            String first = header(headers, FIRST_FAILURE);
            String failed = header(headers, FAILED_AT);
            String format = header(headers, FORMAT);
            if (store == null
                    || stage == null
                    || operation == null
                    || attempt == null
                    || error == null
                    || first == null
                    || failed == null
                    || format == null
                    || consumed.value() == null) {
                return Optional.empty();
            }
            return Optional.of(
                    new Reconciliation(
                            store,
                            stage,
                            operation,
                            header(headers, ENTITY_ID),
                            Integer.parseInt(attempt),
                            error,
                            Instant.parse(first),
                            Instant.parse(failed),
                            format,
                            consumed.value(),
                            header(headers, RUN)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The last value of header {@code name}, or {@code null}. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? null
                : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
