package dev.memorygraph.sinks.influxdb;

import dev.memorygraph.sinks.base.StoreEntry;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One point in InfluxDB line protocol, with the id of the event it measures (for dead letters). */
public record LinePoint(String eventId, String line) implements StoreEntry {

    public LinePoint {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(line, "line");
    }

    /** Bytes this point adds to a write request (before gzip). */
    @Override
    public long sizeInBytes() {
        return line.getBytes(StandardCharsets.UTF_8).length + 1L;
    }

    @Override
    public byte[] deadLetterKey() {
        return eventId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] deadLetterValue() {
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
