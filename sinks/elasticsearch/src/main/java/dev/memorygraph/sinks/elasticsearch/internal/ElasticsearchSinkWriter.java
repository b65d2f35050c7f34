package dev.memorygraph.sinks.elasticsearch.internal;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.sinks.base.BatchClient;
import dev.memorygraph.sinks.base.BatchingSinkWriter;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import dev.memorygraph.sinks.elasticsearch.IndexAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;

/**
 * Writes index actions to Elasticsearch in bulk requests through a {@link BatchClient}, with the
 * shared failure handling of {@link BatchingSinkWriter} and {@link ElasticsearchFailureClassifier}:
 * items are judged one by one, so a rejected document goes to the dead-letter queue (its source as
 * the value, keyed by its id) while the rest of the request is written.
 */
@Internal
public final class ElasticsearchSinkWriter extends BatchingSinkWriter<IndexAction, IndexAction> {

    public static final String BACKEND = "elasticsearch";
    public static final String STAGE = "elasticsearch-sink";

    public ElasticsearchSinkWriter(
            ElementConverter<IndexAction, IndexAction> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<IndexAction>> states,
            BatchClient<IndexAction> client,
            SinkErrorHandling handling)
            throws IOException {
        super(
                elementConverter,
                context,
                configuration,
                states,
                client,
                new ElasticsearchFailureClassifier(),
                handling);
    }

    @Override
    protected long getSizeInBytes(IndexAction action) {
        return action.sizeInBytes();
    }

    @Override
    protected DeadLetter toDeadLetter(IndexAction action, ReasonCode reason, String message) {
        return deadLetter(
                reason, message, action.id().getBytes(StandardCharsets.UTF_8), action.source());
    }
}
