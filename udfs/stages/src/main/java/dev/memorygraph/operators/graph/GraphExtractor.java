package dev.memorygraph.operators.graph;

import static dev.memorygraph.model.graph.NodeLabel.APPLICATION;
import static dev.memorygraph.model.graph.NodeLabel.DOCUMENT;
import static dev.memorygraph.model.graph.NodeLabel.MODEL;
import static dev.memorygraph.model.graph.NodeLabel.PROMPT;
import static dev.memorygraph.model.graph.NodeLabel.PROMPT_TEXT;
import static dev.memorygraph.model.graph.NodeLabel.RESPONSE;
import static dev.memorygraph.model.graph.NodeLabel.SESSION;
import static dev.memorygraph.model.graph.NodeLabel.TEMPLATE;
import static dev.memorygraph.model.graph.NodeLabel.TENANT;
import static dev.memorygraph.model.graph.NodeLabel.TOOL;
import static dev.memorygraph.model.graph.NodeLabel.USER;
import static dev.memorygraph.model.graph.RelationshipType.APPLICATION_BELONGS_TO;
import static dev.memorygraph.model.graph.RelationshipType.CALLED;
import static dev.memorygraph.model.graph.RelationshipType.CONTAINS;
import static dev.memorygraph.model.graph.RelationshipType.GENERATED;
import static dev.memorygraph.model.graph.RelationshipType.HAS_SESSION;
import static dev.memorygraph.model.graph.RelationshipType.HAS_TEXT;
import static dev.memorygraph.model.graph.RelationshipType.INSTANCE_OF;
import static dev.memorygraph.model.graph.RelationshipType.IN_APPLICATION;
import static dev.memorygraph.model.graph.RelationshipType.REFERENCES;
import static dev.memorygraph.model.graph.RelationshipType.USER_BELONGS_TO;
import static dev.memorygraph.model.graph.RelationshipType.USES_MODEL;

import dev.memorygraph.core.hash.Sha256;
import dev.memorygraph.model.ContextDocument;
import dev.memorygraph.model.Cost;
import dev.memorygraph.model.Embedding;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.FunctionCall;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.ModelInfo;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.PiiReport;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.SessionEvent;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.model.TextFeatures;
import dev.memorygraph.model.ToolCall;
import dev.memorygraph.model.UserInfo;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.NodeLabel;
import dev.memorygraph.model.graph.RelationshipType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 7 without state: the nodes and relationships one enriched event contributes to the memory
 * graph (ARCHITECTURE.md §4). {@code FOLLOWS} needs the session's other prompts and is added by
 * {@link GraphExtractionFunction}.
 *
 * <p>Exact reuse: every prompt links to a {@code PromptText} node whose id is the SHA-256 of the
 * normalised text ({@code textHash}), so prompts with the same text share that node across users
 * and sessions. The tenant of a prompt is {@code prompt.metadata.tenantId} when present; sessions
 * carry their own {@code tenantId}.
 *
 * <p>Stateless and thread-safe.
 */
public final class GraphExtractor {

    public List<GraphMutation> extract(EnrichedEvent enriched) {
        List<GraphMutation> out = new ArrayList<>(16);
        switch (enriched.event().type()) {
            case PROMPT ->
                    prompt(
                            enriched.event().prompt(),
                            enriched.text(),
                            enriched.pii(),
                            enriched.embedding(),
                            enriched.metadataOrNone(),
                            out);
            case RESPONSE ->
                    response(
                            enriched.event().response(),
                            enriched.text(),
                            enriched.pii(),
                            enriched.metadataOrNone(),
                            out);
            case SESSION -> session(enriched.event().session(), enriched.metadataOrNone(), out);
        }
        return out;
    }

    private void prompt(
            PromptEvent event,
            TextFeatures text,
            PiiReport pii,
            Embedding embedding,
            Metadata metadata,
            List<GraphMutation> out) {
        String id = event.eventId();
        SessionRef session = event.session();
        String tenant = event.tenantId();
        Props prompt =
                new Props()
                        .put("createdAt", event.timestamp())
                        .put("text", event.prompt().text())
                        .put("userId", session.userId())
                        .put("sessionId", session.id())
                        .put("applicationId", session.applicationId())
                        .put("tenant", tenant)
                        .put("tags", event.tags())
                        .put("imageCount", sizeOf(event.prompt().images()))
                        .put(
                                "traceId",
                                event.traceContext() == null
                                        ? null
                                        : event.traceContext().traceId());
        textProperties(prompt, text);
        piiProperties(prompt, pii);
        if (embedding != null) {
            // the vector lives in the vector store; the graph says which model made it
            prompt.put("embeddingModel", embedding.model())
                    .put("embeddingDimension", embedding.dimension());
        }
        ModelRef model = event.model();
        if (model != null) {
            prompt.put("modelId", model.id());
        }
        if (event.context() != null) {
            prompt.put("retrievalMethod", event.context().retrievalMethod());
        }
        out.add(node(PROMPT, id, prompt, id));

        out.add(node(USER, session.userId(), userProperties(tenant, metadata.user()), id));
        out.add(
                node(
                        SESSION,
                        session.id(),
                        new Props()
                                .put("userId", session.userId())
                                .put("applicationId", session.applicationId())
                                .put("purpose", session.purpose()),
                        id));
        out.add(link(HAS_SESSION, session.userId(), session.id(), new Props(), id));
        out.add(link(CONTAINS, session.id(), id, new Props().put("at", event.timestamp()), id));
        organisation(session.userId(), session.id(), session.applicationId(), tenant, id, out);

        if (model != null) {
            Props modelProps = new Props().put("provider", model.provider());
            registryProperties(modelProps, metadata.model());
            out.add(node(MODEL, model.id(), modelProps, id));
            Props uses = new Props().put("version", model.version());
            if (model.parameters() != null) {
                uses.put("temperature", model.parameters().temperature())
                        .put("topP", model.parameters().topP())
                        .put("maxTokens", model.parameters().maxTokens());
            }
            out.add(link(USES_MODEL, id, model.id(), uses, id));
        }
        if (text != null) {
            out.add(
                    node(
                            PROMPT_TEXT,
                            text.textHash(),
                            new Props()
                                    .put("textHash", text.textHash())
                                    .put("length", text.normalizedLength())
                                    .put("language", text.language()),
                            id));
            out.add(link(HAS_TEXT, id, text.textHash(), new Props(), id));
            if (text.templateId() != null) {
                out.add(
                        node(
                                TEMPLATE,
                                text.templateId(),
                                new Props()
                                        .put("template", text.template())
                                        .put("source", text.templateSource())
                                        .put("variables", text.templateVariables()),
                                id));
                out.add(
                        link(
                                INSTANCE_OF,
                                id,
                                text.templateId(),
                                new Props().put("rendered", text.templateRendered()),
                                id));
            }
        }
        if (event.context() != null && event.context().documents() != null) {
            List<ContextDocument> documents = event.context().documents();
            for (int i = 0; i < documents.size(); i++) {
                ContextDocument document = documents.get(i);
                String documentId =
                        document.id() != null
                                ? document.id()
                                : "sha256:" + sha256Hex(document.content());
                out.add(
                        node(
                                DOCUMENT,
                                documentId,
                                new Props()
                                        .put(
                                                "contentHash",
                                                document.content() == null
                                                        ? null
                                                        : sha256Hex(document.content()))
                                        .put(
                                                "length",
                                                document.content() == null
                                                        ? null
                                                        : document.content().length()),
                                id));
                out.add(
                        link(
                                REFERENCES,
                                id,
                                documentId,
                                new Props()
                                        .put("relevance", document.relevanceScore())
                                        .put("position", i),
                                id));
            }
        }
    }

    private void response(
            ResponseEvent event,
            TextFeatures text,
            PiiReport pii,
            Metadata metadata,
            List<GraphMutation> out) {
        String id = event.eventId();
        Props response =
                new Props()
                        .put("createdAt", event.timestamp())
                        .put("promptId", event.promptEventId())
                        .put("tags", event.tags());
        textProperties(response, text);
        piiProperties(response, pii);
        if (event.response() != null) {
            response.put("text", event.response().text())
                    .put("finishReason", event.response().finishReason());
        }
        if (event.usage() != null) {
            response.put("promptTokens", event.usage().promptTokens())
                    .put("completionTokens", event.usage().completionTokens())
                    .put("totalTokens", event.usage().totalTokens());
        }
        Double reported = event.metrics() == null ? null : event.metrics().cost();
        if (event.metrics() != null) {
            response.put("latencyMs", event.metrics().latency())
                    .put("ttftMs", event.metrics().ttft())
                    .put("throughput", event.metrics().throughput())
                    .put("reportedCost", reported);
        }
        costProperties(response, metadata, reported);
        PromptLink prompt = metadata.prompt();
        if (prompt != null) {
            response.put("tenant", prompt.tenantId())
                    .put("modelId", prompt.modelId())
                    .put("sessionId", prompt.sessionId())
                    .put("userId", prompt.userId());
        }
        // always written, so a completed response clears what its partial write said was missing
        response.put("join", metadata.join()).put("missing", metadata.missing());
        if (event.error() != null) {
            response.put("errorCode", event.error().code())
                    .put("errorType", event.error().type())
                    .put("errorMessage", event.error().message())
                    .put("errorRecoverable", event.error().recoverable());
        }
        out.add(node(RESPONSE, id, response, id));
        out.add(link(GENERATED, event.promptEventId(), id, new Props(), id));

        Map<String, List<String>> callsByTool = new LinkedHashMap<>();
        if (event.response() != null) {
            FunctionCall functionCall = event.response().functionCall();
            if (functionCall != null && functionCall.name() != null) {
                callsByTool.computeIfAbsent(functionCall.name(), k -> new ArrayList<>());
            }
            if (event.response().toolCalls() != null) {
                for (ToolCall call : event.response().toolCalls()) {
                    if (call.function() != null && call.function().name() != null) {
                        List<String> ids =
                                callsByTool.computeIfAbsent(
                                        call.function().name(), k -> new ArrayList<>());
                        if (call.id() != null) {
                            ids.add(call.id());
                        }
                    }
                }
            }
        }
        callsByTool.forEach(
                (tool, callIds) -> {
                    out.add(node(TOOL, tool, new Props().put("name", tool), id));
                    out.add(
                            link(
                                    CALLED,
                                    id,
                                    tool,
                                    new Props()
                                            .put("calls", Math.max(1, callIds.size()))
                                            .put("callIds", callIds.isEmpty() ? null : callIds),
                                    id));
                });
    }

    private void session(SessionEvent event, Metadata metadata, List<GraphMutation> out) {
        String id = event.eventId();
        out.add(
                node(
                        SESSION,
                        event.sessionId(),
                        new Props()
                                .put("userId", event.userId())
                                .put("tenant", event.tenantId())
                                .put("applicationId", event.applicationId())
                                .put("purpose", event.purpose())
                                .put("status", event.status())
                                .put(
                                        "createdAt",
                                        event.startedAt() != null
                                                ? event.startedAt()
                                                : event.timestamp())
                                .put("startedAt", event.startedAt())
                                .put("endedAt", event.endedAt())
                                .put("updatedAt", event.timestamp()),
                        id));
        if (event.userId() != null) {
            out.add(
                    node(
                            USER,
                            event.userId(),
                            userProperties(event.tenantId(), metadata.user()),
                            id));
            out.add(link(HAS_SESSION, event.userId(), event.sessionId(), new Props(), id));
        }
        organisation(
                event.userId(),
                event.sessionId(),
                event.applicationId(),
                event.tenantId(),
                id,
                out);
    }

    /**
     * {@code cost} (USD; absent when unpriced, never 0 for "unknown"), {@code costStatus}, {@code
     * costSource} ({@code registry} or {@code fallback} prices, or {@code reported} when only the
     * event's own {@code metrics.cost} is known), {@code tokenSource} and the prices' date.
     */
    private static void costProperties(Props response, Metadata metadata, Double reported) {
        Cost cost = metadata.cost();
        if (cost == null) {
            response.put("cost", reported).put("costSource", reported == null ? null : "reported");
            return;
        }
        if (cost.priced()) {
            response.put("cost", cost.usd()).put("costSource", cost.priceSource());
        } else if (reported != null) {
            response.put("cost", reported).put("costSource", "reported");
        } else {
            response.put("cost", null).put("costSource", null);
        }
        response.put("costStatus", cost.status())
                .put("tokenSource", cost.tokenSource())
                .put("priceEffectiveFrom", cost.priceEffectiveFrom())
                .put("cachedPromptTokens", cost.cachedInputTokens())
                .put("reasoningTokens", cost.reasoningTokens());
    }

    /**
     * A {@code User} node's properties: its tenant, and the user directory's organisation and the
     * display attributes {@code user.graph-attributes} allows (each under its own name).
     */
    static final java.util.Set<String> RESERVED_USER_PROPERTIES =
            java.util.Set.of("id", "tenant", "orgId");

    private static Props userProperties(String tenant, UserInfo user) {
        Props props = new Props().put("tenant", tenant);
        if (user == null) {
            return props;
        }
        props.put("orgId", user.orgId());
        if (user.attributesJson() != null) {
            try {
                EventJson.mapper()
                        .readTree(user.attributesJson())
                        .fields()
                        .forEachRemaining(
                                f -> {
                                    if (!RESERVED_USER_PROPERTIES.contains(f.getKey())) {
                                        props.put(f.getKey(), f.getValue().asText());
                                    }
                                });
            } catch (java.io.IOException e) {
                // written by the lookup as a JSON object of strings; nothing to add otherwise
            }
        }
        return props;
    }

    /** The registry's data on a {@code Model} node, when the metadata stage found it. */
    private static void registryProperties(Props model, ModelInfo info) {
        if (info == null) {
            return;
        }
        model.put("family", info.family())
                .put("version", info.version())
                .put("contextWindow", info.contextWindow())
                .put("maxOutputTokens", info.maxOutputTokens())
                .put("capabilities", info.capabilities())
                .put("releasedAt", info.releasedAt())
                .put("deprecatedAt", info.deprecatedAt());
    }

    /** Application and tenant nodes with their links, where the event names them. */
    private static void organisation(
            String userId,
            String sessionId,
            String applicationId,
            String tenant,
            String sourceEventId,
            List<GraphMutation> out) {
        if (applicationId != null) {
            out.add(
                    node(
                            APPLICATION,
                            applicationId,
                            new Props().put("tenant", tenant),
                            sourceEventId));
            out.add(link(IN_APPLICATION, sessionId, applicationId, new Props(), sourceEventId));
        }
        if (tenant != null) {
            out.add(node(TENANT, tenant, new Props(), sourceEventId));
            if (userId != null) {
                out.add(link(USER_BELONGS_TO, userId, tenant, new Props(), sourceEventId));
            }
            if (applicationId != null) {
                out.add(
                        link(
                                APPLICATION_BELONGS_TO,
                                applicationId,
                                tenant,
                                new Props(),
                                sourceEventId));
            }
        }
    }

    /** What the PII stage found and did: policy, types, counts, secret id; never values. */
    private static void piiProperties(Props props, PiiReport pii) {
        if (pii == null) {
            return;
        }
        props.put("piiPolicy", pii.policy()).put("hasPII", pii.found());
        if (pii.found()) {
            props.put("piiTypes", pii.types()).put("piiCount", pii.total());
        }
        props.put("textSecretId", pii.textSecretId());
    }

    private static void textProperties(Props props, TextFeatures text) {
        if (text == null) {
            return;
        }
        props.put("textHash", text.textHash())
                .put("language", text.language())
                .put("tokenCount", text.tokenCount())
                .put("tokenMethod", text.tokenMethod())
                .put("templateId", text.templateId());
    }

    private static Integer sizeOf(List<?> list) {
        return list == null || list.isEmpty() ? null : list.size();
    }

    private static String sha256Hex(String text) {
        return Sha256.hex(text == null ? "" : text);
    }

    private static GraphMutation node(NodeLabel label, String id, Props props, String source) {
        return GraphMutation.node(label, id, props.map, source);
    }

    private static GraphMutation link(
            RelationshipType type, String from, String to, Props props, String source) {
        return GraphMutation.relationship(type, from, to, props.map, source);
    }

    /** An ordered property map that drops null values. */
    static final class Props {
        final Map<String, Object> map = new LinkedHashMap<>();

        Props put(String name, Object value) {
            if (value != null) {
                map.put(name, value);
            }
            return this;
        }
    }
}
