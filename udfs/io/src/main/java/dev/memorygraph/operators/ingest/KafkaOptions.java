package dev.memorygraph.operators.ingest;

import dev.memorygraph.model.TopicMapping;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Kafka configuration of the streaming job (spec §5.1). Client settings not named here pass through
 * with the {@code kafka.properties.} prefix, e.g. {@code kafka.properties.security.protocol:
 * SASL_SSL}; put secrets there from the environment or a secret file, never in a checked-in file.
 */
public final class KafkaOptions {

    private KafkaOptions() {}

    public static final String CLIENT_PROPERTIES_PREFIX = "kafka.properties.";

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            ConfigOptions.key("kafka.bootstrap-servers")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Kafka bootstrap servers, comma-separated. Required.");

    public static final ConfigOption<String> GROUP_ID =
            ConfigOptions.key("kafka.group-id")
                    .stringType()
                    .defaultValue("memory-graph-ingestion")
                    .withDescription(
                            "Consumer group; offsets are committed to it on each completed"
                                    + " checkpoint and used on a start without state.");

    public static final ConfigOption<String> PROMPTS_TOPIC =
            ConfigOptions.key("kafka.topic.prompts")
                    .stringType()
                    .defaultValue("llm.prompts.v1")
                    .withDescription("Topic of prompt events.");

    public static final ConfigOption<String> RESPONSES_TOPIC =
            ConfigOptions.key("kafka.topic.responses")
                    .stringType()
                    .defaultValue("llm.responses.v1")
                    .withDescription("Topic of response events.");

    public static final ConfigOption<String> SESSIONS_TOPIC =
            ConfigOptions.key("kafka.topic.sessions")
                    .stringType()
                    .defaultValue("llm.sessions.v1")
                    .withDescription("Topic of session events.");

    public static final ConfigOption<String> DLQ_TOPIC =
            ConfigOptions.key("kafka.topic.dlq")
                    .stringType()
                    .defaultValue("llm.dlq.v1")
                    .withDescription("Dead-letter topic.");

    public static final ConfigOption<String> REENRICH_TOPIC =
            ConfigOptions.key("kafka.topic.reenrich")
                    .stringType()
                    .defaultValue("llm.reenrich.v1")
                    .withDescription(
                            "Events that went on with partial data because an enrichment service"
                                    + " did not answer; completed by the re-enrichment job.");

    public static final ConfigOption<String> RECONCILIATION_TOPIC =
            ConfigOptions.key("kafka.topic.reconciliation")
                    .stringType()
                    .defaultValue("llm.reconcile.v1")
                    .withDescription(
                            "Writes a store could not take after all retries, when that store's"
                                    + " on-retries-exhausted is RECONCILE, with what is needed to"
                                    + " redo them; replayed by the reconciliation job.");

    public static final ConfigOption<Integer> DLQ_MAX_REQUEST_SIZE =
            ConfigOptions.key("kafka.dlq.max-request-size")
                    .intType()
                    .defaultValue(16 * 1024 * 1024)
                    .withDescription(
                            "Producer max.request.size of the dead-letter sink. Originals larger"
                                    + " than this minus 64 KiB are truncated, with their size and"
                                    + " SHA-256 in headers. The DLQ topic's max.message.bytes must"
                                    + " be at least this.");

    public static final ConfigOption<Duration> WATERMARK_OUT_OF_ORDERNESS =
            ConfigOptions.key("kafka.watermark.max-out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription("Bounded out-of-orderness of Kafka record timestamps.");

    public static final ConfigOption<Duration> WATERMARK_IDLENESS =
            ConfigOptions.key("kafka.watermark.idleness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "A partition without records for this long stops holding back the"
                                    + " watermark.");

    /** The three source topics. */
    public static TopicMapping topics(ReadableConfig config) {
        return new TopicMapping(
                config.get(PROMPTS_TOPIC), config.get(RESPONSES_TOPIC), config.get(SESSIONS_TOPIC));
    }

    public static String bootstrapServers(ReadableConfig config) {
        return config.getOptional(BOOTSTRAP_SERVERS)
                .filter(s -> !s.isBlank())
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        BOOTSTRAP_SERVERS.key() + " must be set"));
    }

    /** Client properties given with the {@code kafka.properties.} prefix, prefix removed. */
    public static Properties clientProperties(Configuration config) {
        Properties props = new Properties();
        for (Map.Entry<String, String> e : config.toMap().entrySet()) {
            if (e.getKey().startsWith(CLIENT_PROPERTIES_PREFIX)) {
                props.setProperty(
                        e.getKey().substring(CLIENT_PROPERTIES_PREFIX.length()), e.getValue());
            }
        }
        return props;
    }
}
