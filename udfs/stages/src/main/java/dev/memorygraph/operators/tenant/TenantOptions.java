package dev.memorygraph.operators.tenant;

import dev.memorygraph.core.config.JobConfig;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** Configuration of tenant resolution: the option keys and their values. */
public record TenantOptions(Duration sessionTtl, Duration waitForSession) implements Serializable {

    public static final ConfigOption<Duration> SESSION_TTL =
            ConfigOptions.key("tenant.session-ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "How long a session's tenant (from its latest session event) is"
                                    + " remembered after that event, for the session's prompts.");

    public static final ConfigOption<Duration> WAIT =
            ConfigOptions.key("tenant.wait")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "How long a prompt whose session has no tenant yet waits for the"
                                    + " session event (processing time); 0: it never waits.");

    public TenantOptions {
        JobConfig.positive(SESSION_TTL, sessionTtl);
        if (waitForSession == null || waitForSession.isNegative()) {
            throw JobConfig.invalid(WAIT.key(), waitForSession, "must not be negative");
        }
    }

    public static TenantOptions fromConfig(ReadableConfig config) {
        return new TenantOptions(config.get(SESSION_TTL), config.get(WAIT));
    }
}
