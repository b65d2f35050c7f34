package dev.memorygraph.sinks.influxdb;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.model.ResponseEvent;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Prompts and responses as time-series points (spec §3.2). Never text, never PII: tags are ids and
 * model names, fields are numbers.
 *
 * <ul>
 *   <li>{@code llm_prompts}: tags {@code tenant_id}, {@code model_id}, {@code provider}, {@code
 *       user_id}, {@code application_id}; field {@code tokens} (the prompt's token count).
 *   <li>{@code llm_responses}: tags {@code status} ({@code ok} or {@code error}), {@code
 *       finish_reason}, and the prompt's {@code tenant_id}, {@code user_id}, {@code model_id} and
 *       {@code provider} through the prompt–response join; fields {@code prompt_tokens}, {@code
 *       completion_tokens}, {@code total_tokens}, {@code latency_ms}, {@code ttft_ms}, {@code
 *       throughput}, {@code cost} (USD, only when priced), {@code unpriced} (0 or 1), {@code error}
 *       (0 or 1). A response that went on without its prompt keeps that first point: when its
 *       prompt arrives late, the completed response is not written again here (its tags would make
 *       it a second series), only to the lake and the other stores.
 * </ul>
 *
 * <p><b>Timestamps.</b> InfluxDB keeps one point per measurement, tag set and timestamp, so two
 * events of one user and model in the same millisecond would overwrite each other. A point's
 * timestamp is therefore the event time's millisecond in nanoseconds plus a sub-millisecond offset
 * taken from the event id (0 to 999,999 ns, by a hash): distinct events collide only with a chance
 * of one in a million per millisecond and series, while the same event always gets the same
 * timestamp, so a replay overwrites its own point.
 */
public final class EventPoints implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The point of {@code enriched}, or {@code null} for a session event. */
    public LinePoint toPoint(EnrichedEvent enriched) {
        InboundEvent event = enriched.event();
        Point point;
        if (event.type() == EventType.PROMPT) {
            point = prompt(event.prompt(), enriched);
        } else if (event.type() == EventType.RESPONSE) {
            Metadata metadata = enriched.metadataOrNone();
            if (Metadata.COMPLETED.equals(metadata.join())) {
                // its partial point is written; tags name the series, so a completed point would be
                // a second one rather than an overwrite (the lake and the graph have it complete)
                return null;
            }
            point = response(event.response(), metadata);
        } else {
            return null;
        }
        PromptLink link = enriched.metadataOrNone().prompt();
        tag(point, "tenant_id", enriched.tenantId());
        tag(point, "user_id", link == null ? event.userId() : link.userId());
        point.time(timestamp(event.eventId(), event.eventTime()), WritePrecision.NS);
        return new LinePoint(event.eventId(), point.toLineProtocol());
    }

    /** Nanoseconds: the event time's millisecond, plus an offset below 1 ms from the event id. */
    public static long timestamp(String eventId, Instant eventTime) {
        long hash = 1125899906842597L;
        for (byte b : eventId.getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return eventTime.toEpochMilli() * 1_000_000L + Math.floorMod(hash, 1_000_000L);
    }

    private static Point prompt(PromptEvent prompt, EnrichedEvent enriched) {
        Point point = Point.measurement("llm_prompts");
        if (prompt.model() != null) {
            tag(point, "model_id", prompt.model().id());
            tag(point, "provider", prompt.model().provider());
        }
        if (prompt.session() != null) {
            tag(point, "application_id", prompt.session().applicationId());
        }
        point.addField("tokens", enriched.text() == null ? 0L : enriched.text().tokenCount());
        return point;
    }

    private static Point response(ResponseEvent response, Metadata metadata) {
        Point point = Point.measurement("llm_responses");
        if (metadata.prompt() != null) {
            tag(point, "model_id", metadata.prompt().modelId());
            tag(point, "provider", metadata.prompt().provider());
        }
        boolean failed = response.error() != null;
        point.addTag("status", failed ? "error" : "ok");
        if (response.response() != null) {
            tag(point, "finish_reason", response.response().finishReason());
        }
        point.addField("error", failed ? 1L : 0L);
        if (response.usage() != null) {
            field(point, "prompt_tokens", response.usage().promptTokens());
            field(point, "completion_tokens", response.usage().completionTokens());
            field(point, "total_tokens", response.usage().totalTokens());
        }
        if (response.metrics() != null) {
            field(point, "latency_ms", response.metrics().latency());
            field(point, "ttft_ms", response.metrics().ttft());
            if (response.metrics().throughput() != null) {
                point.addField("throughput", response.metrics().throughput());
            }
        }
        Cost cost = metadata.cost();
        Double reported = response.metrics() == null ? null : response.metrics().cost();
        if (cost != null && cost.priced()) {
            point.addField("cost", cost.usd());
        } else if (reported != null) {
            point.addField("cost", reported);
        }
        if (cost != null) {
            // an unpriced response has no cost field: counted, never summed as 0
            point.addField("unpriced", cost.priced() ? 0L : 1L);
        }
        return point;
    }

    private static void tag(Point point, String key, String value) {
        if (value != null && !value.isBlank()) {
            point.addTag(key, value);
        }
    }

    private static void field(Point point, String key, Long value) {
        if (value != null) {
            point.addField(key, value);
        }
    }
}
