package dev.memorygraph.operators.graph;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Configuration of stage 7 (graph extraction). */
public final class GraphOptions {

    private GraphOptions() {}

    public static final ConfigOption<Duration> SESSION_TTL =
            ConfigOptions.key("graph.session-ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "How long a session's prompt order is kept after its last prompt"
                                    + " (processing time). A prompt arriving later starts a new"
                                    + " FOLLOWS chain instead of joining the old one.");

    public static final ConfigOption<Integer> MAX_SESSION_PROMPTS =
            ConfigOptions.key("graph.max-session-prompts")
                    .intType()
                    .defaultValue(10_000)
                    .withDescription(
                            "Prompts remembered per session for FOLLOWS ordering; beyond this the"
                                    + " oldest are forgotten.");
}
