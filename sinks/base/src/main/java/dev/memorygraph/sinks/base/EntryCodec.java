package dev.memorygraph.sinks.base;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A store sink's request entries as bytes, one format for two uses: the writer's checkpointed
 * buffer ({@link EntryStateSerializer}) and the payload of a reconciliation record, which the
 * reconciliation job decodes to redo the write with the same sink.
 *
 * @param <T> the request entry type
 */
public interface EntryCodec<T> {

    /** Names the format in reconciliation records, with {@link #version()}. */
    String format();

    int version();

    /** What a write of these entries is in the store's terms: {@code merge}, {@code index}, ... */
    String operation();

    void write(T entry, DataOutputStream out) throws IOException;

    T read(DataInputStream in) throws IOException;

    /** {@link #format()}/{@link #version()}, as reconciliation records carry it. */
    default String formatVersion() {
        return format() + "/" + version();
    }

    default byte[] encode(T entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(entry, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    default T decode(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return read(in);
        }
    }
}
