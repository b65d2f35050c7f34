package dev.memorygraph.sinks.neo4j.internal;

import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.GraphMutationSerializer;
import dev.memorygraph.sinks.base.EntryStateSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;

/** Buffered mutations in checkpoints, in the format of {@link GraphMutationSerializer}. */
@Internal
public final class Neo4jSinkStateSerializer extends EntryStateSerializer<GraphMutation> {

    @Override
    public String format() {
        return "neo4j-mutation";
    }

    @Override
    public String operation() {
        return "merge";
    }

    @Override
    public void write(GraphMutation request, DataOutputStream out) throws IOException {
        GraphMutationSerializer.INSTANCE.serialize(request, new DataOutputViewStreamWrapper(out));
    }

    @Override
    public GraphMutation read(DataInputStream in) throws IOException {
        return GraphMutationSerializer.INSTANCE.deserialize(new DataInputViewStreamWrapper(in));
    }

    @Override
    public int version() {
        return 1;
    }
}
