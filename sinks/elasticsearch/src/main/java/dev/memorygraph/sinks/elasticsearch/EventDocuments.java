package dev.memorygraph.sinks.elasticsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.PiiReport;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.TextFeatures;
import java.io.Serializable;
import java.util.List;

/**
 * Prompts and responses as Elasticsearch documents ({@link ElasticsearchIndex} maps the fields):
 * the text as the tenant's PII policy stored it (redacted or the vault marker, never the clear text
 * of a redacted or vaulted event), its features, the ids to join on, tags, the PII outcome, the
 * response's usage and metrics, and {@code prompt.metadata} under {@code metadata}. Sessions have
 * no document. The document id is the event id.
 */
public final class EventDocuments implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String alias;

    public EventDocuments(String alias) {
        this.alias = alias;
    }

    /** The document of {@code enriched}, or {@code null} for a session event. */
    public IndexAction toAction(EnrichedEvent enriched) {
        InboundEvent event = enriched.event();
        if (event.type() == EventType.SESSION) {
            return null;
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("event_id", event.eventId());
        doc.put("event_type", event.type().name().toLowerCase(java.util.Locale.ROOT));
        doc.put("event_time", event.eventTime().toString());
        PromptLink link = enriched.metadataOrNone().prompt();
        putIfPresent(doc, "session_id", link == null ? event.sessionId() : link.sessionId());
        putIfPresent(doc, "user_id", link == null ? event.userId() : link.userId());
        putIfPresent(doc, "tenant_id", enriched.tenantId());
        putIfPresent(doc, "text", event.text());
        if (event.type() == EventType.PROMPT) {
            prompt(doc, event.prompt());
        } else {
            response(doc, event.response(), enriched.metadataOrNone());
        }
        TextFeatures text = enriched.text();
        if (text != null) {
            doc.put("language", text.language());
            doc.put("token_count", text.tokenCount());
            putIfPresent(doc, "template_id", text.templateId());
        }
        PiiReport pii = enriched.pii();
        if (pii != null) {
            doc.put("pii_policy", pii.policy());
            doc.put("has_pii", pii.found());
            doc.set("pii_types", JSON.valueToTree(pii.types()));
        }
        try {
            return new IndexAction(alias, event.eventId(), JSON.writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the document of " + event.eventId(), e);
        }
    }

    private static void prompt(ObjectNode doc, PromptEvent prompt) {
        if (prompt.session() != null) {
            putIfPresent(doc, "application_id", prompt.session().applicationId());
        }
        if (prompt.model() != null) {
            putIfPresent(doc, "model_id", prompt.model().id());
            putIfPresent(doc, "model_provider", prompt.model().provider());
        }
        tags(doc, prompt.tags());
        String metadata = prompt.prompt().metadata();
        if (metadata != null) {
            try {
                JsonNode node = JSON.readTree(metadata);
                if (node != null && node.isObject()) {
                    doc.set("metadata", node);
                }
            } catch (JsonProcessingException e) {
                // validated upstream; an unreadable value is left out rather than failing the write
            }
        }
    }

    private static void response(ObjectNode doc, ResponseEvent response, Metadata metadata) {
        putIfPresent(doc, "prompt_event_id", response.promptEventId());
        if (metadata.prompt() != null) {
            putIfPresent(doc, "model_id", metadata.prompt().modelId());
            putIfPresent(doc, "model_provider", metadata.prompt().provider());
        }
        if (response.response() != null) {
            putIfPresent(doc, "finish_reason", response.response().finishReason());
        }
        tags(doc, response.tags());
        if (response.usage() != null) {
            putIfPresent(doc, "prompt_tokens", response.usage().promptTokens());
            putIfPresent(doc, "completion_tokens", response.usage().completionTokens());
            putIfPresent(doc, "total_tokens", response.usage().totalTokens());
        }
        if (response.metrics() != null) {
            putIfPresent(doc, "latency_ms", response.metrics().latency());
            putIfPresent(doc, "ttft_ms", response.metrics().ttft());
        }
        Cost cost = metadata.cost();
        Double reported = response.metrics() == null ? null : response.metrics().cost();
        if (cost != null && cost.priced()) {
            doc.put("cost", cost.usd());
            doc.put("cost_source", cost.priceSource());
        } else if (reported != null) {
            doc.put("cost", reported);
            doc.put("cost_source", "reported");
        }
        if (cost != null) {
            doc.put("cost_status", cost.status());
        }
    }

    private static void tags(ObjectNode doc, List<String> tags) {
        if (tags != null && !tags.isEmpty()) {
            doc.set("tags", JSON.valueToTree(tags));
        }
    }

    private static void putIfPresent(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode doc, String field, Long value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
