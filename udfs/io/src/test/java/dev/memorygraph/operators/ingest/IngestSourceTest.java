package dev.memorygraph.operators.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class IngestSourceTest {

    @Test
    void theConsumerRunsWithSpecSettingsWhichKafkaPropertiesMayOverride() {
        Configuration config = new Configuration();
        config.setString("kafka.properties.max.poll.records", "200");
        config.setString("kafka.properties.security.protocol", "SSL");

        Properties properties = IngestSource.consumerProperties(config);

        assertThat(properties)
                .containsEntry("auto.offset.reset", "earliest")
                .containsEntry("enable.auto.commit", "false")
                .containsEntry("max.poll.interval.ms", "300000")
                .containsEntry("session.timeout.ms", "30000")
                .containsEntry("commit.offsets.on.checkpoint", "true")
                .containsEntry("max.poll.records", "200")
                .containsEntry("security.protocol", "SSL");
    }
}
