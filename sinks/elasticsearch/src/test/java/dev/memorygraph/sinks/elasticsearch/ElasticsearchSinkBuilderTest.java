package dev.memorygraph.sinks.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkBuilderTest {

    private final TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("es-builder");

    @Test
    void readsEveryOptionAndNamesTheKeyOfABadOne() {
        Configuration config = new Configuration();
        assertThatThrownBy(() -> ElasticsearchSink.builder().fromConfig(config))
                .hasMessageContaining("Missing required option 'elasticsearch.hosts'");

        config.set(ElasticsearchOptions.HOSTS, List.of("es-1:9200"));
        assertThatThrownBy(() -> ElasticsearchSink.builder().fromConfig(config))
                .hasMessage(
                        "Invalid value 'es-1:9200' for elasticsearch.hosts: use"
                                + " http(s)://host:port, e.g. http://es-1:9200");

        config.set(ElasticsearchOptions.HOSTS, List.of("http://es-1:9200", "https://es-2:9243"));
        config.set(ElasticsearchOptions.USERNAME, "writer");
        assertThatThrownBy(() -> ElasticsearchSink.builder().fromConfig(config))
                .hasMessageContaining("elasticsearch.password-file")
                .hasMessageContaining("required with elasticsearch.username");

        config.removeConfig(ElasticsearchOptions.USERNAME);
        config.set(ElasticsearchOptions.API_KEY_FILE, "/no/such/key");
        assertThatThrownBy(() -> ElasticsearchSink.builder().fromConfig(config))
                .hasMessage(
                        "Invalid value '/no/such/key' for elasticsearch.api-key-file: not a"
                                + " readable file");

        config.removeConfig(ElasticsearchOptions.API_KEY_FILE);
        assertThat(ElasticsearchSink.builder().fromConfig(config).setDeadLetterQueue(dlq).build())
                .isNotNull();
    }

    @Test
    void refusesInconsistentLimitsNamingItsOwnKeys() {
        Configuration config = new Configuration();
        config.set(ElasticsearchOptions.HOSTS, List.of("http://es-1:9200"));
        config.set(ElasticsearchOptions.RECORD_MAX_BYTES, MemorySize.parse("32mb"));
        assertThatThrownBy(
                        () ->
                                ElasticsearchSink.builder()
                                        .fromConfig(config)
                                        .setDeadLetterQueue(dlq)
                                        .build())
                .hasMessageContaining("elasticsearch.batch.max-bytes (20971520) must be at least")
                .hasMessageContaining("elasticsearch.record.max-bytes");
        assertThatThrownBy(
                        () ->
                                ElasticsearchSink.builder()
                                        .setConnection(
                                                ElasticsearchConnection.unauthenticated(
                                                        "http://es-1:9200"))
                                        .build())
                .hasMessageContaining("dead-letter queue");
    }
}
