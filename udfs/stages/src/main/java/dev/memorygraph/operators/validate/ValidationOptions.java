package dev.memorygraph.operators.validate;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;

/** Limits of stage 1 (validation), as {@code validation.*} configuration. */
public final class ValidationOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final ConfigOption<MemorySize> MAX_RECORD_SIZE =
            ConfigOptions.key("validation.max-record-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("4mb"))
                    .withDescription(
                            "Largest Kafka record value accepted; larger records go to the DLQ"
                                    + " as RECORD_TOO_LARGE without being parsed.");

    public static final ConfigOption<Integer> MAX_NESTING_DEPTH =
            ConfigOptions.key("validation.max-nesting-depth")
                    .intType()
                    .defaultValue(64)
                    .withDescription(
                            "Deepest JSON nesting accepted; the parser stops at this depth, so"
                                    + " hostile input costs no more than this.");

    public static final ConfigOption<Duration> MAX_EVENT_AGE =
            ConfigOptions.key("validation.max-event-age")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription("Events whose timestamp is older than this are rejected.");

    public static final ConfigOption<Duration> MAX_CLOCK_SKEW =
            ConfigOptions.key("validation.max-clock-skew")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "Events whose timestamp is further than this in the future are"
                                    + " rejected.");

    public static final ConfigOption<Duration> ERROR_RATE_WINDOW =
            ConfigOptions.key("validation.error-rate.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription("Sliding window of the validation error rate metric.");

    public static final ConfigOption<Double> ERROR_RATE_WARN_THRESHOLD =
            ConfigOptions.key("validation.error-rate.warn-threshold")
                    .doubleType()
                    .defaultValue(0.01)
                    .withDescription(
                            "Share of invalid records in the window above which a WARN is"
                                    + " logged (spec §2.2: alert above 1%).");

    public static final ConfigOption<Integer> ERROR_RATE_MIN_EVENTS =
            ConfigOptions.key("validation.error-rate.min-events")
                    .intType()
                    .defaultValue(100)
                    .withDescription(
                            "Records the window must hold before the threshold is checked, so"
                                    + " that one bad record in ten is not an alert.");

    private final long maxRecordBytes;
    private final int maxNestingDepth;
    private final Duration maxEventAge;
    private final Duration maxClockSkew;
    private final Duration errorRateWindow;
    private final double errorRateWarnThreshold;
    private final int errorRateMinEvents;

    private ValidationOptions(ReadableConfig config) {
        this.maxRecordBytes = config.get(MAX_RECORD_SIZE).getBytes();
        this.maxNestingDepth = config.get(MAX_NESTING_DEPTH);
        this.maxEventAge = config.get(MAX_EVENT_AGE);
        this.maxClockSkew = config.get(MAX_CLOCK_SKEW);
        this.errorRateWindow = config.get(ERROR_RATE_WINDOW);
        this.errorRateWarnThreshold = config.get(ERROR_RATE_WARN_THRESHOLD);
        this.errorRateMinEvents = config.get(ERROR_RATE_MIN_EVENTS);
        if (maxRecordBytes <= 0 || maxRecordBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(MAX_RECORD_SIZE.key() + " out of range");
        }
        if (maxNestingDepth < 2) {
            throw new IllegalArgumentException(MAX_NESTING_DEPTH.key() + " must be at least 2");
        }
        if (maxEventAge.isNegative() || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("Timestamp window must not be negative");
        }
    }

    public static ValidationOptions fromConfig(ReadableConfig config) {
        return new ValidationOptions(config);
    }

    public long maxRecordBytes() {
        return maxRecordBytes;
    }

    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    public Duration maxEventAge() {
        return maxEventAge;
    }

    public Duration maxClockSkew() {
        return maxClockSkew;
    }

    public Duration errorRateWindow() {
        return errorRateWindow;
    }

    public double errorRateWarnThreshold() {
        return errorRateWarnThreshold;
    }

    public int errorRateMinEvents() {
        return errorRateMinEvents;
    }
}
