package dev.memorygraph.sinks.pinecone;

import dev.memorygraph.sinks.base.StoreEntry;
import io.pinecone.proto.Vector;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One vector to upsert: its namespace, its id, and the {@code io.pinecone.proto.Vector} the client
 * sends (id, values, metadata) as protobuf bytes, built once by {@link EventVectors}. Bytes keep
 * the record a plain Flink type between operators, and make its size the size on the wire, so the
 * batch limits are Pinecone's own.
 */
public record VectorRecord(String namespace, String id, byte[] vector) implements StoreEntry {

    /** Bytes of an upsert's vector field besides the vector: tag and length prefix. */
    private static final int FIELD_OVERHEAD = 6;

    public VectorRecord {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vector, "vector");
    }

    public static VectorRecord of(String namespace, Vector vector) {
        return new VectorRecord(namespace, vector.getId(), vector.toByteArray());
    }

    @Override
    public long sizeInBytes() {
        return vector.length + FIELD_OVERHEAD;
    }

    @Override
    public byte[] deadLetterKey() {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    /** The vector as protobuf bytes ({@code io.pinecone.proto.Vector}): ids, numbers and labels. */
    @Override
    public byte[] deadLetterValue() {
        return vector;
    }

    /** Never prints metadata. */
    @Override
    public String toString() {
        return "VectorRecord{" + namespace + "/" + id + "}";
    }
}
