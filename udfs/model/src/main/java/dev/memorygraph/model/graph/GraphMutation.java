package dev.memorygraph.model.graph;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One idempotent change to the memory graph, produced by graph extraction (spec §2.1 stage 7) and
 * applied by the graph sinks.
 *
 * <ul>
 *   <li>{@link Kind#NODE}: upsert the node {@code (label {id})} and set {@link #properties()} on
 *       it; properties it does not name are left alone.
 *   <li>{@link Kind#RELATIONSHIP}: upsert both ends by id (an end that does not exist yet is
 *       created with its id only, and filled when its own node mutation arrives) and the
 *       relationship between them, then set its properties.
 *   <li>{@link Kind#SEQUENCE_LINK}: like a relationship, but it also removes every other
 *       relationship of the same type leaving {@code from} or entering {@code to}. Applied in
 *       order, these keep a chain (prompts of a session) right whatever order events arrive in and
 *       however often they are replayed.
 * </ul>
 *
 * <p>Property values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@link
 * Instant} or a list of strings; nulls are never stored. Instances are immutable. {@link
 * #toString()} never prints property values, which may hold prompt text.
 */
@TypeInfo(GraphMutationTypeInfoFactory.class)
public final class GraphMutation implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a mutation does; see the class comment. */
    public enum Kind {
        NODE,
        RELATIONSHIP,
        SEQUENCE_LINK
    }

    private final Kind kind;
    private final NodeLabel label;
    private final RelationshipType type;
    private final String id;
    private final String fromId;
    private final String toId;
    private final Map<String, Object> properties;
    private final String sourceEventId;

    private GraphMutation(
            Kind kind,
            NodeLabel label,
            RelationshipType type,
            String id,
            String fromId,
            String toId,
            Map<String, Object> properties,
            String sourceEventId) {
        this.kind = kind;
        this.label = label;
        this.type = type;
        this.id = id;
        this.fromId = fromId;
        this.toId = toId;
        this.properties = Collections.unmodifiableMap(properties);
        this.sourceEventId = sourceEventId;
    }

    public static GraphMutation node(
            NodeLabel label, String id, Map<String, Object> properties, String sourceEventId) {
        return new GraphMutation(
                Kind.NODE,
                Objects.requireNonNull(label, "label"),
                null,
                Objects.requireNonNull(id, "id"),
                null,
                null,
                checked(properties),
                sourceEventId);
    }

    public static GraphMutation relationship(
            RelationshipType type,
            String fromId,
            String toId,
            Map<String, Object> properties,
            String sourceEventId) {
        return link(Kind.RELATIONSHIP, type, fromId, toId, properties, sourceEventId);
    }

    public static GraphMutation sequenceLink(
            RelationshipType type,
            String fromId,
            String toId,
            Map<String, Object> properties,
            String sourceEventId) {
        return link(Kind.SEQUENCE_LINK, type, fromId, toId, properties, sourceEventId);
    }

    private static GraphMutation link(
            Kind kind,
            RelationshipType type,
            String fromId,
            String toId,
            Map<String, Object> properties,
            String sourceEventId) {
        return new GraphMutation(
                kind,
                null,
                Objects.requireNonNull(type, "type"),
                null,
                Objects.requireNonNull(fromId, "fromId"),
                Objects.requireNonNull(toId, "toId"),
                checked(properties),
                sourceEventId);
    }

    /** Package-private: the serializer restores mutations without re-checking their values. */
    static GraphMutation restore(
            Kind kind,
            NodeLabel label,
            RelationshipType type,
            String id,
            String fromId,
            String toId,
            Map<String, Object> properties,
            String sourceEventId) {
        return new GraphMutation(kind, label, type, id, fromId, toId, properties, sourceEventId);
    }

    private static Map<String, Object> checked(Map<String, Object> properties) {
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach(
                (name, value) -> {
                    if (value != null) {
                        copy.put(Objects.requireNonNull(name, "property name"), normalise(value));
                    }
                });
        return copy;
    }

    private static Object normalise(Object value) {
        if (value instanceof String
                || value instanceof Long
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof Instant) {
            return value;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return List.copyOf(list);
        }
        throw new IllegalArgumentException(
                "Unsupported graph property type " + value.getClass().getName());
    }

    public Kind kind() {
        return kind;
    }

    /** The node label; {@code null} unless {@link Kind#NODE}. */
    public NodeLabel label() {
        return label;
    }

    /** The relationship type; {@code null} for {@link Kind#NODE}. */
    public RelationshipType type() {
        return type;
    }

    /** The node id; {@code null} unless {@link Kind#NODE}. */
    public String id() {
        return id;
    }

    public String fromId() {
        return fromId;
    }

    public String toId() {
        return toId;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** The event this mutation was extracted from, for dead letters and tracing. */
    public String sourceEventId() {
        return sourceEventId;
    }

    /**
     * Whether this writes reference data only: a node shared by sessions (user, model, tenant, ...)
     * or a relationship between two such nodes. The streaming job writes these apart from the
     * per-session writes, partitioned by the node they lock, so no two writers take the same shared
     * node's write lock.
     */
    public boolean isReference() {
        return switch (kind) {
            case NODE -> !label.perSession();
            case RELATIONSHIP -> !type.from().perSession() && !type.to().perSession();
            case SEQUENCE_LINK -> false;
        };
    }

    /**
     * Whether this writes a response or a relationship from or to one ({@code GENERATED}, {@code
     * CALLED}). A response event names its prompt but not its session, so its writes cannot go with
     * the session's; they are written apart, partitioned by response ({@link #responseKey}), so
     * that each response has one writer.
     */
    public boolean isResponseWrite() {
        return switch (kind) {
            case NODE -> label == NodeLabel.RESPONSE;
            case RELATIONSHIP, SEQUENCE_LINK ->
                    type.from() == NodeLabel.RESPONSE || type.to() == NodeLabel.RESPONSE;
        };
    }

    /** The response a response write belongs to: its partition key. */
    public String responseKey() {
        if (kind == Kind.NODE) {
            return id;
        }
        return type.to() == NodeLabel.RESPONSE ? toId : fromId;
    }

    /** The shared node a reference write locks first: its partition key. */
    public String referenceKey() {
        return kind == Kind.NODE ? label.name() + ':' + id : type.from().name() + ':' + fromId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GraphMutation that)) {
            return false;
        }
        return kind == that.kind
                && label == that.label
                && type == that.type
                && Objects.equals(id, that.id)
                && Objects.equals(fromId, that.fromId)
                && Objects.equals(toId, that.toId)
                && properties.equals(that.properties)
                && Objects.equals(sourceEventId, that.sourceEventId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, label, type, id, fromId, toId, properties, sourceEventId);
    }

    /** Names the element and its property keys, never their values. */
    @Override
    public String toString() {
        String target =
                kind == Kind.NODE
                        ? label.cypherName() + " " + id
                        : fromId + " -" + type.cypherName() + "-> " + toId;
        return "GraphMutation{" + kind + " " + target + " " + properties.keySet() + "}";
    }
}
