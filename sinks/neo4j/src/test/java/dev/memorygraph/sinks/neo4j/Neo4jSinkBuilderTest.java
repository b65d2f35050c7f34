package dev.memorygraph.sinks.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

class Neo4jSinkBuilderTest {

    private final TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("builder");

    private Neo4jSink.Builder valid() {
        return Neo4jSink.builder()
                .setConnection(Neo4jConnection.unauthenticated("bolt://localhost:7687"))
                .setDeadLetterQueue(dlq);
    }

    @Test
    void buildsWithTheDefaults() {
        assertThat(valid().build()).isNotNull();
    }

    @Test
    void keepsOneBatchInFlight() {
        assertThatThrownBy(() -> valid().setMaxInFlightRequests(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one batch in flight (FOLLOWS links must commit in order)");
        assertThat(valid().setMaxInFlightRequests(1).build()).isNotNull();
    }

    @Test
    void refusesInconsistentLimits() {
        assertThatThrownBy(() -> valid().setMaxBatchSize(100).setMaxBufferedRequests(100).build())
                .hasMessageContaining("neo4j.buffer.max-mutations (100) must exceed");
        assertThatThrownBy(
                        () ->
                                valid().setMaxRecordSizeInBytes(2_000)
                                        .setMaxBatchSizeInBytes(1_000)
                                        .build())
                .hasMessageContaining("neo4j.batch.max-bytes (1000) must be at least");
        assertThatThrownBy(
                        () ->
                                valid().setRetryPolicy(RetryPolicy.SPEC_DEFAULT)
                                        .setRequestTimeout(Duration.ofSeconds(5))
                                        .build())
                .hasMessageContaining("neo4j.request.timeout (PT5S) must exceed");
    }

    @Test
    void needsAConnectionAndADeadLetterQueue() {
        assertThatThrownBy(() -> Neo4jSink.builder().setDeadLetterQueue(dlq).build())
                .hasMessageContaining("neo4j.uri");
        assertThatThrownBy(
                        () ->
                                Neo4jSink.builder()
                                        .setConnection(
                                                Neo4jConnection.unauthenticated("bolt://x:7687"))
                                        .build())
                .hasMessageContaining("dead-letter queue");
    }

    @Test
    void readsEveryOptionAndNamesTheKeyOfABadOne() {
        Configuration config = new Configuration();
        assertThatThrownBy(() -> Neo4jSink.builder().fromConfig(config))
                .hasMessage(
                        "Missing required option 'neo4j.uri': the Bolt URI of the graph"
                                + " (bolt:// or neo4j://)");

        config.set(Neo4jOptions.URI, "bolt://graph:7687");
        config.set(Neo4jOptions.RECORD_MAX_BYTES, MemorySize.parse("1mb"));
        config.set(Neo4jOptions.RETRY.maxRetries, -1);
        assertThatThrownBy(() -> Neo4jSink.builder().fromConfig(config))
                .hasMessage("Invalid value '-1' for neo4j.retry.max-retries: must be >= 0");

        config.set(Neo4jOptions.RETRY.maxRetries, 5);
        assertThat(Neo4jSink.builder().fromConfig(config).setDeadLetterQueue(dlq).build())
                .isNotNull();
    }
}
