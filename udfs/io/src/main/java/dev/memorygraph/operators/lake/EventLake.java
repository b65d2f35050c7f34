package dev.memorygraph.operators.lake;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.Metadata;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.sink.compactor.RecordWiseFileCompactor;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.Collector;

/**
 * The append-only event lake: every enriched event as Parquet under {@code lake.path}, partitioned
 * {@code dt=YYYY-MM-DD/hour=HH} by event time. Files roll on every checkpoint and become visible
 * (renamed from in-progress) when it completes, so readers see only committed data and a restore
 * never duplicates a row; in BATCH mode files are committed at the end of input. With compaction
 * (the default, {@link EventLakeOptions#COMPACTION_ENABLED}) the sink's compactor merges a
 * partition's checkpoint files, still hidden, into one file of up to the target size, which is then
 * committed: readers see the merged file only, exactly once.
 */
public final class EventLake {

    public static final String SINK_UID = "event-lake-sink";
    public static final String SOURCE_UID = "event-lake-source";
    public static final String FILE_PREFIX = "events";
    public static final String FILE_SUFFIX = ".parquet";

    private EventLake() {}

    public static FileSink<EnrichedEvent> sink(ReadableConfig config) {
        FileSink.DefaultBulkFormatBuilder<EnrichedEvent> builder =
                FileSink.forBulkFormat(
                                new Path(EventLakeOptions.path(config)),
                                new EventLakeWriterFactory(
                                        config.get(EventLakeOptions.COMPRESSION)))
                        .withBucketAssigner(new EventTimeBucketAssigner())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .withOutputFileConfig(
                                OutputFileConfig.builder()
                                        .withPartPrefix(FILE_PREFIX)
                                        .withPartSuffix(FILE_SUFFIX)
                                        .build());
        if (config.get(EventLakeOptions.COMPACTION_ENABLED)) {
            builder.enableCompact(
                    EventLakeOptions.compaction(config),
                    new RecordWiseFileCompactor<>(new EventLakeFileReader.Factory()));
        }
        return builder.build();
    }

    /** The hour partition ({@code dt=…/hour=…}, relative to the lake) of events at {@code time}. */
    public static String partitionOf(java.time.Instant time) {
        return EventTimeBucketAssigner.bucketOf(time);
    }

    /**
     * The lake's own file format, for tools that write lake files outside a {@link FileSink} (the
     * archival job's archives): a file it writes is read back by every reader of the lake.
     */
    public static org.apache.flink.api.common.serialization.BulkWriter.Factory<EnrichedEvent>
            fileWriter(String compression) {
        return new EventLakeWriterFactory(compression);
    }

    /**
     * Opens one committed lake file, on whatever Flink file system its path names, to read its rows
     * as stored; {@code read()} gives {@code null} at the end.
     */
    public static org.apache.flink.connector.file.src.reader.StreamFormat.Reader<EnrichedEvent>
            openFile(Path file) throws IOException {
        org.apache.flink.core.fs.FileSystem fs = file.getFileSystem();
        long length = fs.getFileStatus(file).getLen();
        org.apache.flink.core.fs.FSDataInputStream in = fs.open(file);
        try {
            return new EventLakeFormat()
                    .createReader(
                            new org.apache.flink.configuration.Configuration(), in, length, length);
        } catch (IOException | RuntimeException | LinkageError e) {
            in.close();
            throw e;
        }
    }

    /**
     * Every event of the lake once. The lake is append-only and a replay (a consumer-group reset, a
     * restore from an older checkpoint) appends the same events again, so rows are deduplicated by
     * event id. Copies of a replay differ only in their Kafka coordinates and ingestion time; a
     * response that went on without its prompt and was completed later has a {@code prompt_missing}
     * row and a {@code completed} one, and the most complete row wins ({@code completed}, then
     * {@code joined}, then the rest, {@code prompt_missing} last). Meant for bounded jobs: each
     * id's row is emitted when the input ends (in BATCH mode, when the id is done, its state then
     * dropped).
     */
    public static DataStream<EnrichedEvent> read(StreamExecutionEnvironment env, String path) {
        return oneRowPerEvent(readRows(env, path));
    }

    private static DataStream<EnrichedEvent> oneRowPerEvent(DataStream<EnrichedEvent> rows) {
        return rows.keyBy(EnrichedEvent::eventId, Types.STRING)
                .process(new BestOfEachEvent())
                .uid(SOURCE_UID + "-dedup")
                .name("One row per event id");
    }

    /**
     * {@link #read(StreamExecutionEnvironment, String)} of the events whose time lies in {@code
     * [from, until)}: only the hour partitions ({@code dt=…/hour=…}, by event time) of the window
     * are listed, so an hourly job reads an hour, not the lake.
     */
    public static DataStream<EnrichedEvent> read(
            StreamExecutionEnvironment env, String path, Instant from, Instant until)
            throws IOException {
        List<Path> partitions = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS);
                hour.isBefore(until);
                hour = hour.plus(1, ChronoUnit.HOURS)) {
            Path partition = new Path(path, EventTimeBucketAssigner.bucketOf(hour));
            if (partition.getFileSystem().exists(partition)) {
                partitions.add(partition);
            }
        }
        if (partitions.isEmpty()) {
            // Flink's collection sources refuse an empty collection; one number, no event
            return env.fromSequence(0, 0)
                    .uid(SOURCE_UID)
                    .name("Event lake files (none in the window)")
                    .flatMap((Long n, org.apache.flink.util.Collector<EnrichedEvent> out) -> {})
                    .returns(TypeInformation.of(EnrichedEvent.class))
                    .uid(SOURCE_UID + "-none")
                    .name("No events");
        }
        FileSource<EnrichedEvent> source =
                FileSource.forRecordStreamFormat(
                                new EventLakeFormat(), partitions.toArray(Path[]::new))
                        .build();
        return oneRowPerEvent(
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "Event lake files")
                        .uid(SOURCE_UID)
                        .name("Event lake files of the window")
                        .filter(
                                e ->
                                        !e.event().eventTime().isBefore(from)
                                                && e.event().eventTime().isBefore(until))
                        .uid(SOURCE_UID + "-window")
                        .name("Events of the window"));
    }

    /** Every row of the lake as stored, replayed copies included. */
    public static DataStream<EnrichedEvent> readRows(StreamExecutionEnvironment env, String path) {
        FileSource<EnrichedEvent> source =
                FileSource.forRecordStreamFormat(new EventLakeFormat(), new Path(path)).build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Event lake files")
                .uid(SOURCE_UID)
                .name("Event lake files");
    }

    /** Keeps the most complete row of each event id and passes it on when the input ends. */
    static final class BestOfEachEvent
            extends KeyedProcessFunction<String, EnrichedEvent, EnrichedEvent> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<EnrichedEvent> best;

        @Override
        public void open(OpenContext openContext) {
            best =
                    getRuntimeContext()
                            .getState(
                                    new ValueStateDescriptor<>(
                                            "lake-event-best",
                                            TypeInformation.of(EnrichedEvent.class)));
        }

        @Override
        public void processElement(EnrichedEvent row, Context ctx, Collector<EnrichedEvent> out)
                throws Exception {
            EnrichedEvent kept = best.value();
            if (kept == null) {
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
            if (kept == null || better(row, kept)) {
                best.update(row);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedEvent> out)
                throws Exception {
            out.collect(best.value());
            best.clear();
        }

        /** Fewer missing enrichments first, then the more complete join. */
        static boolean better(EnrichedEvent row, EnrichedEvent kept) {
            int missing = row.metadataOrNone().missing().size();
            int keptMissing = kept.metadataOrNone().missing().size();
            if (missing != keptMissing) {
                return missing < keptMissing;
            }
            return rank(row) > rank(kept);
        }

        static int rank(EnrichedEvent row) {
            String join = row.metadataOrNone().join();
            if (Metadata.COMPLETED.equals(join)) {
                return 3;
            }
            if (Metadata.JOINED.equals(join)) {
                return 2;
            }
            return Metadata.PROMPT_MISSING.equals(join) ? 0 : 1;
        }
    }
}
