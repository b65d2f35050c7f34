package dev.memorygraph.operators.tenant;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** Configuration of tenant resolution: the option keys and their values. */
public record TenantOptions(Duration sessionTtl) implements Serializable {

    public static final ConfigOption<Duration> SESSION_TTL =
            ConfigOptions.key("tenant.session-ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "How long a session's tenant (from its latest session event) is"
                                    + " remembered after that event, for the session's prompts.");

    public TenantOptions {
        if (sessionTtl == null || sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException(
                    "Invalid value '"
                            + sessionTtl
                            + "' for "
                            + SESSION_TTL.key()
                            + ": must be positive");
        }
    }

    public static TenantOptions fromConfig(ReadableConfig config) {
        return new TenantOptions(config.get(SESSION_TTL));
    }
}
