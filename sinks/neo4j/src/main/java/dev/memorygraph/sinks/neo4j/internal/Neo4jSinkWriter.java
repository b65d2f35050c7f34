package dev.memorygraph.sinks.neo4j.internal;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.sinks.base.BatchClient;
import dev.memorygraph.sinks.base.BatchingSinkWriter;
import dev.memorygraph.sinks.base.EntryCodec;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import dev.memorygraph.sinks.neo4j.GraphMutationJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;

/**
 * Writes batches of graph mutations to Neo4j through a {@link BatchClient} (one transaction per
 * batch), with the shared failure handling of {@link BatchingSinkWriter} and {@link
 * Neo4jFailureClassifier}. A dead letter holds the rejected mutation as JSON, keyed by the event it
 * came from.
 */
@Internal
public final class Neo4jSinkWriter extends BatchingSinkWriter<GraphMutation, GraphMutation> {

    public static final String BACKEND = "neo4j";
    public static final String STAGE = "neo4j-sink";

    public Neo4jSinkWriter(
            ElementConverter<GraphMutation, GraphMutation> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<GraphMutation>> states,
            BatchClient<GraphMutation> client,
            EntryCodec<GraphMutation> codec,
            SinkErrorHandling handling)
            throws IOException {
        super(
                elementConverter,
                context,
                configuration,
                states,
                client,
                new Neo4jFailureClassifier(),
                codec,
                handling);
    }

    @Override
    protected long getSizeInBytes(GraphMutation mutation) {
        return GraphMutationJson.estimateSize(mutation);
    }

    @Override
    protected DeadLetter toDeadLetter(GraphMutation mutation, ReasonCode reason, String message) {
        String eventId = mutation.sourceEventId();
        return deadLetter(
                reason,
                message,
                eventId == null ? null : eventId.getBytes(StandardCharsets.UTF_8),
                GraphMutationJson.toJson(mutation));
    }
}
