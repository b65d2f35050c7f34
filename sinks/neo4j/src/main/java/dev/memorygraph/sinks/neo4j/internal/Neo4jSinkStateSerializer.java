package dev.memorygraph.sinks.neo4j.internal;

import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.GraphMutationSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;

/** Buffered mutations in checkpoints, in the format of {@link GraphMutationSerializer}. */
@Internal
public final class Neo4jSinkStateSerializer extends AsyncSinkWriterStateSerializer<GraphMutation> {

    @Override
    protected void serializeRequestToStream(GraphMutation request, DataOutputStream out)
            throws IOException {
        GraphMutationSerializer.INSTANCE.serialize(request, new DataOutputViewStreamWrapper(out));
    }

    @Override
    protected GraphMutation deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        return GraphMutationSerializer.INSTANCE.deserialize(new DataInputViewStreamWrapper(in));
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
