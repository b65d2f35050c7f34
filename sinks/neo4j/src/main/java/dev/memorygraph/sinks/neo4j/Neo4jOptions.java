package dev.memorygraph.sinks.neo4j;

import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.sinks.base.RetriesExhausted;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/** Configuration of the Neo4j sink (spec §6.1 batching, §6.2 connection pool). */
public final class Neo4jOptions {

    private Neo4jOptions() {}

    public static final ConfigOption<Boolean> ENABLED =
            ConfigOptions.key("neo4j.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Whether the streaming job writes the graph to Neo4j.");

    public static final ConfigOption<String> URI =
            ConfigOptions.key("neo4j.uri")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Bolt URI of the Neo4j server or cluster (neo4j:// routes). Required"
                                    + " when neo4j.enabled.");

    public static final ConfigOption<String> DATABASE =
            ConfigOptions.key("neo4j.database")
                    .stringType()
                    .defaultValue("neo4j")
                    .withDescription("Database the graph is written to.");

    public static final ConfigOption<String> USERNAME =
            ConfigOptions.key("neo4j.username")
                    .stringType()
                    .defaultValue("neo4j")
                    .withDescription("User for basic authentication.");

    public static final ConfigOption<String> PASSWORD_FILE =
            ConfigOptions.key("neo4j.password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "File holding the password (a mounted secret). Without it the sink"
                                    + " connects without authentication.");

    public static final ConfigOption<Integer> POOL_MAX_SIZE =
            ConfigOptions.key("neo4j.pool.max-size")
                    .intType()
                    .defaultValue(50)
                    .withDescription("Maximum connections per sink subtask.");

    public static final ConfigOption<Duration> POOL_ACQUISITION_TIMEOUT =
            ConfigOptions.key("neo4j.pool.acquisition-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription("How long a write waits for a pooled connection.");

    public static final ConfigOption<Integer> BATCH_MAX_SIZE =
            ConfigOptions.key("neo4j.batch.max-size")
                    .intType()
                    .defaultValue(1000)
                    .withDescription("Mutations per transaction at most.");

    public static final ConfigOption<Duration> BATCH_MAX_TIME =
            ConfigOptions.key("neo4j.batch.max-time")
                    .durationType()
                    .defaultValue(Duration.ofMillis(100))
                    .withDescription("How long a mutation may wait in the buffer for a batch.");

    public static final ConfigOption<Integer> BUFFER_MAX_MUTATIONS =
            ConfigOptions.key("neo4j.buffer.max-mutations")
                    .intType()
                    .defaultValue(10_000)
                    .withDescription(
                            "Mutations buffered per subtask before the sink back-pressures.");

    public static final ConfigOption<MemorySize> BATCH_MAX_BYTES =
            ConfigOptions.key("neo4j.batch.max-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(64))
                    .withDescription(
                            "Estimated bytes of one transaction's mutations at most; at least"
                                    + " neo4j.record.max-bytes.");

    public static final ConfigOption<MemorySize> RECORD_MAX_BYTES =
            ConfigOptions.key("neo4j.record.max-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(16))
                    .withDescription(
                            "Estimated bytes of one mutation at most; a larger one goes to the"
                                    + " dead-letter queue (WRITE_TOO_LARGE). Must be at least"
                                    + " validation.max-record-size, checked at start.");

    public static final ConfigOption<Integer> REFERENCE_CACHE_MAX_ENTRIES =
            ConfigOptions.key("neo4j.reference-cache.max-entries")
                    .intType()
                    .defaultValue(100_000)
                    .withDescription(
                            "Reference nodes and relationships (users, sessions, models, tenants,"
                                    + " ...) each sink subtask remembers having written, so it does"
                                    + " not write them again unchanged; 0 turns this off.");

    /** Transient errors: 1 s, 2 s, 4 s by default (spec §2.2). */
    public static final RetryPolicy.Options RETRY = RetryPolicy.options("neo4j.retry");

    /** Deadlocks and lock waits: short and jittered, see {@link SinkErrorHandling}. */
    public static final RetryPolicy.Options CONTENTION_RETRY =
            RetryPolicy.options(
                    "neo4j.contention-retry", SinkErrorHandling.DEFAULT_CONTENTION_RETRIES);

    public static final ConfigOption<RetriesExhausted> ON_RETRIES_EXHAUSTED =
            ConfigOptions.key("neo4j.on-retries-exhausted")
                    .enumType(RetriesExhausted.class)
                    .defaultValue(RetriesExhausted.FAIL)
                    .withDescription(
                            "What happens to a batch whose transient errors outlast the retries:"
                                    + " FAIL the job (restart from the checkpoint, nothing lost)"
                                    + " or RECONCILE (to the reconciliation topic).");

    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT =
            ConfigOptions.key("neo4j.transaction.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription("Server-side timeout of one batch transaction.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("neo4j.request.timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "A batch still unresolved after this (retries and splitting"
                                    + " included) fails the job, which restarts from its last"
                                    + " checkpoint.");
}
