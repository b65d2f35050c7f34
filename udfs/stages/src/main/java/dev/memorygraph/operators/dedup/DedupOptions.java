package dev.memorygraph.operators.dedup;

import dev.memorygraph.core.config.JobConfig;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** Configuration of stage 2 (deduplication by event id): the option keys and their values. */
public record DedupOptions(Duration ttl) implements Serializable {

    public DedupOptions {
        JobConfig.positive(TTL, ttl);
    }

    public static DedupOptions fromConfig(ReadableConfig config) {
        return new DedupOptions(config.get(TTL));
    }

    public static final ConfigOption<Duration> TTL =
            ConfigOptions.key("dedup.ttl")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "How long an event id is remembered after it was first seen"
                                    + " (processing time). A copy arriving later than this is"
                                    + " processed again; downstream writes are idempotent by id.");
}
