package dev.memorygraph.operators.lake;

import dev.memorygraph.model.EnrichedEvent;
import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.formats.parquet.avro.AvroParquetReaders;

/**
 * Lake files read as events: each Parquet row is decoded by {@link EventLakeRecords#fromRecord}
 * inside the reader, so no Avro record crosses an operator boundary. (A row of a file written
 * before a column existed carries that file's narrower schema; Flink's Avro serializer, typed with
 * today's schema, would copy such a record by field position and scramble it.)
 */
public final class EventLakeFormat implements StreamFormat<EnrichedEvent> {

    private static final long serialVersionUID = 1L;

    private final StreamFormat<GenericRecord> rows =
            AvroParquetReaders.forGenericRecord(EventLakeRecords.schema());

    @Override
    public Reader<EnrichedEvent> createReader(
            Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        return new Decoding(rows.createReader(config, stream, fileLen, splitEnd));
    }

    @Override
    public Reader<EnrichedEvent> restoreReader(
            Configuration config,
            FSDataInputStream stream,
            long restoredOffset,
            long fileLen,
            long splitEnd)
            throws IOException {
        return new Decoding(rows.restoreReader(config, stream, restoredOffset, fileLen, splitEnd));
    }

    @Override
    public boolean isSplittable() {
        return rows.isSplittable();
    }

    @Override
    public TypeInformation<EnrichedEvent> getProducedType() {
        return TypeInformation.of(EnrichedEvent.class);
    }

    /** Decodes each row of the delegate reader. */
    static final class Decoding implements Reader<EnrichedEvent> {
        private final Reader<GenericRecord> rows;

        Decoding(Reader<GenericRecord> rows) {
            this.rows = rows;
        }

        @Override
        public EnrichedEvent read() throws IOException {
            GenericRecord row = rows.read();
            return row == null ? null : EventLakeRecords.fromRecord(row);
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }

        @Override
        public org.apache.flink.connector.file.src.util.CheckpointedPosition
                getCheckpointedPosition() {
            return rows.getCheckpointedPosition();
        }
    }
}
