package dev.memorygraph.sinks.elasticsearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.core.config.JobConfig;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * The index behind the sink's alias (spec §3.2, full-text index), created when a writer starts if
 * {@code elasticsearch.bootstrap} is on: an index template for {@code <alias>-0*} and, when the
 * alias does not exist yet, a first index {@code <alias>-000001} that the alias writes to, so a
 * reindex can build {@code <alias>-000002} and swap the alias without touching the job.
 *
 * <p>The template maps the {@link EventDocuments} fields: {@code text} analysed with {@code
 * elasticsearch.text.analyzer} (default {@code english}), and searched through a synonym filter
 * when {@code elasticsearch.text.synonyms-path} names a file (updateable, so a changed file needs
 * no reindex); ids, tags, model, tenant and the selected metadata fields as {@code keyword};
 * numbers and dates typed; {@code dynamic: false} everywhere, so every other field is kept in
 * {@code _source} but not indexed, and a new field in the events cannot grow the mapping.
 */
public record ElasticsearchIndex(
        String alias, String analyzer, String synonymsPath, List<String> metadataFields)
        implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The keyword fields of every document. */
    static final List<String> KEYWORDS =
            List.of(
                    "event_id",
                    "event_type",
                    "session_id",
                    "user_id",
                    "tenant_id",
                    "application_id",
                    "model_id",
                    "model_provider",
                    "prompt_event_id",
                    "cost_status",
                    "cost_source",
                    "language",
                    "template_id",
                    "tags",
                    "pii_policy",
                    "pii_types",
                    "finish_reason");

    public ElasticsearchIndex {
        if (alias == null || !alias.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw JobConfig.invalid(
                    ElasticsearchOptions.INDEX.key(),
                    alias,
                    "lower-case letters, digits, '_', '-' and '.', not first");
        }
        if (analyzer == null || analyzer.isBlank()) {
            throw JobConfig.invalid(
                    ElasticsearchOptions.TEXT_ANALYZER.key(), analyzer, "name an analyzer");
        }
        metadataFields = List.copyOf(metadataFields);
    }

    public static ElasticsearchIndex fromConfig(ReadableConfig config) {
        return new ElasticsearchIndex(
                config.get(ElasticsearchOptions.INDEX),
                config.get(ElasticsearchOptions.TEXT_ANALYZER),
                config.get(ElasticsearchOptions.TEXT_SYNONYMS_PATH),
                config.get(ElasticsearchOptions.METADATA_INDEXED_FIELDS));
    }

    /** The index template, as Elasticsearch's {@code _index_template} API takes it. */
    /**
     * Language analyzers of Elasticsearch whose stemmer and stop words carry the same name, so the
     * synonym search analyzer can end in the same stemming as the index analyzer.
     */
    static final java.util.Set<String> STEMMED =
            java.util.Set.of(
                    "arabic",
                    "armenian",
                    "basque",
                    "bengali",
                    "brazilian",
                    "bulgarian",
                    "catalan",
                    "czech",
                    "danish",
                    "dutch",
                    "english",
                    "finnish",
                    "french",
                    "galician",
                    "german",
                    "greek",
                    "hindi",
                    "hungarian",
                    "indonesian",
                    "irish",
                    "italian",
                    "latvian",
                    "lithuanian",
                    "norwegian",
                    "portuguese",
                    "romanian",
                    "russian",
                    "sorani",
                    "spanish",
                    "swedish",
                    "turkish");

    public String template() {
        ObjectNode template = JSON.createObjectNode();
        // "-0*", not "-*": the alias's own indexes (-000001, -000002, ...) and nothing of another
        // alias that starts with this one ("llm-events" and "llm-events-eu"), whose template
        // Elasticsearch would refuse as overlapping at the same priority
        template.putArray("index_patterns").add(alias + "-0*");
        template.put("priority", 200);
        ObjectNode body = template.putObject("template");
        ObjectNode text = JSON.createObjectNode().put("type", "text").put("analyzer", analyzer);
        if (synonymsPath != null && !synonymsPath.isBlank()) {
            ObjectNode analysis = body.putObject("settings").putObject("analysis");
            ObjectNode filters = analysis.putObject("filter");
            filters.putObject("memory_graph_synonyms")
                    .put("type", "synonym_graph")
                    .put("synonyms_path", synonymsPath)
                    .put("updateable", true);
            ObjectNode search =
                    analysis.putObject("analyzer")
                            .putObject("memory_graph_search")
                            .put("type", "custom")
                            .put("tokenizer", "standard");
            // the index analyzer's chain at search time, with the synonyms before the stemmer
            var chain = search.putArray("filter");
            if ("english".equals(analyzer)) {
                filters.putObject("memory_graph_possessive")
                        .put("type", "stemmer")
                        .put("language", "possessive_english");
                chain.add("memory_graph_possessive");
            }
            chain.add("lowercase").add("memory_graph_synonyms");
            if (STEMMED.contains(analyzer)) {
                filters.putObject("memory_graph_stop")
                        .put("type", "stop")
                        .put("stopwords", "_" + analyzer + "_");
                filters.putObject("memory_graph_stemmer")
                        .put("type", "stemmer")
                        .put("language", analyzer);
                chain.add("memory_graph_stop").add("memory_graph_stemmer");
            }
            text.put("search_analyzer", "memory_graph_search");
        }
        ObjectNode mappings = body.putObject("mappings").put("dynamic", false);
        ObjectNode properties = mappings.putObject("properties");
        for (String keyword : KEYWORDS) {
            properties.putObject(keyword).put("type", "keyword");
        }
        properties.set("text", text);
        properties.putObject("event_time").put("type", "date");
        properties.putObject("token_count").put("type", "integer");
        properties.putObject("has_pii").put("type", "boolean");
        for (String number : List.of("prompt_tokens", "completion_tokens", "total_tokens")) {
            properties.putObject(number).put("type", "long");
        }
        properties.putObject("latency_ms").put("type", "long");
        properties.putObject("ttft_ms").put("type", "long");
        properties.putObject("cost").put("type", "double");
        ObjectNode metadata =
                properties.putObject("metadata").put("type", "object").put("dynamic", false);
        ObjectNode selected = metadata.putObject("properties");
        for (String field : metadataFields) {
            selected.putObject(field).put("type", "keyword");
        }
        return template.toString();
    }

    /** The first index behind the alias, which the alias writes to. */
    public String firstIndex() {
        return alias + "-000001";
    }

    /**
     * Puts the template, then creates the first index with the alias unless the alias exists.
     * Idempotent, and safe when several writers start at once.
     *
     * @throws IOException naming the status when Elasticsearch refuses (credentials, privileges)
     */
    public void bootstrap(RestClient rest) throws IOException {
        try {
            Request put = new Request("PUT", "/_index_template/" + alias + "-template");
            put.setJsonEntity(template());
            rest.performRequest(put);
            if (exists(rest, "/_alias/" + alias)) {
                return;
            }
            Request create = new Request("PUT", "/" + firstIndex());
            ObjectNode aliases = JSON.createObjectNode();
            aliases.putObject("aliases").putObject(alias).put("is_write_index", true);
            create.setJsonEntity(aliases.toString());
            try {
                rest.performRequest(create);
            } catch (ResponseException e) {
                if (e.getResponse().getStatusLine().getStatusCode() != 400
                        || !exists(rest, "/_alias/" + alias)) {
                    throw e; // 400 with the alias there: another writer created it first
                }
            }
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            throw new IOException(
                    "Elasticsearch refused the bootstrap of alias '"
                            + alias
                            + "' with HTTP "
                            + status
                            + (status == 401 || status == 403
                                    ? ": the sink's credentials need the manage_index_templates"
                                            + " cluster privilege and create_index, write on '"
                                            + alias
                                            + "-*', or turn elasticsearch.bootstrap off"
                                    : ""),
                    null);
        }
    }

    private static boolean exists(RestClient rest, String path) throws IOException {
        try {
            return rest.performRequest(new Request("HEAD", path)).getStatusLine().getStatusCode()
                    == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** For tests and tools: the template's mapping of {@code field}, as a map. */
    @SuppressWarnings("unchecked")
    Map<String, Object> mappingOf(String field) throws IOException {
        Map<String, Object> template = JSON.readValue(template(), Map.class);
        Map<String, Object> body = (Map<String, Object>) template.get("template");
        Map<String, Object> mappings = (Map<String, Object>) body.get("mappings");
        return (Map<String, Object>) ((Map<String, Object>) mappings.get("properties")).get(field);
    }
}
