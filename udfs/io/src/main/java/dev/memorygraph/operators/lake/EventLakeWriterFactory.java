package dev.memorygraph.operators.lake;

import dev.memorygraph.model.EnrichedEvent;
import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Writes enriched events as Parquet files of {@link EventLakeRecords#schema()} rows. */
final class EventLakeWriterFactory implements BulkWriter.Factory<EnrichedEvent> {

    private static final long serialVersionUID = 1L;

    private final ParquetWriterFactory<GenericRecord> parquet;

    EventLakeWriterFactory(String compression) {
        CompressionCodecName codec = CompressionCodecName.valueOf(compression.toUpperCase());
        this.parquet =
                new ParquetWriterFactory<>(
                        out ->
                                AvroParquetWriter.<GenericRecord>builder(out)
                                        .withSchema(EventLakeRecords.schema())
                                        .withDataModel(GenericData.get())
                                        .withCompressionCodec(codec)
                                        .build());
    }

    @Override
    public BulkWriter<EnrichedEvent> create(FSDataOutputStream out) throws IOException {
        BulkWriter<GenericRecord> writer = parquet.create(out);
        return new BulkWriter<>() {
            @Override
            public void addElement(EnrichedEvent element) throws IOException {
                writer.addElement(EventLakeRecords.toRecord(element));
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }

            @Override
            public void finish() throws IOException {
                writer.finish();
            }
        };
    }
}
