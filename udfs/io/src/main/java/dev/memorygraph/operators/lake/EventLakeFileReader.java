package dev.memorygraph.operators.lake;

import dev.memorygraph.model.EnrichedEvent;
import java.io.IOException;
import org.apache.flink.connector.file.sink.compactor.RecordWiseFileCompactor;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.Path;

/**
 * Reads one lake file back as events, for the sink's compaction: the compactor rewrites the small
 * files of a partition through the lake's own writer, so a compacted row is {@link
 * EventLakeRecords#toRecord} of {@link EventLakeRecords#fromRecord} of the original, which the
 * round-trip test holds equal to it.
 *
 * <p>Errors become {@link IOException}s: the FileSink's compaction executor catches exceptions
 * only, and an error there (a class the cluster cannot load) would leave the compaction unfinished
 * without a trace.
 */
final class EventLakeFileReader implements RecordWiseFileCompactor.Reader<EnrichedEvent> {

    private final StreamFormat.Reader<EnrichedEvent> rows;

    private EventLakeFileReader(StreamFormat.Reader<EnrichedEvent> rows) {
        this.rows = rows;
    }

    @Override
    public EnrichedEvent read() throws IOException {
        try {
            return rows.read();
        } catch (LinkageError e) {
            throw new IOException("cannot read a lake file for compaction", e);
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    /** Opens lake files on whatever Flink file system their path names. */
    static final class Factory implements RecordWiseFileCompactor.Reader.Factory<EnrichedEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public RecordWiseFileCompactor.Reader<EnrichedEvent> createFor(Path path)
                throws IOException {
            try {
                return new EventLakeFileReader(EventLake.openFile(path));
            } catch (LinkageError e) {
                throw new IOException("cannot open a lake file for compaction", e);
            }
        }
    }
}
