package dev.memorygraph.operators.lake;

import dev.memorygraph.core.config.JobConfig;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.sink.compactor.FileCompactStrategy;

/** Configuration of the event lake. */
public final class EventLakeOptions {

    private EventLakeOptions() {}

    public static final ConfigOption<String> PATH =
            ConfigOptions.key("lake.path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Flink file system path of the event lake: a local directory, or"
                                    + " s3://bucket/prefix in production (with a Flink S3 file"
                                    + " system plugin).");

    public static final ConfigOption<String> COMPRESSION =
            ConfigOptions.key("lake.compression")
                    .stringType()
                    .defaultValue("SNAPPY")
                    .withDescription(
                            "Parquet compression codec: UNCOMPRESSED, SNAPPY, GZIP or ZSTD.");

    public static final ConfigOption<Boolean> COMPACTION_ENABLED =
            ConfigOptions.key("lake.compaction.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Whether the lake sink merges the small files each checkpoint writes"
                                    + " (one per subtask and partition) into files of about"
                                    + " lake.compaction.target-file-size. Files become visible"
                                    + " when they are compacted.");

    public static final ConfigOption<MemorySize> COMPACTION_TARGET_FILE_SIZE =
            ConfigOptions.key("lake.compaction.target-file-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("128mb"))
                    .withDescription(
                            "A partition's pending files are compacted as soon as together they"
                                    + " reach this size.");

    public static final ConfigOption<Integer> COMPACTION_CHECKPOINTS =
            ConfigOptions.key("lake.compaction.checkpoints")
                    .intType()
                    .defaultValue(10)
                    .withDescription(
                            "Pending files smaller than the target are compacted at the latest"
                                    + " after this many checkpoints, which bounds how late rows"
                                    + " become visible (with a 60 s interval, 10 minutes) and how"
                                    + " many files an hour's partition gets (about 6).");

    /** The compaction settings, checked: a size or count below one is refused with its key. */
    public static FileCompactStrategy compaction(ReadableConfig config) {
        MemorySize size = config.get(COMPACTION_TARGET_FILE_SIZE);
        if (size.getBytes() < 1) {
            throw JobConfig.invalid(
                    COMPACTION_TARGET_FILE_SIZE.key(), size, "must be at least one byte");
        }
        int checkpoints = config.get(COMPACTION_CHECKPOINTS);
        if (checkpoints < 1) {
            throw JobConfig.invalid(COMPACTION_CHECKPOINTS.key(), checkpoints, "must be 1 or more");
        }
        return FileCompactStrategy.Builder.newBuilder()
                .setSizeThreshold(size.getBytes())
                .enableCompactionOnCheckpoint(checkpoints)
                .build();
    }

    /** {@code lake.path}, which has no default: a missing one fails with its key. */
    public static String path(ReadableConfig config) {
        return JobConfig.required(
                config, PATH, "the event lake's root (a local directory or s3://)");
    }
}
