package dev.memorygraph.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A write one store could not take after all its retries, bound for the reconciliation topic while
 * the other stores went on: enough to redo it, and its history.
 *
 * @param store the store ({@code neo4j}, {@code elasticsearch}, {@code influxdb}, {@code pinecone})
 * @param stage the sink that failed, e.g. {@code neo4j-sink}
 * @param operation what the write is in the store's terms ({@code merge}, {@code index}, {@code
 *     write}, {@code upsert})
 * @param entityId the event the write came from
 * @param attempt 1 when the streaming job gave up; one more each time a reconciliation run does
 * @param errorCode the classification code of the last failure (a status or an exception class,
 *     never a server message)
 * @param firstFailure when the streaming job gave up on the write, kept across attempts
 * @param failedAt when this attempt gave up
 * @param format the encoding of {@code payload}, {@code <codec>/<version>}
 * @param payload the write as the sink buffers it (the same bytes as its checkpointed state), after
 *     the PII stage: redacted or vaulted text is never in clear here
 * @param run the reconciliation run that re-queued it; {@code null} from the streaming job
 */
public record Reconciliation(
        String store,
        String stage,
        String operation,
        String entityId,
        int attempt,
        String errorCode,
        Instant firstFailure,
        Instant failedAt,
        String format,
        byte[] payload,
        String run) {

    public Reconciliation {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(firstFailure, "firstFailure");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(payload, "payload");
    }

    /** The same write, given up again by reconciliation run {@code run}. */
    public Reconciliation retriedBy(String run, String errorCode, Instant failedAt) {
        return new Reconciliation(
                store,
                stage,
                operation,
                entityId,
                attempt + 1,
                errorCode,
                firstFailure,
                failedAt,
                format,
                payload,
                run);
    }

    /** This record with another payload (the write as it was sent this time). */
    public Reconciliation withPayload(byte[] payload) {
        return new Reconciliation(
                store,
                stage,
                operation,
                entityId,
                attempt,
                errorCode,
                firstFailure,
                failedAt,
                format,
                payload,
                run);
    }

    /** Never prints the payload. */
    @Override
    public String toString() {
        return "Reconciliation{"
                + stage
                + " "
                + operation
                + " of "
                + entityId
                + ", attempt "
                + attempt
                + ", "
                + errorCode
                + "}";
    }
}
