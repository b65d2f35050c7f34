package dev.memorygraph.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineConfigTest {

    private static final ConfigOption<String> BOOTSTRAP =
            ConfigOptions.key("kafka.bootstrap-servers").stringType().noDefaultValue();
    private static final ConfigOption<Duration> MAX_EVENT_AGE =
            ConfigOptions.key("validation.max-event-age").durationType().noDefaultValue();
    private static final ConfigOption<MemorySize> MAX_RECORD_SIZE =
            ConfigOptions.key("validation.max-record-size").memoryType().noDefaultValue();

    @TempDir Path tmp;

    @Test
    void argumentsOverrideTheConfigFile() throws Exception {
        Path file = tmp.resolve("job.yaml");
        Files.writeString(
                file,
                "# comment\n"
                        + "kafka.bootstrap-servers: \"file:9092\"\n"
                        + "validation.max-event-age: 2 d\n"
                        + "kafka.properties.security.protocol: SSL\n");

        Configuration config =
                CommandLineConfig.parse(
                        new String[] {
                            "--config", file.toString(),
                            "--kafka.bootstrap-servers", "args:9092",
                            "--validation.max-record-size", "1mb"
                        });

        assertThat(config.get(BOOTSTRAP)).isEqualTo("args:9092");
        assertThat(config.get(MAX_EVENT_AGE)).isEqualTo(Duration.ofDays(2));
        assertThat(config.get(MAX_RECORD_SIZE)).isEqualTo(MemorySize.parse("1mb"));
        assertThat(config.toMap()).containsEntry("kafka.properties.security.protocol", "SSL");
    }

    @Test
    void refusesMalformedArguments() {
        assertThatThrownBy(() -> CommandLineConfig.parse(new String[] {"--lake.path"}))
                .hasMessageContaining("Missing value for --lake.path");
        assertThatThrownBy(() -> CommandLineConfig.parse(new String[] {"lake.path", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiredOptionsNameTheirKey() {
        assertThatThrownBy(() -> JobConfig.required(new Configuration(), BOOTSTRAP, "the brokers"))
                .hasMessage("Missing required option 'kafka.bootstrap-servers': the brokers");
        Configuration blank = new Configuration();
        blank.set(BOOTSTRAP, " ");
        assertThatThrownBy(() -> JobConfig.required(blank, BOOTSTRAP, "the brokers"))
                .hasMessageContaining("kafka.bootstrap-servers");
    }

    @Test
    void theClusterConfigurationWinsOverProgramArguments() throws Exception {
        Configuration args =
                CommandLineConfig.parse(
                        new String[] {
                            "--kafka.bootstrap-servers", "args:9092",
                            "--validation.max-event-age", "2 d"
                        });
        Configuration cluster = new Configuration();
        cluster.setString("kafka.bootstrap-servers", "cluster:9092");

        Configuration merged = JobConfig.resolve(args, cluster);

        assertThat(merged.get(BOOTSTRAP)).isEqualTo("cluster:9092");
        assertThat(merged.get(MAX_EVENT_AGE)).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void maskedParametersHideSecretsOnly() {
        Configuration options = new Configuration();
        options.setString("kafka.properties.sasl.jaas.config", "user=\"u\" password=\"p\"");
        options.setString("neo4j.password-file", "/run/secrets/neo4j");
        options.setString("neo4j.uri", "bolt://graph:7687");

        assertThat(JobConfig.masked(options))
                .containsEntry("kafka.properties.sasl.jaas.config", "******")
                .containsEntry("neo4j.password-file", "******")
                .containsEntry("neo4j.uri", "bolt://graph:7687");
    }

    @Test
    void readsTheShippedNestedConfigYaml() throws Exception {
        Path shipped = Path.of("../../flink-conf/config.yaml").toAbsolutePath().normalize();

        Configuration config =
                CommandLineConfig.parse(new String[] {"--config", shipped.toString()});

        assertThat(config.get(RestartStrategyOptions.RESTART_STRATEGY))
                .isEqualTo("exponential-delay");
        assertThat(config.toMap())
                .containsEntry("execution.checkpointing.interval", "30 s")
                .containsEntry("execution.checkpointing.incremental", "true")
                .containsEntry("state.backend.type", "rocksdb")
                // deprecated since Flink 1.20; its replacement is above
                .doesNotContainKey("state.backend.incremental");
    }

    @Test
    void readsKeyEqualsValueFiles() throws Exception {
        Path file = tmp.resolve("job.properties");
        Files.writeString(
                file, "kafka.bootstrap-servers=props:9092\nvalidation.max-event-age=3 d\n");

        Configuration config = CommandLineConfig.parse(new String[] {"--config", file.toString()});

        assertThat(config.get(BOOTSTRAP)).isEqualTo("props:9092");
        assertThat(config.get(MAX_EVENT_AGE)).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void theClusterLogConfigDropsOnlyFlinksCommittableNameCollision() throws Exception {
        Path file =
                Path.of("../../flink-conf/log4j-console.properties").toAbsolutePath().normalize();
        LoggerContext context =
                Configurator.initialize("cluster-log-config-test", null, file.toUri());
        try {
            LoggerConfig metrics =
                    context.getConfiguration()
                            .getLoggerConfig("org.apache.flink.metrics.MetricGroup");
            Filter filter = metrics.getFilter();
            assertThat(filter).isNotNull();
            Logger logger = context.getLogger("org.apache.flink.metrics.MetricGroup");
            assertThat(
                            filter.filter(
                                    logger,
                                    Level.WARN,
                                    null,
                                    "Name collision: Group already contains a Metric with the name"
                                            + " 'pendingCommittables'. Metric will not be reported.",
                                    new Object[0]))
                    .isEqualTo(Filter.Result.DENY);
            assertThat(
                            filter.filter(
                                    logger,
                                    Level.WARN,
                                    null,
                                    "Name collision: Group already contains a Metric with the name"
                                            + " 'dead_letters_total'. Metric will not be reported.",
                                    new Object[0]))
                    .isNotEqualTo(Filter.Result.DENY);
        } finally {
            Configurator.shutdown(context);
        }
    }
}
