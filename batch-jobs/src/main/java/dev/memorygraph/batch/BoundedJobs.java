package dev.memorygraph.batch;

import dev.memorygraph.core.config.CommandLineConfig;
import dev.memorygraph.core.config.JobConfig;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every bounded job's {@code main} shares: arguments ({@code --from}, {@code --until}, {@code
 * --config FILE}, any {@code --key value}), the cluster's configuration overlaid, the runtime mode
 * checked to be {@code BATCH} (it comes from configuration, never from code), the options shown in
 * the web UI, and an {@link ExitCode} a scheduler can act on.
 */
public final class BoundedJobs {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedJobs.class);

    public static final ConfigOption<String> FROM =
            ConfigOptions.key("batch.from")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Start of the window a bounded job works on (ISO-8601 instant,"
                                    + " inclusive); --from on the command line.");

    public static final ConfigOption<String> UNTIL =
            ConfigOptions.key("batch.until")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "End of the window (ISO-8601 instant, exclusive); --until on the"
                                    + " command line.");

    private BoundedJobs() {}

    /** One bounded job: runs on a configured environment, says how it went. */
    @FunctionalInterface
    public interface Job {
        Outcome run(Configuration config, StreamExecutionEnvironment env) throws Exception;
    }

    /** How a run went: its exit code and a one-line summary (counts, never content). */
    public record Outcome(ExitCode code, String summary) {}

    /** Runs {@code job} and exits the process with its code. */
    public static void main(String name, String[] args, Job job) {
        System.exit(
                run(name, args, StreamExecutionEnvironment.getExecutionEnvironment(), job)
                        .code()
                        .status());
    }

    /** Runs {@code job} on {@code env}; never throws, the outcome says what happened. */
    public static Outcome run(String name, String[] args, StreamExecutionEnvironment env, Job job) {
        Configuration config;
        try {
            config = configure(args, env);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: refused before submission: {}", name, e.getMessage());
            return new Outcome(ExitCode.USAGE, e.getMessage());
        } catch (Exception e) {
            LOG.error("{}: cannot read its configuration", name, e);
            return new Outcome(ExitCode.USAGE, e.getMessage());
        }
        try {
            Outcome outcome = job.run(config, env);
            LOG.info("{}: {} ({})", name, outcome.code(), outcome.summary());
            return outcome;
        } catch (IllegalArgumentException e) {
            LOG.error("{}: refused: {}", name, e.getMessage());
            return new Outcome(ExitCode.USAGE, e.getMessage());
        } catch (Exception e) {
            LOG.error("{}: failed; rerun it, every step is idempotent", name, e);
            return new Outcome(ExitCode.FAILED, e.getClass().getSimpleName());
        }
    }

    /** The job's options: arguments under the cluster's configuration, checked for BATCH mode. */
    static Configuration configure(String[] args, StreamExecutionEnvironment env) throws Exception {
        Configuration config =
                JobConfig.resolve(CommandLineConfig.parse(aliases(args)), env.getConfiguration());
        if (config.get(ExecutionOptions.RUNTIME_MODE) != RuntimeExecutionMode.BATCH) {
            throw JobConfig.invalid(
                    ExecutionOptions.RUNTIME_MODE.key(),
                    config.get(ExecutionOptions.RUNTIME_MODE),
                    "bounded jobs run in BATCH mode: submit with"
                            + " -Dexecution.runtime-mode=BATCH");
        }
        window(config);
        env.configure(config);
        JobConfig.publish(env, config);
        return config;
    }

    /**
     * {@code --from} and {@code --until}, as {@link #FROM} and {@link #UNTIL}; {@code --date
     * 2026-12-01} for that UTC day and {@code --hour 2026-12-01T13} for that hour, as both.
     */
    static String[] aliases(String[] args) {
        List<String> out = new ArrayList<>(args.length + 2);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--date") || arg.equals("--hour")) && i + 1 < args.length) {
                Instant from;
                Instant until;
                try {
                    if (arg.equals("--date")) {
                        java.time.LocalDate day = java.time.LocalDate.parse(args[i + 1]);
                        from = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                        until = from.plus(java.time.Duration.ofDays(1));
                    } else {
                        from =
                                java.time.LocalDateTime.parse(args[i + 1] + ":00:00")
                                        .toInstant(java.time.ZoneOffset.UTC);
                        until = from.plus(java.time.Duration.ofHours(1));
                    }
                } catch (DateTimeParseException e) {
                    throw JobConfig.invalid(
                            arg.substring(2),
                            args[i + 1],
                            arg.equals("--date") ? "a date, 2026-12-01" : "an hour, 2026-12-01T13");
                }
                out.addAll(
                        List.of(
                                "--" + FROM.key(),
                                from.toString(),
                                "--" + UNTIL.key(),
                                until.toString()));
                i++;
                continue;
            }
            out.add(
                    switch (arg) {
                        case "--from" -> "--" + FROM.key();
                        case "--until" -> "--" + UNTIL.key();
                        default -> arg;
                    });
        }
        return out.toArray(String[]::new);
    }

    /** The window, when one was given; {@code --from} needs {@code --until} and precedes it. */
    public static Optional<Window> window(Configuration config) {
        Optional<String> from = config.getOptional(FROM);
        Optional<String> until = config.getOptional(UNTIL);
        if (from.isEmpty() && until.isEmpty()) {
            return Optional.empty();
        }
        Instant start = instant(FROM, from.orElse(null));
        Instant end = instant(UNTIL, until.orElse(null));
        if (!start.isBefore(end)) {
            throw JobConfig.invalid(UNTIL.key(), end, "must be after " + FROM.key() + " " + start);
        }
        return Optional.of(new Window(start, end));
    }

    private static Instant instant(ConfigOption<String> option, String value) {
        if (value == null) {
            throw JobConfig.invalid(
                    option.key(), null, "--from and --until go together (ISO-8601 instants)");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw JobConfig.invalid(
                    option.key(), value, "an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
        }
    }

    /** The window, which {@code job} needs: refused naming {@link #FROM} when it was not given. */
    public static Window requiredWindow(Configuration config, String job) {
        return window(config)
                .orElseThrow(
                        () ->
                                JobConfig.invalid(
                                        FROM.key(),
                                        null,
                                        job + " needs its window: --date, or --from and --until"));
    }

    /** A Flink accumulator's count after the run, 0 when nothing was counted. */
    public static long counter(org.apache.flink.api.common.JobExecutionResult result, String name) {
        Object value = result.getAccumulatorResult(name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** {@code [from, until)}. */
    public record Window(Instant from, Instant until) {}
}
