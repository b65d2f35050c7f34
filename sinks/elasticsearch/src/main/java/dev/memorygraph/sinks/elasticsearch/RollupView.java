package dev.memorygraph.sinks.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.model.rollup.QuantileSketch;
import dev.memorygraph.model.rollup.Rollup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * The rollups' materialized view (spec §4 Job 4): an Elasticsearch index ({@code
 * elasticsearch.rollups-index}, {@code llm-rollups}) with one document per window and group, id =
 * {@link Rollup#key()}, so a rerun or a correction of a window overwrites its document. A dashboard
 * reads it directly (a term filter on {@code granularity}, {@code dimension} and a tenant, a range
 * on {@code window_start}) without touching events. Each document also keeps its two quantile
 * sketches ({@code latency_sketch}, {@code ttft_sketch}: stored, not indexed), which is what lets
 * the rollup job merge a day from its hours and a month from its days, exactly, without re-reading
 * events.
 *
 * <p>Fields: {@code row_key} (the id, for paging), {@code granularity}, {@code dimension}, {@code
 * tenant_id}, {@code model_id}, {@code user_id} (keywords), {@code window_start} (date), {@code
 * responses}, {@code errors}, {@code prompt_tokens}, {@code completion_tokens}, {@code
 * total_tokens}, {@code priced}, {@code unpriced}, {@code cost_nano_usd} (longs), {@code cost_usd},
 * {@code error_rate}, {@code latency_p50_ms}/{@code p95}/{@code p99}, {@code ttft_p50_ms}/{@code
 * p95}/{@code p99} (doubles).
 */
public final class RollupView implements MapFunction<Rollup, IndexAction> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYWORDS =
            List.of("row_key", "granularity", "dimension", "tenant_id", "model_id", "user_id");
    private static final List<String> LONGS =
            List.of(
                    "responses",
                    "errors",
                    "prompt_tokens",
                    "completion_tokens",
                    "total_tokens",
                    "priced",
                    "unpriced",
                    "cost_nano_usd");
    private static final List<String> DOUBLES =
            List.of(
                    "cost_usd",
                    "error_rate",
                    "latency_p50_ms",
                    "latency_p95_ms",
                    "latency_p99_ms",
                    "ttft_p50_ms",
                    "ttft_p95_ms",
                    "ttft_p99_ms");

    private final String index;

    public RollupView(String index) {
        this.index = index;
    }

    public String index() {
        return index;
    }

    @Override
    public IndexAction map(Rollup row) {
        return toAction(row);
    }

    /** The document of {@code row}. */
    public IndexAction toAction(Rollup row) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("row_key", row.key());
        doc.put("granularity", row.granularity);
        doc.put("window_start", Instant.ofEpochMilli(row.windowStart).toString());
        doc.put("dimension", row.dimension);
        putIfPresent(doc, "tenant_id", row.tenantId);
        putIfPresent(doc, "model_id", row.modelId);
        putIfPresent(doc, "user_id", row.userId);
        doc.put("responses", row.responses);
        doc.put("errors", row.errors);
        doc.put("error_rate", row.errorRate());
        doc.put("prompt_tokens", row.promptTokens);
        doc.put("completion_tokens", row.completionTokens);
        doc.put("total_tokens", row.totalTokens);
        doc.put("priced", row.priced);
        doc.put("unpriced", row.unpriced);
        doc.put("cost_nano_usd", row.costNanoUsd);
        doc.put("cost_usd", row.costUsd());
        quantiles(doc, "latency", row.latencyMs);
        quantiles(doc, "ttft", row.ttftMs);
        doc.set("latency_sketch", sketch(row.latencyMs));
        doc.set("ttft_sketch", sketch(row.ttftMs));
        try {
            return new IndexAction(index, row.key(), JSON.writeValueAsBytes(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row a document holds. */
    public static Rollup fromSource(JsonNode doc) {
        Rollup row = new Rollup();
        row.granularity = doc.path("granularity").asText();
        row.windowStart = Instant.parse(doc.path("window_start").asText()).toEpochMilli();
        row.dimension = doc.path("dimension").asText();
        row.tenantId = textOrNull(doc, "tenant_id");
        row.modelId = textOrNull(doc, "model_id");
        row.userId = textOrNull(doc, "user_id");
        row.responses = doc.path("responses").asLong();
        row.errors = doc.path("errors").asLong();
        row.promptTokens = doc.path("prompt_tokens").asLong();
        row.completionTokens = doc.path("completion_tokens").asLong();
        row.totalTokens = doc.path("total_tokens").asLong();
        row.priced = doc.path("priced").asLong();
        row.unpriced = doc.path("unpriced").asLong();
        row.costNanoUsd = doc.path("cost_nano_usd").asLong();
        row.latencyMs = sketch(doc.path("latency_sketch"));
        row.ttftMs = sketch(doc.path("ttft_sketch"));
        return row;
    }

    /** Puts the index template and creates the index unless it exists. Idempotent. */
    public void bootstrap(RestClient rest) throws IOException {
        ObjectNode template = JSON.createObjectNode();
        template.putArray("index_patterns").add(index);
        ObjectNode body = template.putObject("template");
        body.putObject("settings").put("number_of_shards", 1);
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", false);
        ObjectNode properties = mappings.putObject("properties");
        KEYWORDS.forEach(f -> properties.putObject(f).put("type", "keyword"));
        LONGS.forEach(f -> properties.putObject(f).put("type", "long"));
        DOUBLES.forEach(f -> properties.putObject(f).put("type", "double"));
        properties.putObject("window_start").put("type", "date");
        for (String sketch : List.of("latency_sketch", "ttft_sketch")) {
            properties.putObject(sketch).put("type", "object").put("enabled", false);
        }
        Request put = new Request("PUT", "/_index_template/" + index + "-template");
        put.setJsonEntity(template.toString());
        rest.performRequest(put);
        try {
            rest.performRequest(new Request("PUT", "/" + index));
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() != 400) {
                throw e; // 400: it exists already
            }
        }
    }

    /**
     * Every row of {@code granularity} whose window starts in {@code [from, until)}, after a
     * refresh, so rows just written are seen.
     */
    public List<Rollup> read(RestClient rest, String granularity, Instant from, Instant until)
            throws IOException {
        rest.performRequest(new Request("POST", "/" + index + "/_refresh"));
        List<Rollup> rows = new ArrayList<>();
        JsonNode after = null;
        while (true) {
            ObjectNode search = JSON.createObjectNode();
            search.put("size", 1_000);
            ArrayNode filter = search.putObject("query").putObject("bool").putArray("filter");
            filter.addObject().putObject("term").put("granularity", granularity);
            filter.addObject()
                    .putObject("range")
                    .putObject("window_start")
                    .put("gte", from.toString())
                    .put("lt", until.toString());
            search.putArray("sort").add("row_key");
            if (after != null) {
                search.set("search_after", after);
            }
            Request request = new Request("POST", "/" + index + "/_search");
            request.setJsonEntity(search.toString());
            JsonNode hits =
                    JSON.readTree(
                                    EntityUtils.toString(
                                            rest.performRequest(request).getEntity(),
                                            StandardCharsets.UTF_8))
                            .path("hits")
                            .path("hits");
            if (hits.isEmpty()) {
                return rows;
            }
            for (JsonNode hit : hits) {
                rows.add(fromSource(hit.path("_source")));
                after = hit.path("sort");
            }
        }
    }

    private static void quantiles(ObjectNode doc, String name, QuantileSketch sketch) {
        if (sketch.count() > 0) {
            doc.put(name + "_p50_ms", sketch.quantile(0.50));
            doc.put(name + "_p95_ms", sketch.quantile(0.95));
            doc.put(name + "_p99_ms", sketch.quantile(0.99));
        }
    }

    private static ObjectNode sketch(QuantileSketch sketch) {
        ObjectNode node = JSON.createObjectNode();
        node.put("offset", sketch.offset);
        node.put("zero_count", sketch.zeroCount);
        ArrayNode counts = node.putArray("counts");
        for (long c : sketch.counts) {
            counts.add(c);
        }
        return node;
    }

    private static QuantileSketch sketch(JsonNode node) {
        QuantileSketch sketch = new QuantileSketch();
        sketch.offset = node.path("offset").asInt();
        sketch.zeroCount = node.path("zero_count").asLong();
        JsonNode counts = node.path("counts");
        sketch.counts = new long[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            sketch.counts[i] = counts.get(i).asLong();
        }
        return sketch;
    }

    private static void putIfPresent(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }

    private static String textOrNull(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
