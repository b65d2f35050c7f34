package dev.memorygraph.operators.rollup;

import dev.memorygraph.core.config.JobConfig;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Configuration of the rollups (spec §4 Job 4): the live one in the streaming job and the hourly
 * job.
 */
public record RollupOptions(boolean enabled, Duration allowedLateness, Duration outOfOrderness)
        implements Serializable {

    public RollupOptions {
        JobConfig.positive(OUT_OF_ORDERNESS, outOfOrderness);
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException(
                    ALLOWED_LATENESS.key() + " must not be negative, was " + allowedLateness);
        }
    }

    public static RollupOptions fromConfig(ReadableConfig config) {
        return new RollupOptions(
                config.get(ENABLED), config.get(ALLOWED_LATENESS), config.get(OUT_OF_ORDERNESS));
    }

    public static final ConfigOption<Boolean> ENABLED =
            ConfigOptions.key("rollup.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Live hourly rollups in the streaming job, written where the time"
                                    + " series go (InfluxDB, when it is enabled).");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            ConfigOptions.key("rollup.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "How long after its hour a late response still corrects the hour's live"
                                    + " rollup (the corrected row overwrites the earlier one); the"
                                    + " hourly batch run corrects anything later.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("rollup.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "How far behind the newest response event time may be before an hour's"
                                    + " live rollup is first emitted.");
}
