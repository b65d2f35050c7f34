package dev.memorygraph.sinks.base;

import java.io.IOException;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * A store sink whose input is already its request entry ({@link StoreEntry}: an index action, a
 * line-protocol point, a vector): the writer is a {@link StoreSinkWriter} with the store's client
 * and classifier, so a store supplies only those and its codec.
 *
 * @param <T> what the sink receives, buffers and writes
 */
public abstract class StoreEntrySink<T extends StoreEntry> extends StoreSink<T, T> {

    private static final long serialVersionUID = 1L;

    protected StoreEntrySink(Limits limits, SinkErrorHandling errorHandling) {
        super((ElementConverter<T, T>) (entry, context) -> entry, limits, errorHandling);
    }

    /** A client for one writer, created on the task manager. */
    protected abstract BatchClient<T> createClient() throws IOException;

    /** How the store's failures are judged. */
    protected abstract FailureClassifier classifier();

    @Override
    public final StatefulSinkWriter<T, BufferedRequestState<T>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<T>> recoveredState)
            throws IOException {
        return new StoreSinkWriter<>(
                getElementConverter(),
                context,
                writerConfiguration(),
                recoveredState,
                createClient(),
                classifier(),
                entryCodec(),
                errorHandling());
    }
}
