package dev.memorygraph.batch.reenrich;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** The {@code reenrich.*} options of {@link ReEnrichmentJob}. */
public final class ReEnrichmentOptions {

    private ReEnrichmentOptions() {}

    /** Where a run takes its events from. */
    public enum Source {
        /** {@code kafka.topic.reenrich}: what the group has not done, or a window of it. */
        TOPIC,
        /** The event lake: the events of {@code --from}/{@code --until} that lack something. */
        LAKE
    }

    public static final ConfigOption<Source> SOURCE =
            ConfigOptions.key("reenrich.source")
                    .enumType(Source.class)
                    .defaultValue(Source.TOPIC)
                    .withDescription(
                            "TOPIC: the re-enrichment topic; LAKE: the lake's events of a window"
                                    + " (--from/--until) that lack something.");

    public static final ConfigOption<String> GROUP =
            ConfigOptions.key("reenrich.group")
                    .stringType()
                    .defaultValue("memory-graph-reenrich")
                    .withDescription(
                            "Consumer group whose committed offsets mark what runs have done.");
}
