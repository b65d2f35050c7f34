package dev.memorygraph.operators.erasure;

import dev.memorygraph.core.config.JobConfig;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** Options of the erasure filter ({@code erasure.*}): where the tombstones are, how fresh. */
public record ErasureOptions(Optional<String> tombstones, Duration refreshInterval) {

    public static final ConfigOption<String> TOMBSTONES =
            ConfigOptions.key("erasure.tombstones")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory (any Flink file system) of the erased users' tombstones,"
                                    + " written by the erasure job; the streaming job drops every"
                                    + " event of a user in it. Off when not set.");

    public static final ConfigOption<Duration> REFRESH_INTERVAL =
            ConfigOptions.key("erasure.refresh-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How often a running job reads the tombstones again; the erasure job"
                                    + " waits this long after writing one before it deletes.");

    public static ErasureOptions fromConfig(ReadableConfig config) {
        return new ErasureOptions(
                config.getOptional(TOMBSTONES).map(String::strip).filter(s -> !s.isEmpty()),
                JobConfig.positive(REFRESH_INTERVAL, config.get(REFRESH_INTERVAL)));
    }
}
