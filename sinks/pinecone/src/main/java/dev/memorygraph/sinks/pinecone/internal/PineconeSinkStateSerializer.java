package dev.memorygraph.sinks.pinecone.internal;

import dev.memorygraph.sinks.base.EntryStateSerializer;
import dev.memorygraph.sinks.pinecone.VectorRecord;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;

/**
 * Buffered vectors in checkpoints: namespace and id as UTF, the vector as length-prefixed protobuf.
 */
@Internal
public final class PineconeSinkStateSerializer extends EntryStateSerializer<VectorRecord> {

    @Override
    public String format() {
        return "pinecone-vector";
    }

    @Override
    public String operation() {
        return "upsert";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void write(VectorRecord record, DataOutputStream out) throws IOException {
        out.writeUTF(record.namespace());
        out.writeUTF(record.id());
        out.writeInt(record.vector().length);
        out.write(record.vector());
    }

    @Override
    public VectorRecord read(DataInputStream in) throws IOException {
        String namespace = in.readUTF();
        String id = in.readUTF();
        byte[] vector = new byte[in.readInt()];
        in.readFully(vector);
        return new VectorRecord(namespace, id, vector);
    }
}
