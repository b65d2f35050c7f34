package dev.memorygraph.sinks.base;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * A writer-state serializer that writes each buffered entry in its {@link EntryCodec} format, so
 * that the checkpointed buffer and reconciliation payloads cannot drift apart.
 *
 * @param <T> the request entry type
 */
public abstract class EntryStateSerializer<T extends Serializable>
        extends AsyncSinkWriterStateSerializer<T> implements EntryCodec<T> {

    @Override
    protected final void serializeRequestToStream(T entry, DataOutputStream out)
            throws IOException {
        write(entry, out);
    }

    @Override
    protected final T deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        return read(in);
    }

    @Override
    public int getVersion() {
        return version();
    }
}
