package dev.memorygraph.operators.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.validate.ValidationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineConfigTest {

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

        assertThat(config.get(KafkaOptions.BOOTSTRAP_SERVERS)).isEqualTo("args:9092");
        assertThat(config.get(ValidationOptions.MAX_EVENT_AGE)).isEqualTo(Duration.ofDays(2));
        assertThat(config.get(ValidationOptions.MAX_RECORD_SIZE))
                .isEqualTo(MemorySize.parse("1mb"));
        assertThat(KafkaOptions.clientProperties(config)).containsEntry("security.protocol", "SSL");
    }

    @Test
    void refusesMalformedArguments() {
        assertThatThrownBy(() -> CommandLineConfig.parse(new String[] {"--lake.path"}))
                .hasMessageContaining("Missing value for --lake.path");
        assertThatThrownBy(() -> CommandLineConfig.parse(new String[] {"lake.path", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bootstrapServersAreRequired() {
        assertThatThrownBy(() -> KafkaOptions.bootstrapServers(new Configuration()))
                .hasMessageContaining("kafka.bootstrap-servers");
    }
}
