package dev.memorygraph.core.metrics;

/**
 * Names and label keys of the pipeline metrics (spec §7). Labels are Flink key/value metric groups,
 * which the Prometheus reporter exports as labels; their values are topic names, stages and reason
 * codes, never event content.
 */
public final class MetricNames {

    private MetricNames() {}

    public static final String EVENTS_RECEIVED_TOTAL = "events_received_total";
    public static final String DEAD_LETTERS_TOTAL = "dead_letters_total";
    public static final String VALIDATION_ERROR_RATE = "validation_error_rate";
    public static final String DUPLICATES_TOTAL = "events_duplicate_total";
    public static final String ENRICHMENT_DURATION_SECONDS = "enrichment_duration_seconds";
    public static final String GRAPH_MUTATIONS_TOTAL = "graph_mutations_total";
    public static final String WRITE_LATENCY_SECONDS = "write_latency_seconds";
    public static final String STORAGE_WRITES_TOTAL = "storage_writes_total";
    public static final String STORAGE_WRITE_FAILURES_TOTAL = "storage_write_failures_total";
    public static final String STORAGE_WRITE_RETRIES_TOTAL = "storage_write_retries_total";
    public static final String CACHE_HIT_RATE = "cache_hit_rate";
    public static final String EMBEDDINGS_TOTAL = "embeddings_total";
    public static final String STORAGE_WRITES_SKIPPED = "storage_writes_skipped";
    public static final String STORAGE_WRITE_RECONCILED_TOTAL = "storage_write_reconciled_total";

    public static final String LABEL_TOPIC = "topic";
    public static final String LABEL_STATUS = "status";
    public static final String LABEL_STAGE = "stage";
    public static final String LABEL_REASON = "reason";
    public static final String LABEL_STORAGE_BACKEND = "storage_backend";
    public static final String LABEL_CAUSE = "cause";
    public static final String LABEL_LAYER = "layer";

    public static final String STATUS_VALID = "valid";
    public static final String STATUS_INVALID = "invalid";
}
