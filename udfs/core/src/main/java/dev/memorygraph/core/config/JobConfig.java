package dev.memorygraph.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job options as a job sees them on a cluster. They come from three places, later ones winning:
 * the program arguments ({@code --key value}, {@code --config FILE}), the cluster's {@code
 * config.yaml} (the Kubernetes operator's {@code flinkConfiguration}), and {@code -Dkey=value} at
 * submission. The last two reach the job through the execution environment's configuration, which
 * Flink has already merged with {@code -D} winning.
 *
 * <p>Job options are read from the merged configuration and never written into the environment:
 * with {@code execution.allow-client-job-configurations: false} (the operator's default for
 * application clusters) Flink refuses a job whose program changed the cluster's configuration.
 */
public final class JobConfig {

    private static final Logger LOG = LoggerFactory.getLogger(JobConfig.class);

    private JobConfig() {}

    /** The program arguments overlaid with the cluster configuration (which wins). */
    public static Configuration resolve(Configuration programArguments, ReadableConfig cluster) {
        Configuration merged = new Configuration();
        merged.addAll(programArguments);
        merged.addAll(Configuration.fromMap(cluster.toMap()));
        return merged;
    }

    /**
     * Shows the job options in the web UI's job configuration (global job parameters), secrets
     * masked the way Flink masks its own ({@link GlobalConfiguration#isSensitive}). Skipped, with a
     * note in the log, where the cluster forbids a program to change its configuration and {@code
     * pipeline.global-job-parameters} is not among {@code execution.program-config.wildcards}.
     */
    public static void publish(StreamExecutionEnvironment env, Configuration options) {
        ReadableConfig cluster = env.getConfiguration();
        boolean allowed =
                cluster.get(DeploymentOptions.PROGRAM_CONFIG_ENABLED)
                        || cluster.get(DeploymentOptions.PROGRAM_CONFIG_WILDCARDS)
                                .contains(PipelineOptions.GLOBAL_JOB_PARAMETERS.key());
        if (!allowed) {
            LOG.info(
                    "The cluster forbids client job configuration, so the job options are not"
                            + " shown in the web UI; add {} to {} to show them",
                    PipelineOptions.GLOBAL_JOB_PARAMETERS.key(),
                    DeploymentOptions.PROGRAM_CONFIG_WILDCARDS.key());
            return;
        }
        env.getConfig().setGlobalJobParameters(new Parameters(masked(options)));
    }

    /** {@code options} as a sorted map with the values of sensitive keys hidden. */
    public static Map<String, String> masked(ReadableConfig options) {
        Map<String, String> masked = new TreeMap<>();
        for (Map.Entry<String, String> entry : options.toMap().entrySet()) {
            masked.put(
                    entry.getKey(),
                    GlobalConfiguration.isSensitive(entry.getKey())
                            ? GlobalConfiguration.HIDDEN_CONTENT
                            : entry.getValue());
        }
        return masked;
    }

    /**
     * The value of a required option without a default, or an error that names the key, for checks
     * before the job graph is submitted.
     */
    public static <T> T required(ReadableConfig config, ConfigOption<T> option, String why) {
        T value = config.get(option);
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(
                    "Missing required option '" + option.key() + "': " + why);
        }
        return value;
    }

    /**
     * The error for a bad option value, in the one form every check uses: {@code Invalid value 'V'
     * for KEY: RULE}.
     */
    public static IllegalArgumentException invalid(String key, Object value, String rule) {
        return invalid(key, value, rule, null);
    }

    /** {@link #invalid(String, Object, String)} with the failure that showed the value bad. */
    public static IllegalArgumentException invalid(
            String key, Object value, String rule, Throwable cause) {
        return new IllegalArgumentException(
                "Invalid value '" + value + "' for " + key + ": " + rule, cause);
    }

    /**
     * {@code path} when it is null (the option is not set) or a readable file, else the error
     * naming {@code key}.
     */
    public static String readableFile(String key, String path) {
        if (path != null && !java.nio.file.Files.isReadable(java.nio.file.Path.of(path))) {
            throw invalid(key, path, "not a readable file");
        }
        return path;
    }

    /** {@code value} when it is a positive duration, else the error naming {@code option}. */
    public static Duration positive(ConfigOption<Duration> option, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(option.key(), value, "must be positive");
        }
        return value;
    }

    /** Global job parameters as the web UI lists them. */
    private static final class Parameters extends ExecutionConfig.GlobalJobParameters {
        private static final long serialVersionUID = 1L;

        private final Map<String, String> values;

        Parameters(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public Map<String, String> toMap() {
            return values;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameters p && values.equals(p.values);
        }

        @Override
        public int hashCode() {
            return values.hashCode();
        }
    }
}
