package dev.memorygraph.model.graph;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The Flink serializer of {@link GraphMutation}, also used by the graph sinks to keep buffered
 * mutations in checkpoints. Labels and types are written by name, so reordering the enums never
 * breaks a savepoint; property values carry a one-byte tag.
 */
public final class GraphMutationSerializer extends TypeSerializerSingleton<GraphMutation> {

    private static final long serialVersionUID = 1L;

    public static final GraphMutationSerializer INSTANCE = new GraphMutationSerializer();

    private static final byte STRING = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte BOOLEAN = 3;
    private static final byte INSTANT = 4;
    private static final byte STRING_LIST = 5;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public GraphMutation createInstance() {
        return null;
    }

    @Override
    public GraphMutation copy(GraphMutation from) {
        return from;
    }

    @Override
    public GraphMutation copy(GraphMutation from, GraphMutation reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(GraphMutation m, DataOutputView out) throws IOException {
        // The kind is a fixed one-byte tag (not the enum's ordinal, which a reordering would
        // change); labels and relationship types are written by name.
        out.writeByte(kindTag(m.kind()));
        if (m.kind() == GraphMutation.Kind.NODE) {
            StringValue.writeString(m.label().name(), out);
            StringValue.writeString(m.id(), out);
        } else {
            StringValue.writeString(m.type().name(), out);
            StringValue.writeString(m.fromId(), out);
            StringValue.writeString(m.toId(), out);
        }
        StringValue.writeString(m.sourceEventId(), out);
        out.writeInt(m.properties().size());
        for (Map.Entry<String, Object> property : m.properties().entrySet()) {
            StringValue.writeString(property.getKey(), out);
            writeValue(property.getValue(), out);
        }
    }

    private static void writeValue(Object value, DataOutputView out) throws IOException {
        if (value instanceof String s) {
            out.writeByte(STRING);
            StringValue.writeString(s, out);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Instant t) {
            out.writeByte(INSTANT);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (value instanceof List<?> list) {
            out.writeByte(STRING_LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                StringValue.writeString((String) item, out);
            }
        } else {
            throw new IOException("Unsupported graph property type " + value.getClass());
        }
    }

    private static final byte NODE_TAG = 0;
    private static final byte RELATIONSHIP_TAG = 1;
    private static final byte SEQUENCE_LINK_TAG = 2;

    private static byte kindTag(GraphMutation.Kind kind) {
        return switch (kind) {
            case NODE -> NODE_TAG;
            case RELATIONSHIP -> RELATIONSHIP_TAG;
            case SEQUENCE_LINK -> SEQUENCE_LINK_TAG;
        };
    }

    private static GraphMutation.Kind kindOf(byte tag) throws IOException {
        return switch (tag) {
            case NODE_TAG -> GraphMutation.Kind.NODE;
            case RELATIONSHIP_TAG -> GraphMutation.Kind.RELATIONSHIP;
            case SEQUENCE_LINK_TAG -> GraphMutation.Kind.SEQUENCE_LINK;
            default -> throw new IOException("Unknown graph mutation kind tag " + tag);
        };
    }

    @Override
    public GraphMutation deserialize(DataInputView in) throws IOException {
        GraphMutation.Kind kind = kindOf(in.readByte());
        NodeLabel label = null;
        RelationshipType type = null;
        String id = null;
        String fromId = null;
        String toId = null;
        if (kind == GraphMutation.Kind.NODE) {
            label = NodeLabel.valueOf(StringValue.readString(in));
            id = StringValue.readString(in);
        } else {
            type = RelationshipType.valueOf(StringValue.readString(in));
            fromId = StringValue.readString(in);
            toId = StringValue.readString(in);
        }
        String sourceEventId = StringValue.readString(in);
        int size = in.readInt();
        Map<String, Object> properties = new LinkedHashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            properties.put(StringValue.readString(in), readValue(in));
        }
        return GraphMutation.restore(
                kind, label, type, id, fromId, toId, properties, sourceEventId);
    }

    private static Object readValue(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case STRING -> StringValue.readString(in);
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case STRING_LIST -> {
                int n = in.readInt();
                List<String> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(StringValue.readString(in));
                }
                yield List.copyOf(list);
            }
            default -> throw new IOException("Unknown graph property tag " + tag);
        };
    }

    @Override
    public GraphMutation deserialize(GraphMutation reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<GraphMutation> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Serializer snapshot; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<GraphMutation> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
