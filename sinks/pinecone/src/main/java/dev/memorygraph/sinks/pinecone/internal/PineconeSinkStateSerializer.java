package dev.memorygraph.sinks.pinecone.internal;

import dev.memorygraph.sinks.pinecone.VectorRecord;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Buffered vectors in checkpoints: namespace and id as UTF, the vector as length-prefixed protobuf.
 */
@Internal
public final class PineconeSinkStateSerializer
        extends AsyncSinkWriterStateSerializer<VectorRecord> {

    @Override
    protected void serializeRequestToStream(VectorRecord record, DataOutputStream out)
            throws IOException {
        write(record, out);
    }

    @Override
    protected VectorRecord deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        return read(in);
    }

    @Override
    public int getVersion() {
        return 1;
    }

    /** One record, as checkpoints hold it. */
    public static void write(VectorRecord record, DataOutputStream out) throws IOException {
        out.writeUTF(record.namespace());
        out.writeUTF(record.id());
        out.writeInt(record.vector().length);
        out.write(record.vector());
    }

    public static VectorRecord read(DataInputStream in) throws IOException {
        String namespace = in.readUTF();
        String id = in.readUTF();
        byte[] vector = new byte[in.readInt()];
        in.readFully(vector);
        return new VectorRecord(namespace, id, vector);
    }
}
