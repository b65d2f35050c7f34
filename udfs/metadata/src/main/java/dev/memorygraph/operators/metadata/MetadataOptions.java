package dev.memorygraph.operators.metadata;

import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The {@code join.*} and {@code registry.*} options of stage 6, and the checked settings they make.
 *
 * @param joinWait how long (event time) a response waits for its prompt
 * @param joinRetention how long a prompt's link, and a response that went on without its prompt,
 *     are kept
 * @param prices the fallback price table
 * @param users the user directory's settings
 */
public record MetadataOptions(
        Duration joinWait,
        Duration joinRetention,
        RegistrySettings registry,
        PriceTable prices,
        UserDirectorySettings users)
        implements Serializable {

    public static final ConfigOption<Duration> JOIN_WAIT =
            ConfigOptions.key("join.wait")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "How long (event time) a response waits for its prompt before it goes"
                                    + " on with partial data (marked prompt_missing).");

    public static final ConfigOption<Duration> JOIN_RETENTION =
            ConfigOptions.key("join.retention")
                    .durationType()
                    .defaultValue(Duration.ofHours(2))
                    .withDescription(
                            "How long a prompt's model, tenant and session are kept for its"
                                    + " responses, and a partial response for its late prompt."
                                    + " At least join.wait.");

    public static final ConfigOption<String> ADDRESS =
            ConfigOptions.key("registry.address")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "gRPC target of the LLM-Registry (host:port or dns:///host:port)."
                                    + " Unset: no model lookups; prices from"
                                    + " registry.fallback-prices.");

    public static final ConfigOption<Boolean> TLS =
            ConfigOptions.key("registry.tls")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription("Whether the registry is called over TLS (system trust).");

    public static final ConfigOption<Duration> CACHE_TTL =
            ConfigOptions.key("registry.cache.ttl")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "How long a registry answer is used before it is asked again; the"
                                    + " update stream refreshes entries meanwhile.");

    public static final ConfigOption<Integer> BATCH_SIZE =
            ConfigOptions.key("registry.batch.max-size")
                    .intType()
                    .defaultValue(100)
                    .withDescription("Model ids asked in one BatchGetModels call at most.");

    public static final ConfigOption<Duration> BATCH_DELAY =
            ConfigOptions.key("registry.batch.max-delay")
                    .durationType()
                    .defaultValue(Duration.ofMillis(5))
                    .withDescription(
                            "How long a cache miss waits for other misses to share its call.");

    public static final ConfigOption<Duration> TIMEOUT =
            ConfigOptions.key("registry.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription(
                            "Deadline of one registry call; then the events go on with partial"
                                    + " data.");

    public static final ConfigOption<Duration> INITIAL_BACKOFF =
            ConfigOptions.key("registry.reconnect.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "First wait before the update stream is reopened and before lookups"
                                    + " are tried again after a failed call; doubles each time.");

    public static final ConfigOption<Duration> MAX_BACKOFF =
            ConfigOptions.key("registry.reconnect.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription("Longest wait between reconnection attempts.");

    public static final ConfigOption<Integer> CAPACITY =
            ConfigOptions.key("registry.capacity")
                    .intType()
                    .defaultValue(1_000)
                    .withDescription("Events in flight in the lookup, per subtask.");

    public static final ConfigOption<String> FALLBACK_PRICES =
            ConfigOptions.key("registry.fallback-prices")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "CSV of effective-dated prices used while the registry does not"
                                    + " answer (format in the README). Unset: the table shipped"
                                    + " in the job jar.");

    public static final ConfigOption<String> USER_URL =
            ConfigOptions.key("user.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Base URL of the user directory (GET {url}/v1/users/{id}, contract in"
                                    + " the README). Unset: no user lookups.");

    public static final ConfigOption<String> USER_API_KEY_FILE =
            ConfigOptions.key("user.api-key-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the directory's bearer token.");

    public static final ConfigOption<Duration> USER_CACHE_TTL =
            ConfigOptions.key("user.cache.ttl")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription("How long a directory answer (unknown users too) is used.");

    public static final ConfigOption<Duration> USER_TIMEOUT =
            ConfigOptions.key("user.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription("Timeout of one directory request.");

    public static final ConfigOption<List<String>> USER_GRAPH_ATTRIBUTES =
            ConfigOptions.key("user.graph-attributes")
                    .stringType()
                    .asList()
                    .defaultValues("team", "department", "role")
                    .withDescription(
                            "Display attributes of the directory kept on the event and the graph's"
                                    + " User node; everything else it sends (names, e-mail) is"
                                    + " dropped at the lookup.");

    public static final ConfigOption<Integer> USER_CAPACITY =
            ConfigOptions.key("user.capacity")
                    .intType()
                    .defaultValue(1_000)
                    .withDescription("Events in flight in the user lookup, per subtask.");

    /** {@code user.retry.*}: the directory's schedule for 429, 5xx and outages. */
    public static final RetryPolicy.Options USER_RETRY =
            RetryPolicy.options(
                    "user.retry",
                    RetryPolicy.of(
                            "user.retry",
                            Duration.ofMillis(200),
                            2.0,
                            Duration.ofSeconds(1),
                            2,
                            0.0));

    public static MetadataOptions fromConfig(ReadableConfig config) {
        Duration wait = config.get(JOIN_WAIT);
        if (wait.isNegative()) {
            throw JobConfig.invalid(JOIN_WAIT.key(), wait, "must not be negative");
        }
        Duration retention = JobConfig.positive(JOIN_RETENTION, config.get(JOIN_RETENTION));
        if (retention.compareTo(wait) < 0) {
            throw JobConfig.invalid(
                    JOIN_RETENTION.key(),
                    retention,
                    "must be at least " + JOIN_WAIT.key() + " (" + wait + ")");
        }
        String address = config.getOptional(ADDRESS).map(String::strip).orElse(null);
        if (address != null
                && !address.matches("[A-Za-z0-9.\\-]+:\\d{1,5}|\\[[0-9A-Fa-f:]+\\]:\\d{1,5}")
                && !address.startsWith("dns:")
                && !address.startsWith("unix:")) {
            throw JobConfig.invalid(
                    ADDRESS.key(),
                    address,
                    "a gRPC target: host:port, dns:///host:port or unix:/path (not an http URL)");
        }
        int batchSize = config.get(BATCH_SIZE);
        if (batchSize < 1 || batchSize > 1_000) {
            throw JobConfig.invalid(BATCH_SIZE.key(), batchSize, "must be 1 to 1000");
        }
        Duration batchDelay = config.get(BATCH_DELAY);
        if (batchDelay.isNegative()) {
            throw JobConfig.invalid(BATCH_DELAY.key(), batchDelay, "must not be negative");
        }
        Duration initial = JobConfig.positive(INITIAL_BACKOFF, config.get(INITIAL_BACKOFF));
        Duration max = JobConfig.positive(MAX_BACKOFF, config.get(MAX_BACKOFF));
        if (max.compareTo(initial) < 0) {
            throw JobConfig.invalid(
                    MAX_BACKOFF.key(), max, "must be at least " + INITIAL_BACKOFF.key());
        }
        int capacity = config.get(CAPACITY);
        if (capacity < 1) {
            throw JobConfig.invalid(CAPACITY.key(), capacity, "must be at least 1");
        }
        RegistrySettings registry =
                new RegistrySettings(
                        address,
                        config.get(TLS),
                        JobConfig.positive(CACHE_TTL, config.get(CACHE_TTL)),
                        batchSize,
                        batchDelay,
                        JobConfig.positive(TIMEOUT, config.get(TIMEOUT)),
                        initial,
                        max,
                        capacity);
        return new MetadataOptions(wait, retention, registry, prices(config), users(config));
    }

    private static UserDirectorySettings users(ReadableConfig config) {
        String url = config.getOptional(USER_URL).map(String::strip).orElse(null);
        if (url != null) {
            try {
                java.net.URI uri = java.net.URI.create(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                        || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                // the value is not echoed: a malformed URL may hold credentials
                throw JobConfig.invalid(USER_URL.key(), "(not shown)", "must be an http(s) URL", e);
            }
            if (url.contains("@")) {
                throw JobConfig.invalid(
                        USER_URL.key(),
                        "(not shown)",
                        "must not hold credentials; put the token in " + USER_API_KEY_FILE.key());
            }
        }
        String keyFile =
                JobConfig.readableFile(USER_API_KEY_FILE.key(), config.get(USER_API_KEY_FILE));
        if (keyFile != null) {
            try {
                if (java.nio.file.Files.readString(Path.of(keyFile)).isBlank()) {
                    throw JobConfig.invalid(USER_API_KEY_FILE.key(), keyFile, "the file is empty");
                }
            } catch (IOException e) {
                throw JobConfig.invalid(USER_API_KEY_FILE.key(), keyFile, "not readable", e);
            }
        }
        int capacity = config.get(USER_CAPACITY);
        if (capacity < 1) {
            throw JobConfig.invalid(USER_CAPACITY.key(), capacity, "must be at least 1");
        }
        for (String name : config.get(USER_GRAPH_ATTRIBUTES)) {
            if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")
                    || java.util.Set.of("id", "tenant", "orgId").contains(name)) {
                throw JobConfig.invalid(
                        USER_GRAPH_ATTRIBUTES.key(),
                        name,
                        "attribute names are letters, digits and _, and not id, tenant or"
                                + " orgId (they become properties of the graph's User node)");
            }
        }
        return new UserDirectorySettings(
                url,
                keyFile,
                JobConfig.positive(USER_CACHE_TTL, config.get(USER_CACHE_TTL)),
                JobConfig.positive(USER_TIMEOUT, config.get(USER_TIMEOUT)),
                USER_RETRY.read(config),
                List.copyOf(config.get(USER_GRAPH_ATTRIBUTES)),
                capacity);
    }

    private static PriceTable prices(ReadableConfig config) {
        String file = config.getOptional(FALLBACK_PRICES).orElse(null);
        if (file == null) {
            return PriceTable.bundled();
        }
        String readable = JobConfig.readableFile(FALLBACK_PRICES.key(), file);
        try {
            return PriceTable.read(Path.of(readable));
        } catch (IOException | IllegalArgumentException e) {
            throw JobConfig.invalid(FALLBACK_PRICES.key(), file, "not a price table: " + e, e);
        }
    }
}
