package dev.memorygraph.operators.lake;

import dev.memorygraph.core.config.JobConfig;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

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

    /** {@code lake.path}, which has no default: a missing one fails with its key. */
    public static String path(ReadableConfig config) {
        return JobConfig.required(
                config, PATH, "the event lake's root (a local directory or s3://)");
    }
}
