package dev.memorygraph.operators.graph;

import dev.memorygraph.core.config.JobConfig;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** Configuration of stage 7 (graph extraction): the option keys and their values. */
public record GraphOptions(Duration sessionTtl, int maxSessionPrompts) implements Serializable {

    public GraphOptions {
        JobConfig.positive(SESSION_TTL, sessionTtl);
        if (maxSessionPrompts < 2) {
            throw JobConfig.invalid(
                    MAX_SESSION_PROMPTS.key(), maxSessionPrompts, "must be at least 2");
        }
    }

    public static GraphOptions fromConfig(ReadableConfig config) {
        return new GraphOptions(config.get(SESSION_TTL), config.get(MAX_SESSION_PROMPTS));
    }

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
