package dev.memorygraph.sinks.neo4j;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

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
                    .defaultValue("bolt://localhost:7687")
                    .withDescription("Bolt URI of the Neo4j server or cluster (neo4j:// routes).");

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

    public static final ConfigOption<Integer> MAX_IN_FLIGHT_BATCHES =
            ConfigOptions.key("neo4j.max-in-flight-batches")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Transactions in flight per subtask. Keep 1: FOLLOWS links rely on"
                                    + " batches committing in order.");

    public static final ConfigOption<Duration> RETRY_INITIAL_BACKOFF =
            ConfigOptions.key("neo4j.retry.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("First retry delay after a transient error; doubles per try.");

    public static final ConfigOption<Integer> RETRY_MAX_RETRIES =
            ConfigOptions.key("neo4j.retry.max-retries")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "Retries of a batch after transient errors (1 s, 2 s, 4 s by"
                                    + " default) before it is split to find a poison mutation.");

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
