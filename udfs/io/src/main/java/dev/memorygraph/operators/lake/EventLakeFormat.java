package dev.memorygraph.operators.lake;

import dev.memorygraph.model.EnrichedEvent;
import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.formats.parquet.ParquetInputFile;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Lake files read as events: each Parquet row, in the file's own schema, is decoded by {@link
 * EventLakeRecords#fromRecord} inside the reader, so no Avro record crosses an operator boundary (a
 * row of a file written before a column existed has that file's narrower schema, which Flink's Avro
 * serializer, typed with today's, would copy by field position and scramble).
 *
 * <p>Not Flink's {@code AvroParquetReaders}: its reader takes its Hadoop configuration from {@code
 * org.apache.flink.runtime.util.HadoopUtils}, a class of the cluster's own class path, which on a
 * TaskManager without Hadoop in {@code lib/} fails with {@code NoClassDefFoundError} for Hadoop's
 * {@code Configuration} (the job jar's Hadoop is invisible to it). In the FileSink's compactor that
 * error was swallowed by its executor and compaction never finished. This reader makes its Hadoop
 * configuration itself, from the job's class loader. Files are read whole (not split), their
 * position being the number of rows read.
 */
public final class EventLakeFormat implements StreamFormat<EnrichedEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public Reader<EnrichedEvent> createReader(
            Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        if (splitEnd != fileLen) {
            throw new IllegalArgumentException("lake files are read whole, not split");
        }
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        ParquetReader<GenericRecord> rows =
                AvroParquetReader.<GenericRecord>builder(new ParquetInputFile(stream, fileLen))
                        .withDataModel(GenericData.get())
                        .withConf(hadoop)
                        .build();
        return new Decoding(rows);
    }

    @Override
    public Reader<EnrichedEvent> restoreReader(
            Configuration config,
            FSDataInputStream stream,
            long restoredOffset,
            long fileLen,
            long splitEnd)
            throws IOException {
        // the position is a row count (CheckpointedPosition.NO_OFFSET + rows); the file source
        // skips the rows already read
        return createReader(config, stream, fileLen, splitEnd);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<EnrichedEvent> getProducedType() {
        return TypeInformation.of(EnrichedEvent.class);
    }

    /** Decodes each row of the Parquet reader. */
    static final class Decoding implements Reader<EnrichedEvent> {
        private final ParquetReader<GenericRecord> rows;
        private long read;

        Decoding(ParquetReader<GenericRecord> rows) {
            this.rows = rows;
        }

        @Override
        public EnrichedEvent read() throws IOException {
            GenericRecord row = rows.read();
            if (row == null) {
                return null;
            }
            read++;
            return EventLakeRecords.fromRecord(row);
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }

        @Override
        public CheckpointedPosition getCheckpointedPosition() {
            return new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, read);
        }
    }
}
