package dev.memorygraph.model;

import java.time.Instant;

/**
 * A record rejected by the pipeline, bound for the dead-letter topic with its original key and
 * value bytes untouched.
 *
 * @param message what was wrong, naming fields and limits but never quoting payload text
 * @param stage the pipeline stage that rejected it, e.g. {@code validate}
 */
public record DeadLetter(
        ReasonCode reason,
        String message,
        String stage,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        long sourceTimestamp,
        Instant failedAt,
        byte[] key,
        byte[] value) {

    public static DeadLetter of(
            RawEvent raw, ReasonCode reason, String message, String stage, Instant failedAt) {
        return new DeadLetter(
                reason,
                message,
                stage,
                raw.topic(),
                raw.partition(),
                raw.offset(),
                raw.kafkaTimestamp(),
                failedAt,
                raw.key(),
                raw.value());
    }

    /** Never prints the payload. */
    @Override
    public String toString() {
        return "DeadLetter{"
                + reason
                + " from "
                + sourceTopic
                + "/"
                + sourcePartition
                + "@"
                + sourceOffset
                + ": "
                + message
                + "}";
    }
}
