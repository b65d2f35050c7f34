package dev.memorygraph.sinks.elasticsearch;

import java.io.Serializable;
import java.util.Objects;

/**
 * One document to index: the target index (or alias), the document id and its JSON source. The id
 * is the event's id, so a replayed event overwrites its own document instead of adding one.
 */
public record IndexAction(String index, String id, byte[] source) implements Serializable {

    public IndexAction {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }

    /** Bytes this action adds to a bulk request: its action line and its source. */
    public long sizeInBytes() {
        return source.length + index.length() + id.length() + 40L;
    }
}
