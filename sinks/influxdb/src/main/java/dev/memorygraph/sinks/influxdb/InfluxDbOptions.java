package dev.memorygraph.sinks.influxdb;

import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.sinks.base.RetriesExhausted;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/** The {@code influxdb.*} options of the InfluxDB sink. */
public final class InfluxDbOptions {

    private InfluxDbOptions() {}

    public static final ConfigOption<Boolean> ENABLED =
            ConfigOptions.key("influxdb.enabled")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription("Whether the job writes time-series points to InfluxDB.");

    public static final ConfigOption<String> URL =
            ConfigOptions.key("influxdb.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Base URL of a server speaking the InfluxDB v2 write API, e.g."
                                    + " http://influxdb:8086. Required when the sink is on.");

    public static final ConfigOption<String> ORG =
            ConfigOptions.key("influxdb.org")
                    .stringType()
                    .defaultValue("memory-graph")
                    .withDescription("InfluxDB organisation.");

    public static final ConfigOption<String> BUCKET =
            ConfigOptions.key("influxdb.bucket")
                    .stringType()
                    .defaultValue("llm")
                    .withDescription("InfluxDB bucket the points are written to.");

    public static final ConfigOption<String> TOKEN_FILE =
            ConfigOptions.key("influxdb.token-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the API token (none: no authentication).");

    public static final ConfigOption<Integer> BATCH_MAX_POINTS =
            ConfigOptions.key("influxdb.batch.max-points")
                    .intType()
                    .defaultValue(5_000)
                    .withDescription("Points per write request at most (InfluxDB advises 5,000).");

    public static final ConfigOption<MemorySize> BATCH_MAX_BYTES =
            ConfigOptions.key("influxdb.batch.max-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.parse("4mb"))
                    .withDescription("Bytes of line protocol per write request at most.");

    public static final ConfigOption<Duration> BATCH_MAX_TIME =
            ConfigOptions.key("influxdb.batch.max-time")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("A partial batch is sent after this long.");

    public static final ConfigOption<Integer> BUFFER_MAX_POINTS =
            ConfigOptions.key("influxdb.buffer.max-points")
                    .intType()
                    .defaultValue(50_000)
                    .withDescription("Points buffered per subtask before back-pressure.");

    public static final ConfigOption<Integer> MAX_IN_FLIGHT =
            ConfigOptions.key("influxdb.max-in-flight")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "Write requests in flight per subtask; points are keyed by series and"
                                    + " time, so order does not matter.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("influxdb.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "A write still open after this long fails the job; retries happen"
                                    + " before.");

    public static final ConfigOption<RetriesExhausted> ON_RETRIES_EXHAUSTED =
            ConfigOptions.key("influxdb.on-retries-exhausted")
                    .enumType(RetriesExhausted.class)
                    .defaultValue(RetriesExhausted.FAIL)
                    .withDescription(
                            "FAIL: the job fails and restarts from its checkpoint. RECONCILE: the"
                                    + " points go to the reconciliation topic and the job goes on.");

    /** {@code influxdb.retry.*}: the schedule for overload and outages (1 s, 2 s, 4 s). */
    public static final RetryPolicy.Options RETRY = RetryPolicy.options("influxdb.retry");
}
