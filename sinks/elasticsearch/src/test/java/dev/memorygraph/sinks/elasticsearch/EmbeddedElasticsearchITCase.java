package dev.memorygraph.sinks.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test node and the client the sink will use, against each other: bulk writes with the event id
 * as {@code _id} overwrite on replay, and a mapping conflict fails its item alone, with the error
 * type the sink will classify on.
 */
class EmbeddedElasticsearchITCase {

    private static RestClient rest;
    private static ElasticsearchClient client;

    @BeforeAll
    static void connect() {
        EmbeddedElasticsearch node = EmbeddedElasticsearch.shared();
        rest = RestClient.builder(HttpHost.create(node.uri().toString())).build();
        client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    @AfterAll
    static void disconnect() throws Exception {
        rest.close();
    }

    @Test
    void bulkWritesOverwriteByIdAndRejectAConflictingItemAlone() throws Exception {
        String index = "prompts-it";
        client.indices()
                .create(
                        c ->
                                c.index(index)
                                        .mappings(
                                                m ->
                                                        m.properties("text", p -> p.text(t -> t))
                                                                .properties(
                                                                        "tokens",
                                                                        p -> p.integer(i -> i))));

        BulkResponse first =
                client.bulk(
                        b ->
                                b.index(index)
                                        .operations(
                                                o ->
                                                        o.index(
                                                                i ->
                                                                        i.id("e1")
                                                                                .document(
                                                                                        Map.of(
                                                                                                "text",
                                                                                                "how do I reset my password",
                                                                                                "tokens",
                                                                                                7))))
                                        .operations(
                                                o ->
                                                        o.index(
                                                                i ->
                                                                        i.id("e2")
                                                                                .document(
                                                                                        Map.of(
                                                                                                "text",
                                                                                                "summarise this thread",
                                                                                                "tokens",
                                                                                                3))))
                                        .operations(
                                                o ->
                                                        o.index(
                                                                i ->
                                                                        i.id("e3")
                                                                                .document(
                                                                                        Map.of(
                                                                                                "text",
                                                                                                "bad",
                                                                                                "tokens",
                                                                                                "many"))))
                                        .refresh(
                                                co.elastic.clients.elasticsearch._types.Refresh
                                                        .True));
        BulkResponse replay =
                client.bulk(
                        b ->
                                b.index(index)
                                        .operations(
                                                o ->
                                                        o.index(
                                                                i ->
                                                                        i.id("e1")
                                                                                .document(
                                                                                        Map.of(
                                                                                                "text",
                                                                                                "how do I reset my password",
                                                                                                "tokens",
                                                                                                7))))
                                        .refresh(
                                                co.elastic.clients.elasticsearch._types.Refresh
                                                        .True));

        assertThat(first.errors()).isTrue();
        List<BulkResponseItem> items = first.items();
        assertThat(items).hasSize(3);
        assertThat(items.get(0).error()).isNull();
        assertThat(items.get(1).error()).isNull();
        assertThat(items.get(2).status()).isEqualTo(400);
        assertThat(items.get(2).error().type()).isEqualTo("document_parsing_exception");
        assertThat(replay.errors()).isFalse();
        assertThat(replay.items().get(0).result()).isEqualTo("updated");
        assertThat(client.count(c -> c.index(index)).count()).isEqualTo(2);
        assertThat(
                        client.search(
                                        s ->
                                                s.index(index)
                                                        .query(
                                                                q ->
                                                                        q.match(
                                                                                m ->
                                                                                        m.field(
                                                                                                        "text")
                                                                                                .query(
                                                                                                        "password"))),
                                        Map.class)
                                .hits()
                                .hits())
                .extracting(h -> h.id())
                .containsExactly("e1");
    }
}
