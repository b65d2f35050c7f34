package dev.memorygraph.operators.dedup;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Configuration of stage 2 (deduplication by event id). */
public final class DedupOptions {

    private DedupOptions() {}

    public static final ConfigOption<Duration> TTL =
            ConfigOptions.key("dedup.ttl")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "How long an event id is remembered after it was first seen"
                                    + " (processing time). A copy arriving later than this is"
                                    + " processed again; downstream writes are idempotent by id.");
}
