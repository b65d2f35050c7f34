package dev.memorygraph.core.retry;

import dev.memorygraph.core.config.JobConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/**
 * How often and after how long a failed call is tried again: exponential backoff from {@code
 * initialBackoff}, multiplied by {@code multiplier} per retry, capped at {@code maxBackoff}, with
 * up to {@code jitter} (a fraction) of each delay taken off at random so that writers that failed
 * together do not retry together. The default, {@link #SPEC_DEFAULT}, is spec §2.2: three retries
 * after 1 s, 2 s and 4 s, so at most four calls.
 *
 * <p>Every sink and every HTTP client of the pipeline takes its schedule from this one class, under
 * its own option prefix (see {@link #options(String)}).
 */
public final class RetryPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final RetryPolicy SPEC_DEFAULT =
            new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(4), 3, 0.0);

    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final int maxRetries;
    private final double jitter;

    private RetryPolicy(
            Duration initialBackoff,
            double multiplier,
            Duration maxBackoff,
            int maxRetries,
            double jitter) {
        this.initialBackoff = initialBackoff;
        this.multiplier = multiplier;
        this.maxBackoff = maxBackoff;
        this.maxRetries = maxRetries;
        this.jitter = jitter;
    }

    /**
     * A validated policy; {@code what} names the options in the message of an invalid value (for
     * example {@code neo4j.retry}).
     */
    public static RetryPolicy of(
            String what,
            Duration initialBackoff,
            double multiplier,
            Duration maxBackoff,
            int maxRetries,
            double jitter) {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative()) {
            throw invalid(what, "initial-backoff", initialBackoff, "must not be negative");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw invalid(what, "multiplier", multiplier, "must be a finite number >= 1");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw invalid(
                    what, "max-backoff", maxBackoff, "must be >= " + what + ".initial-backoff");
        }
        if (maxRetries < 0) {
            throw invalid(what, "max-retries", maxRetries, "must be >= 0");
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw invalid(what, "jitter", jitter, "must be between 0 and 1");
        }
        return new RetryPolicy(initialBackoff, multiplier, maxBackoff, maxRetries, jitter);
    }

    private static IllegalArgumentException invalid(
            String what, String key, Object value, String rule) {
        return JobConfig.invalid(what + "." + key, value, rule);
    }

    /** The five options of a policy under {@code prefix} (e.g. {@code neo4j.retry}). */
    public static Options options(String prefix, RetryPolicy defaults) {
        return new Options(prefix, defaults);
    }

    /** {@link #options(String, RetryPolicy)} with the spec's default schedule. */
    public static Options options(String prefix) {
        return new Options(prefix, SPEC_DEFAULT);
    }

    /** Whether the call that failed for the {@code retry}-th time (0-based) may be tried again. */
    public boolean canRetry(int retry) {
        return retry < maxRetries;
    }

    /** The delay before retry number {@code retry + 1}, with jitter applied. */
    public Duration delay(int retry) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, retry);
        double capped = Math.min(base, maxBackoff.toMillis());
        double factor = jitter == 0.0 ? 1.0 : 1.0 - ThreadLocalRandom.current().nextDouble(jitter);
        return Duration.ofMillis(Math.round(capped * factor));
    }

    /** The longest time all retries can take together, jitter aside (the sum of the delays). */
    public Duration maxTotalDelay() {
        long total = 0;
        for (int retry = 0; retry < maxRetries; retry++) {
            total +=
                    (long)
                            Math.min(
                                    initialBackoff.toMillis() * Math.pow(multiplier, retry),
                                    maxBackoff.toMillis());
        }
        return Duration.ofMillis(total);
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public double multiplier() {
        return multiplier;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public double jitter() {
        return jitter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy that
                && initialBackoff.equals(that.initialBackoff)
                && multiplier == that.multiplier
                && maxBackoff.equals(that.maxBackoff)
                && maxRetries == that.maxRetries
                && jitter == that.jitter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialBackoff, multiplier, maxBackoff, maxRetries, jitter);
    }

    @Override
    public String toString() {
        return "RetryPolicy{initialBackoff="
                + initialBackoff
                + ", multiplier="
                + multiplier
                + ", maxBackoff="
                + maxBackoff
                + ", maxRetries="
                + maxRetries
                + ", jitter="
                + jitter
                + '}';
    }

    /** The {@code ConfigOption}s of one policy, and reading them into a validated policy. */
    public static final class Options {
        public final ConfigOption<Duration> initialBackoff;
        public final ConfigOption<Double> multiplier;
        public final ConfigOption<Duration> maxBackoff;
        public final ConfigOption<Integer> maxRetries;
        public final ConfigOption<Double> jitter;
        private final String prefix;

        private Options(String prefix, RetryPolicy defaults) {
            this.prefix = prefix;
            this.initialBackoff =
                    ConfigOptions.key(prefix + ".initial-backoff")
                            .durationType()
                            .defaultValue(defaults.initialBackoff)
                            .withDescription("Delay before the first retry.");
            this.multiplier =
                    ConfigOptions.key(prefix + ".multiplier")
                            .doubleType()
                            .defaultValue(defaults.multiplier)
                            .withDescription("Each further delay is the previous one times this.");
            this.maxBackoff =
                    ConfigOptions.key(prefix + ".max-backoff")
                            .durationType()
                            .defaultValue(defaults.maxBackoff)
                            .withDescription("Upper bound of a single delay.");
            this.maxRetries =
                    ConfigOptions.key(prefix + ".max-retries")
                            .intType()
                            .defaultValue(defaults.maxRetries)
                            .withDescription("Retries after the first call (0: no retry).");
            this.jitter =
                    ConfigOptions.key(prefix + ".jitter")
                            .doubleType()
                            .defaultValue(defaults.jitter)
                            .withDescription(
                                    "Up to this fraction of each delay is taken off at random.");
        }

        /**
         * The policy these options describe in {@code config}, validated. Without an explicit
         * {@code max-backoff}, the cap grows with a longer schedule instead of cutting it short.
         */
        public RetryPolicy read(ReadableConfig config) {
            Duration initial = config.get(initialBackoff);
            double factor = config.get(multiplier);
            int retries = config.get(maxRetries);
            Duration cap =
                    config.getOptional(maxBackoff)
                            .orElseGet(
                                    () -> {
                                        long longest =
                                                (long)
                                                        (initial.toMillis()
                                                                * Math.pow(
                                                                        Math.max(factor, 1.0),
                                                                        Math.max(retries - 1, 0)));
                                        Duration fallback = maxBackoff.defaultValue();
                                        return longest > fallback.toMillis()
                                                ? Duration.ofMillis(longest)
                                                : fallback;
                                    });
            return RetryPolicy.of(prefix, initial, factor, cap, retries, config.get(jitter));
        }
    }
}
