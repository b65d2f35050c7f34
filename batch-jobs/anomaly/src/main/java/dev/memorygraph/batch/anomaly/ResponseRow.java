package dev.memorygraph.batch.anomaly;

import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.model.ResponseEvent;

/**
 * What the anomaly job knows of one response: its ids, group and raw measurements, small enough
 * that a day (about 333,000 responses) fits in the job client's memory (a Flink POJO; no text). A
 * measurement the response does not carry is {@code NaN}.
 */
public final class ResponseRow {

    public String eventId;
    public String promptEventId;
    public String tenantId;
    public String modelId;
    public String userId;
    public long time;
    public double latencyMs = Double.NaN;
    public double ttftMs = Double.NaN;
    public double costUsd = Double.NaN;
    public double promptTokens = Double.NaN;
    public double completionTokens = Double.NaN;
    public boolean error;

    public ResponseRow() {}

    /** The row of a response event, or {@code null} for a prompt or a session. */
    public static ResponseRow of(EnrichedEvent enriched) {
        ResponseEvent response = enriched.event().response();
        if (response == null) {
            return null;
        }
        Metadata metadata = enriched.metadataOrNone();
        PromptLink link = metadata.prompt();
        ResponseRow row = new ResponseRow();
        row.eventId = response.eventId();
        row.promptEventId = response.promptEventId();
        row.tenantId = enriched.tenantId();
        row.modelId = enriched.modelId();
        row.userId = link == null ? enriched.event().userId() : link.userId();
        row.time = response.timestamp().toEpochMilli();
        row.error = response.error() != null;
        if (response.metrics() != null) {
            row.latencyMs = orNaN(response.metrics().latency());
            row.ttftMs = orNaN(response.metrics().ttft());
        }
        if (response.usage() != null) {
            row.promptTokens = orNaN(response.usage().promptTokens());
            row.completionTokens = orNaN(response.usage().completionTokens());
        }
        Cost cost = metadata.cost();
        if (cost != null && cost.priced()) {
            row.costUsd = cost.usd();
        } else if (response.metrics() != null && response.metrics().cost() != null) {
            row.costUsd = response.metrics().cost();
        }
        return row;
    }

    private static double orNaN(Long value) {
        return value == null ? Double.NaN : value;
    }

    /** Ids only. */
    @Override
    public String toString() {
        return "ResponseRow{" + eventId + " " + modelId + "}";
    }
}
