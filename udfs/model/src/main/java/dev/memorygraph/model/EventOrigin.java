package dev.memorygraph.model;

import java.time.Instant;

/**
 * Where an inbound event came from: Kafka coordinates, the producer headers {@code schema_version}
 * and {@code source}, and when the pipeline first saw it.
 */
public record EventOrigin(
        String topic,
        int partition,
        long offset,
        long kafkaTimestamp,
        String schemaVersion,
        String source,
        Instant ingestedAt) {}
