package dev.memorygraph.batch.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchConnection;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * The search index's side of archival and erasure: an archive's prompt and response documents
 * (their id is the event id), or a user's ({@code user_id}, in the tenant when one is given), are
 * found with a search on the sink's alias, which reaches every index behind it (a reindexed one
 * too), and deleted with a bulk request naming each hit's index, until the search finds none. Only
 * core APIs: {@code _delete_by_query} needs the reindex module, which a minimal node lacks.
 * Sessions have no document, and the rollups index is another index, untouched.
 */
final class ElasticsearchArchive implements HotStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1_000;

    private final RestClient client;
    private final String alias;
    private final String rollups;

    ElasticsearchArchive(ReadableConfig config) throws IOException {
        this.client = ElasticsearchConnection.fromConfig(config).createRestClient();
        this.alias = config.get(ElasticsearchOptions.INDEX);
        this.rollups = config.get(ElasticsearchOptions.ROLLUPS_INDEX);
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public long delete(Archive archive, ArchivedIds ids) throws IOException {
        long deleted = 0;
        for (List<String> batch : batches(ids)) {
            deleted += deleteAll(alias, byIds(batch));
        }
        return deleted;
    }

    @Override
    public long remaining(Archive archive, ArchivedIds ids) throws IOException {
        long left = 0;
        for (List<String> batch : batches(ids)) {
            left += count(alias, byIds(batch));
        }
        return left;
    }

    /**
     * The user's documents, and their rows of the rollups view ({@code dimension} {@code user}):
     * the tenant and model rows are aggregates that name nobody, and stay.
     */
    @Override
    public long erase(UserErasure user) throws IOException {
        return delete(null, user.ids())
                + deleteAll(alias, byUser(user))
                + deleteAll(rollups, byUser(user));
    }

    @Override
    public long remainingOf(UserErasure user) throws IOException {
        return remaining(null, user.ids())
                + count(alias, byUser(user))
                + count(rollups, byUser(user));
    }

    @Override
    public long olderThan(java.time.Instant cutoff) throws IOException {
        ObjectNode query = JSON.createObjectNode();
        query.putObject("range").putObject("event_time").put("lt", cutoff.toString());
        return count(alias, query);
    }

    /** Deletes every document {@code query} finds, a page at a time; returns how many. */
    private long deleteAll(String index, ObjectNode query) throws IOException {
        long deleted = 0;
        while (true) {
            ObjectNode search = JSON.createObjectNode();
            search.set("query", query);
            search.put("size", PAGE);
            search.put("_source", false);
            JsonNode hits = call("POST", "/" + index + "/_search", search.toString());
            JsonNode page = hits.path("hits").path("hits");
            if (page.isEmpty()) {
                return deleted;
            }
            StringBuilder bulk = new StringBuilder();
            for (JsonNode hit : page) {
                ObjectNode action = JSON.createObjectNode();
                action.putObject("delete")
                        .put("_index", hit.path("_index").asText())
                        .put("_id", hit.path("_id").asText());
                bulk.append(action).append('\n');
            }
            JsonNode answer = call("POST", "/_bulk?refresh=true", bulk.toString());
            long round = 0;
            for (JsonNode item : answer.path("items")) {
                JsonNode result = item.path("delete");
                int status = result.path("status").asInt();
                if (status == 200) {
                    round++;
                } else if (status != 404) {
                    throw new IOException(
                            "Elasticsearch refused to delete a document: status " + status);
                }
            }
            if (round == 0) {
                throw new IOException("Elasticsearch found documents it did not delete");
            }
            deleted += round;
        }
    }

    private long count(String index, ObjectNode query) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.set("query", query);
        return call("POST", "/" + index + "/_count", body.toString()).path("count").asLong();
    }

    private static ObjectNode byIds(List<String> ids) {
        ObjectNode query = JSON.createObjectNode();
        ArrayNode values = query.putObject("ids").putArray("values");
        ids.forEach(values::add);
        return query;
    }

    /** The user's documents: by {@code user_id}, in the tenant when one is given. */
    private static ObjectNode byUser(UserErasure user) {
        ObjectNode query = JSON.createObjectNode();
        ArrayNode filter = query.putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("user_id", user.user());
        if (user.tenant() != null) {
            filter.addObject().putObject("term").put("tenant_id", user.tenant());
        }
        return query;
    }

    private static List<List<String>> batches(ArchivedIds ids) {
        List<String> all = new ArrayList<>(ids.prompts());
        all.addAll(ids.responses());
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PAGE) {
            batches.add(all.subList(from, Math.min(all.size(), from + PAGE)));
        }
        return batches;
    }

    private JsonNode call(String method, String endpoint, String body) throws IOException {
        Request request = new Request(method, endpoint);
        request.setJsonEntity(body);
        try {
            return JSON.readTree(client.performRequest(request).getEntity().getContent());
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 404) {
                // no index behind the alias yet: nothing to delete, nothing left
                return JSON.createObjectNode();
            }
            // not e itself: Elasticsearch's answer can quote the query, and with it a user id
            throw new IOException(
                    "Elasticsearch refused "
                            + method
                            + " "
                            + endpoint.replaceAll("\\?.*", "")
                            + ": HTTP "
                            + status);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
