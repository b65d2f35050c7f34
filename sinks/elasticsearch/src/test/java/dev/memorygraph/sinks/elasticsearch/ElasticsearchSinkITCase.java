package dev.memorygraph.sinks.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.memorygraph.childjvm.ChildJvm;
import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ElasticsearchSink} on a MiniCluster against a real Elasticsearch 8.19 node. */
class ElasticsearchSinkITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static EmbeddedElasticsearch node;
    static RestClient rest;
    static ElasticsearchClient client;

    @BeforeAll
    static void connect() {
        node = EmbeddedElasticsearch.shared();
        rest = RestClient.builder(HttpHost.create(node.uri().toString())).build();
        client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    @AfterAll
    static void disconnect() throws Exception {
        rest.close();
    }

    @Test
    void writesEveryDocumentOnceAndAReplayOverwrites() throws Exception {
        String index = "sink-batches";
        List<IndexAction> actions = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            actions.add(
                    action(index, "e" + i, "{\"text\":\"prompt " + i + "\",\"tokens\":" + i + "}"));
        }
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("es-batches");

        run(actions, sink(dlq).setMaxBatchSize(300).build(), 2);
        run(actions.subList(0, 500), sink(dlq).build(), 1); // a replay

        refresh(index);
        assertThat(client.count(c -> c.index(index)).count()).isEqualTo(2_500);
        assertThat(dlq.durable()).isEmpty();
        Map<?, ?> e7 = client.get(g -> g.index(index).id("e7"), Map.class).source();
        assertThat(e7.get("tokens")).isEqualTo(7);
    }

    @Test
    void aDocumentTheMappingRefusesGoesToTheDeadLetterQueueAndTheRestIsWritten() throws Exception {
        String index = "sink-poison";
        client.indices()
                .create(
                        c ->
                                c.index(index)
                                        .mappings(
                                                m ->
                                                        m.properties(
                                                                "tokens", p -> p.integer(x -> x))));
        List<IndexAction> actions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            actions.add(
                    action(
                            index,
                            "e" + i,
                            i == 17 ? "{\"tokens\":\"many\"}" : "{\"tokens\":" + i + "}"));
        }
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("es-poison");

        run(actions, sink(dlq).build(), 1);

        refresh(index);
        assertThat(client.count(c -> c.index(index)).count()).isEqualTo(49);
        assertThat(dlq.durable()).hasSize(1);
        DeadLetter letter = dlq.durable().get(0);
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("e17");
        assertThat(letter.message())
                .contains("400 document_parsing_exception")
                .doesNotContain("many");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"tokens\":\"many\"}");
    }

    @Test
    void anUnreachableClusterFailsTheJobAfterItsRetriesAndDeadLettersNothing() throws Exception {
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("es-down");
        ElasticsearchSink sink =
                ElasticsearchSink.builder()
                        .setConnection(
                                ElasticsearchConnection.unauthenticated(
                                        "http://127.0.0.1:" + ChildJvm.freePort()))
                        .setDeadLetterQueue(dlq)
                        .setRetryPolicy(retries(Duration.ofMillis(50), 2))
                        .build();

        assertThatThrownBy(() -> run(List.of(action("down", "e1", "{}")), sink, 1))
                .hasStackTraceContaining("java.net.ConnectException");
        assertThat(dlq.durable()).isEmpty();
    }

    static IndexAction action(String index, String id, String json) {
        return new IndexAction(index, id, json.getBytes(StandardCharsets.UTF_8));
    }

    static ElasticsearchSink.Builder sink(TestingDeadLetterQueue dlq) {
        return ElasticsearchSink.builder()
                .setConnection(ElasticsearchConnection.unauthenticated(node.uri().toString()))
                .setDeadLetterQueue(dlq)
                .setRetryPolicy(retries(Duration.ofMillis(100), 3));
    }

    static RetryPolicy retries(Duration initial, int maxRetries) {
        return RetryPolicy.of(
                "test", initial, 2.0, initial.multipliedBy(1L << maxRetries), maxRetries, 0.0);
    }

    static void run(List<IndexAction> actions, ElasticsearchSink sink, int parallelism)
            throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.fromData(actions)
                .setParallelism(1)
                .rebalance()
                .sinkTo(sink)
                .setParallelism(parallelism)
                .name("Elasticsearch");
        env.execute("elasticsearch-sink-test");
    }

    static void refresh(String index) throws Exception {
        client.indices().refresh(r -> r.index(index));
    }
}
