package dev.memorygraph.sinks.neo4j.internal;

import dev.memorygraph.core.cache.BoundedCache;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.NodeLabel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.annotation.Internal;

/**
 * What this writer has already committed of the graph's reference data, so that it is not written
 * again unchanged: users, sessions, models, tenants, applications, templates, tools, documents and
 * prompt texts, and the relationships among them ({@code HAS_SESSION}, {@code IN_APPLICATION},
 * {@code BELONGS_TO}). Every event repeats them; writing them again would take the same hub nodes'
 * write locks in every transaction of every subtask, which is where writers contended and
 * deadlocked. Per-event data (prompts, responses and their relationships, sequence links) always
 * goes through.
 *
 * <p>A mutation is skipped only when the last one this writer committed for the same node or
 * relationship had exactly the same properties; entries are added after their transaction
 * committed. The cache is bounded (least recently used out) and starts empty with every writer, so
 * after a restart a replay writes everything again and converges as before.
 */
@Internal
public final class ReferenceWriteCache {

    private final int maxEntries;
    private final LinkedHashMap<Key, Map<String, Object>> written;
    private long lookups;
    private long hits;

    public ReferenceWriteCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.written = BoundedCache.lru(maxEntries);
    }

    /** {@code batch} without the reference mutations already committed unchanged, in order. */
    public synchronized List<GraphMutation> unwritten(List<GraphMutation> batch) {
        if (maxEntries == 0) {
            return batch;
        }
        List<GraphMutation> out = new ArrayList<>(batch.size());
        for (GraphMutation mutation : batch) {
            if (isReference(mutation)) {
                lookups++;
                if (mutation.properties().equals(written.get(key(mutation)))) {
                    hits++;
                    continue;
                }
            }
            out.add(mutation);
        }
        return out;
    }

    /** Records {@code committed}, whose transaction has committed. */
    public synchronized void committed(List<GraphMutation> committed) {
        if (maxEntries == 0) {
            return;
        }
        for (GraphMutation mutation : committed) {
            if (isReference(mutation)) {
                written.put(key(mutation), mutation.properties());
            }
        }
    }

    /** Share of reference mutations skipped so far, 0 before the first. */
    public synchronized double hitRate() {
        return lookups == 0 ? 0.0 : hits / (double) lookups;
    }

    public synchronized long skipped() {
        return hits;
    }

    static boolean isReference(GraphMutation mutation) {
        return switch (mutation.kind()) {
            case NODE -> !isPerEvent(mutation.label());
            case RELATIONSHIP ->
                    !isPerEvent(mutation.type().from()) && !isPerEvent(mutation.type().to());
            case SEQUENCE_LINK -> false;
        };
    }

    private static boolean isPerEvent(NodeLabel label) {
        return label == NodeLabel.PROMPT || label == NodeLabel.RESPONSE;
    }

    private static Key key(GraphMutation m) {
        return m.kind() == GraphMutation.Kind.NODE
                ? new Key(m.label().name(), m.id(), null)
                : new Key(m.type().name(), m.fromId(), m.toId());
    }

    private record Key(String labelOrType, String first, String second) {
        Key {
            Objects.requireNonNull(labelOrType);
        }
    }
}
