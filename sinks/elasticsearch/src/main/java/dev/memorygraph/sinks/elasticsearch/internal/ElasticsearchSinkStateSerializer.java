package dev.memorygraph.sinks.elasticsearch.internal;

import dev.memorygraph.sinks.elasticsearch.IndexAction;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Buffered index actions in checkpoints: index and id as UTF, the source as length-prefixed bytes.
 * Independent of the Elasticsearch client, so a savepoint survives a client upgrade.
 */
@Internal
public final class ElasticsearchSinkStateSerializer
        extends AsyncSinkWriterStateSerializer<IndexAction> {

    @Override
    protected void serializeRequestToStream(IndexAction action, DataOutputStream out)
            throws IOException {
        out.writeUTF(action.index());
        out.writeUTF(action.id());
        out.writeInt(action.source().length);
        out.write(action.source());
    }

    @Override
    protected IndexAction deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        String index = in.readUTF();
        String id = in.readUTF();
        byte[] source = new byte[in.readInt()];
        in.readFully(source);
        return new IndexAction(index, id, source);
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
