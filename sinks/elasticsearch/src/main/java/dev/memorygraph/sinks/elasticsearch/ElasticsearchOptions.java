package dev.memorygraph.sinks.elasticsearch;

import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.sinks.base.RetriesExhausted;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/** The {@code elasticsearch.*} options of the Elasticsearch sink. */
public final class ElasticsearchOptions {

    private ElasticsearchOptions() {}

    public static final ConfigOption<Boolean> ENABLED =
            ConfigOptions.key("elasticsearch.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Whether the job writes prompts and responses to Elasticsearch.");

    public static final ConfigOption<List<String>> HOSTS =
            ConfigOptions.key("elasticsearch.hosts")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "Elasticsearch nodes as http(s)://host:port, separated by ';'. Required"
                                    + " when the sink is on.");

    public static final ConfigOption<String> INDEX =
            ConfigOptions.key("elasticsearch.index")
                    .stringType()
                    .defaultValue("llm-events")
                    .withDescription(
                            "The alias documents are written through (a reindex swaps the index"
                                    + " behind it).");

    public static final ConfigOption<String> ROLLUPS_INDEX =
            ConfigOptions.key("elasticsearch.rollups-index")
                    .stringType()
                    .defaultValue("llm-rollups")
                    .withDescription(
                            "The rollup view: one document per window and group, written by the"
                                    + " rollup job (see RollupView).");

    public static final ConfigOption<Boolean> BOOTSTRAP =
            ConfigOptions.key("elasticsearch.bootstrap")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Whether writers create the index template and the first index"
                                    + " behind elasticsearch.index when they start.");

    public static final ConfigOption<String> TEXT_ANALYZER =
            ConfigOptions.key("elasticsearch.text.analyzer")
                    .stringType()
                    .defaultValue("english")
                    .withDescription(
                            "The analyzer of prompt and response text (a language analyzer of"
                                    + " Elasticsearch: english, german, french...).");

    public static final ConfigOption<String> TEXT_SYNONYMS_PATH =
            ConfigOptions.key("elasticsearch.text.synonyms-path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A synonyms file (Solr format) in each Elasticsearch node's config"
                                    + " directory, applied when text is searched; updateable"
                                    + " without a reindex.");

    public static final ConfigOption<List<String>> METADATA_INDEXED_FIELDS =
            ConfigOptions.key("elasticsearch.metadata.indexed-fields")
                    .stringType()
                    .asList()
                    .defaultValues("team", "feature", "environment", "channel")
                    .withDescription(
                            "Fields of prompt.metadata indexed as keywords; the others are kept in"
                                    + " _source, not indexed.");

    public static final ConfigOption<String> USERNAME =
            ConfigOptions.key("elasticsearch.username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "User for basic authentication, with elasticsearch.password-file.");

    public static final ConfigOption<String> PASSWORD_FILE =
            ConfigOptions.key("elasticsearch.password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the password of elasticsearch.username.");

    public static final ConfigOption<String> API_KEY_FILE =
            ConfigOptions.key("elasticsearch.api-key-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "File holding an API key (the base64 'id:key' form), sent as"
                                    + " 'Authorization: ApiKey'. Used instead of a user.");

    public static final ConfigOption<Integer> BATCH_MAX_ACTIONS =
            ConfigOptions.key("elasticsearch.batch.max-actions")
                    .intType()
                    .defaultValue(1_000)
                    .withDescription("Documents per bulk request at most.");

    public static final ConfigOption<MemorySize> BATCH_MAX_BYTES =
            ConfigOptions.key("elasticsearch.batch.max-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("20mb"))
                    .withDescription(
                            "Bytes per bulk request at most; at least"
                                    + " elasticsearch.record.max-bytes (Elasticsearch's own limit"
                                    + " is http.max_content_length, 100 MB).");

    public static final ConfigOption<Duration> BATCH_MAX_TIME =
            ConfigOptions.key("elasticsearch.batch.max-time")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("A partial batch is sent after this long.");

    public static final ConfigOption<Integer> BUFFER_MAX_ACTIONS =
            ConfigOptions.key("elasticsearch.buffer.max-actions")
                    .intType()
                    .defaultValue(10_000)
                    .withDescription(
                            "Documents buffered per subtask before the sink applies back-pressure.");

    public static final ConfigOption<MemorySize> RECORD_MAX_BYTES =
            ConfigOptions.key("elasticsearch.record.max-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("16mb"))
                    .withDescription(
                            "A larger document goes to the dead-letter queue (WRITE_TOO_LARGE)"
                                    + " instead of failing every bulk request it is in.");

    public static final ConfigOption<Integer> MAX_IN_FLIGHT =
            ConfigOptions.key("elasticsearch.max-in-flight")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "Bulk requests in flight per subtask. Documents are keyed by id, so"
                                    + " the order of two requests does not matter.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("elasticsearch.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "A bulk request still open after this long fails the job (restart"
                                    + " from the last checkpoint); retries happen before.");

    public static final ConfigOption<RetriesExhausted> ON_RETRIES_EXHAUSTED =
            ConfigOptions.key("elasticsearch.on-retries-exhausted")
                    .enumType(RetriesExhausted.class)
                    .defaultValue(RetriesExhausted.FAIL)
                    .withDescription(
                            "FAIL: the job fails and restarts from its checkpoint. RECONCILE: the"
                                    + " documents go to the reconciliation topic and the job goes on.");

    /** {@code elasticsearch.retry.*}: the schedule for transient failures (1 s, 2 s, 4 s). */
    public static final RetryPolicy.Options RETRY = RetryPolicy.options("elasticsearch.retry");
}
