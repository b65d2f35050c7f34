package dev.memorygraph.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Kafka record exactly as consumed, before any parsing: the unit that validation accepts or
 * sends to the dead-letter queue byte for byte.
 */
public record RawEvent(
        String topic,
        int partition,
        long offset,
        long kafkaTimestamp,
        byte[] key,
        byte[] value,
        String schemaVersion,
        String source) {

    /** The size of the value in bytes, 0 for a tombstone. */
    public int valueSize() {
        return value == null ? 0 : value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawEvent other
                && partition == other.partition
                && offset == other.offset
                && kafkaTimestamp == other.kafkaTimestamp
                && Objects.equals(topic, other.topic)
                && Arrays.equals(key, other.key)
                && Arrays.equals(value, other.value)
                && Objects.equals(schemaVersion, other.schemaVersion)
                && Objects.equals(source, other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset) * 31 + Arrays.hashCode(value);
    }

    /** Never prints the payload, which may hold prompt text or PII. */
    @Override
    public String toString() {
        return "RawEvent{"
                + topic
                + "/"
                + partition
                + "@"
                + offset
                + ", "
                + valueSize()
                + " bytes}";
    }
}
