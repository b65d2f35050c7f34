package dev.memorygraph.operators.lake;

import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.model.EnrichedEvent;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.avro.AvroParquetReaders;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The append-only event lake: every enriched event as Parquet under {@code lake.path}, partitioned
 * {@code dt=YYYY-MM-DD/hour=HH} by event time. Files roll on every checkpoint and become visible
 * (renamed from in-progress) when it completes, so readers see only committed data and a restore
 * never duplicates a row; in BATCH mode files are committed at the end of input.
 */
public final class EventLake {

    public static final String SINK_UID = "event-lake-sink";
    public static final String SOURCE_UID = "event-lake-source";
    public static final String FILE_PREFIX = "events";
    public static final String FILE_SUFFIX = ".parquet";

    private EventLake() {}

    public static FileSink<EnrichedEvent> sink(ReadableConfig config) {
        return FileSink.forBulkFormat(
                        new Path(
                                JobConfig.required(
                                        config,
                                        EventLakeOptions.PATH,
                                        "the event lake's root (a local directory or s3://)")),
                        new EventLakeWriterFactory(config.get(EventLakeOptions.COMPRESSION)))
                .withBucketAssigner(new EventTimeBucketAssigner())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix(FILE_PREFIX)
                                .withPartSuffix(FILE_SUFFIX)
                                .build())
                .build();
    }

    /** A bounded read of every committed file under {@code path}. */
    public static DataStream<EnrichedEvent> read(StreamExecutionEnvironment env, String path) {
        FileSource<GenericRecord> source =
                FileSource.forRecordStreamFormat(
                                AvroParquetReaders.forGenericRecord(EventLakeRecords.schema()),
                                new Path(path))
                        .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Event lake files")
                .uid(SOURCE_UID)
                .map(EventLakeRecords::fromRecord, TypeInformation.of(EnrichedEvent.class))
                .uid(SOURCE_UID + "-decode")
                .name("Decode lake rows");
    }
}
