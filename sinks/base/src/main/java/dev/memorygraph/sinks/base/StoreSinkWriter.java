package dev.memorygraph.sinks.base;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.ReasonCode;
import java.io.IOException;
import java.util.Collection;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;

/**
 * The writer of a store sink whose entries are {@link StoreEntry}s: the shared failure handling of
 * {@link BatchingSinkWriter} with the store's client and classifier; sizes and dead letters come
 * from the entries themselves.
 *
 * @param <T> what the sink receives, buffers and writes
 */
@Internal
public final class StoreSinkWriter<T extends StoreEntry> extends BatchingSinkWriter<T, T> {

    public StoreSinkWriter(
            ElementConverter<T, T> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<T>> states,
            BatchClient<T> client,
            FailureClassifier classifier,
            EntryCodec<T> codec,
            SinkErrorHandling handling)
            throws IOException {
        super(
                elementConverter,
                context,
                configuration,
                states,
                client,
                classifier,
                codec,
                handling);
    }

    @Override
    protected long getSizeInBytes(T entry) {
        return entry.sizeInBytes();
    }

    @Override
    protected DeadLetter toDeadLetter(T entry, ReasonCode reason, String message) {
        return deadLetter(reason, message, entry.deadLetterKey(), entry.deadLetterValue());
    }
}
