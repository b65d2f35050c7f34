package dev.memorygraph.sinks.elasticsearch;

import dev.memorygraph.sinks.base.StoreEntry;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One document to index: the target index (or alias), the document id and its JSON source. The id
 * is the event's id, so a replayed event overwrites its own document instead of adding one.
 */
public record IndexAction(String index, String id, byte[] source) implements StoreEntry {

    public IndexAction {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }

    /** Bytes this action adds to a bulk request: its action line and its source. */
    @Override
    public long sizeInBytes() {
        return source.length + index.length() + id.length() + 40L;
    }

    @Override
    public byte[] deadLetterKey() {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] deadLetterValue() {
        return source;
    }
}
