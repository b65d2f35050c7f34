package dev.memorygraph.sinks.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.PiiReport;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import dev.memorygraph.testing.TestEvents;
import java.time.Instant;
import java.util.List;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index bootstrap and the event documents against the real node: the template maps the fields,
 * the alias writes to the first index, a second bootstrap changes nothing, and the documents of
 * prompts and responses are found by text, tags and the selected metadata fields, not by the
 * others. The node has no {@code analysis-common}, so these tests use the {@code standard}
 * analyzer.
 */
class ElasticsearchIndexITCase {

    static RestClient rest;

    @BeforeAll
    static void connect() {
        rest =
                RestClient.builder(HttpHost.create(EmbeddedElasticsearch.shared().uri().toString()))
                        .build();
    }

    @AfterAll
    static void disconnect() throws Exception {
        rest.close();
    }

    @Test
    void bootstrapsTheTemplateAndAliasOnceAndTheDocumentsAreSearchable() throws Exception {
        ElasticsearchIndex index =
                new ElasticsearchIndex("events-it", "standard", null, List.of("team"));
        index.bootstrap(rest);
        index.bootstrap(rest); // idempotent

        assertThat(get("/_alias/events-it"))
                .contains("\"events-it-000001\"")
                .contains("\"is_write_index\":true");
        assertThat(get("/events-it-000001/_mapping"))
                .contains("\"dynamic\":\"false\"")
                .contains("\"text\":{\"type\":\"text\",\"analyzer\":\"standard\"}");

        Instant t = Instant.parse("2026-11-26T08:00:00Z");
        EventDocuments documents = new EventDocuments("events-it");
        EnrichedEvent prompt =
                new EnrichedEvent(
                        TestEvents.prompt("p1", t, "how do I rotate my API keys"),
                        null,
                        new PiiReport("redact", List.of(), List.of(), null));
        IndexAction action = documents.toAction(prompt);
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("es-index");
        ElasticsearchSinkITCase.run(
                List.of(action),
                ElasticsearchSink.builder()
                        .setConnection(
                                ElasticsearchConnection.unauthenticated(
                                        EmbeddedElasticsearch.shared().uri().toString()))
                        .setDeadLetterQueue(dlq)
                        .setBootstrapIndex(index)
                        .build(),
                1);
        rest.performRequest(new Request("POST", "/events-it/_refresh"));

        assertThat(search("text", "rotate")).contains("\"_id\":\"p1\"");
        assertThat(search("event_type", "prompt")).contains("\"_id\":\"p1\"");
        assertThat(dlq.durable()).isEmpty();
        assertThat(
                        documents.toAction(
                                new EnrichedEvent(
                                        TestEvents.session("s1", t, "session-1"), null, null)))
                .isNull();
    }

    @Test
    void textIsStemmedInEnglishAndSearchedThroughTheSynonymsFile() throws Exception {
        java.nio.file.Files.writeString(
                EmbeddedElasticsearch.shared().configDir().resolve("memory-graph-synonyms.txt"),
                "# support vocabulary\nrefund, reimbursement\nlaptop, notebook computer\n");
        ElasticsearchIndex index =
                new ElasticsearchIndex(
                        "synonyms-it", "english", "memory-graph-synonyms.txt", List.of());
        index.bootstrap(rest);
        Instant t = Instant.parse("2026-11-26T08:00:00Z");
        EventDocuments documents = new EventDocuments("synonyms-it");
        List<IndexAction> actions =
                List.of(
                        documents.toAction(
                                new EnrichedEvent(
                                        TestEvents.prompt(
                                                "s1", t, "Two reimbursements were still pending"),
                                        null,
                                        null)),
                        documents.toAction(
                                new EnrichedEvent(
                                        TestEvents.prompt(
                                                "s2", t, "My notebook computer is running hot"),
                                        null,
                                        null)),
                        documents.toAction(
                                new EnrichedEvent(
                                        TestEvents.prompt("s3", t, "What's the weather?"),
                                        null,
                                        null)));
        ElasticsearchSinkITCase.run(
                actions,
                ElasticsearchSink.builder()
                        .setConnection(
                                ElasticsearchConnection.unauthenticated(
                                        EmbeddedElasticsearch.shared().uri().toString()))
                        .setDeadLetterQueue(new TestingDeadLetterQueue("es-synonyms"))
                        .build(),
                1);
        rest.performRequest(new Request("POST", "/synonyms-it/_refresh"));

        assertThat(get("/synonyms-it-000001/_mapping"))
                .contains("\"analyzer\":\"english\"")
                .contains("\"search_analyzer\":\"memory_graph_search\"");
        // synonym, then the english stemmer: "refund" finds "reimbursements"
        assertThat(search("synonyms-it", "text", "refund"))
                .contains("\"_id\":\"s1\"")
                .doesNotContain("\"_id\":\"s2\"");
        assertThat(search("synonyms-it", "text", "laptop")).contains("\"_id\":\"s2\"");
        assertThat(search("synonyms-it", "text", "weathers")).contains("\"_id\":\"s3\"");
    }

    @Test
    void anAliasThatStartsWithAnotherBootstrapsBesideIt() throws Exception {
        new ElasticsearchIndex("prefix-it", "standard", null, List.of()).bootstrap(rest);
        new ElasticsearchIndex("prefix-it-eu", "standard", null, List.of()).bootstrap(rest);

        assertThat(get("/_alias/prefix-it")).contains("\"prefix-it-000001\"");
        assertThat(get("/_alias/prefix-it-eu")).contains("\"prefix-it-eu-000001\"");
    }

    private static String search(String field, String value) throws Exception {
        return search("events-it", field, value);
    }

    private static String search(String index, String field, String value) throws Exception {
        Request request = new Request("GET", "/" + index + "/_search");
        request.setJsonEntity("{\"query\":{\"match\":{\"" + field + "\":\"" + value + "\"}}}");
        return EntityUtils.toString(rest.performRequest(request).getEntity());
    }

    private static String get(String path) throws Exception {
        return EntityUtils.toString(rest.performRequest(new Request("GET", path)).getEntity());
    }
}
