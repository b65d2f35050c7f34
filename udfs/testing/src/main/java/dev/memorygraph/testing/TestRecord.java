package dev.memorygraph.testing;

import dev.memorygraph.model.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One Kafka record a test or the local generator produces, with what the pipeline must do with it.
 *
 * @param eventId the event id for valid records and duplicates, {@code null} when there is none
 * @param expectedReason the dead-letter reason for invalid records, {@code null} otherwise
 */
public record TestRecord(
        String topic,
        byte[] key,
        byte[] value,
        Map<String, String> headers,
        Kind kind,
        String eventId,
        ReasonCode expectedReason) {

    /** What the pipeline should do with a record. */
    public enum Kind {
        /** Reaches the event lake once. */
        VALID,
        /** Same event id as an earlier valid record: dropped by dedup. */
        DUPLICATE,
        /** Goes to the dead-letter queue with {@link #expectedReason}. */
        INVALID
    }

    public static final Map<String, String> OBSERVATORY_HEADERS =
            Map.of("schema_version", "1.0", "source", "observatory");

    public static TestRecord valid(String topic, String key, String json, String eventId) {
        return new TestRecord(
                topic, utf8(key), utf8(json), OBSERVATORY_HEADERS, Kind.VALID, eventId, null);
    }

    static TestRecord invalid(String topic, byte[] value, ReasonCode reason) {
        return new TestRecord(
                topic, utf8("invalid"), value, OBSERVATORY_HEADERS, Kind.INVALID, null, reason);
    }

    /** The same record again, as a producer retry would send it. */
    public TestRecord asDuplicate() {
        return new TestRecord(topic, key, value, headers, Kind.DUPLICATE, eventId, null);
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Never prints the value. */
    @Override
    public String toString() {
        return "TestRecord{"
                + topic
                + " "
                + kind
                + (eventId == null ? "" : " " + eventId)
                + (expectedReason == null ? "" : " " + expectedReason)
                + ", "
                + (value == null ? "null" : value.length + " bytes")
                + "}";
    }
}
