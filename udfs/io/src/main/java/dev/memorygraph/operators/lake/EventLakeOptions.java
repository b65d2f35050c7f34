package dev.memorygraph.operators.lake;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

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
}
