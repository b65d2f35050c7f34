package dev.memorygraph.sinks.elasticsearch.internal;

import dev.memorygraph.sinks.base.EntryStateSerializer;
import dev.memorygraph.sinks.elasticsearch.IndexAction;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;

/**
 * Buffered index actions in checkpoints: index and id as UTF, the source as length-prefixed bytes.
 * Independent of the Elasticsearch client, so a savepoint survives a client upgrade.
 */
@Internal
public final class ElasticsearchSinkStateSerializer extends EntryStateSerializer<IndexAction> {

    @Override
    public String format() {
        return "elasticsearch-index-action";
    }

    @Override
    public String operation() {
        return "index";
    }

    @Override
    public void write(IndexAction action, DataOutputStream out) throws IOException {
        out.writeUTF(action.index());
        out.writeUTF(action.id());
        out.writeInt(action.source().length);
        out.write(action.source());
    }

    @Override
    public IndexAction read(DataInputStream in) throws IOException {
        String index = in.readUTF();
        String id = in.readUTF();
        byte[] source = new byte[in.readInt()];
        in.readFully(source);
        return new IndexAction(index, id, source);
    }

    @Override
    public int version() {
        return 1;
    }
}
