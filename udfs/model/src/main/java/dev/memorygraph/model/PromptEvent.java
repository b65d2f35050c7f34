package dev.memorygraph.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** A prompt sent to an LLM, as published on {@code llm.prompts.v1} (spec §1.1). */
public record PromptEvent(
        String eventId,
        Instant timestamp,
        Prompt prompt,
        SessionRef session,
        ModelRef model,
        PromptContext context,
        List<String> tags,
        TraceContext traceContext) {

    /** The key in {@code prompt.metadata} that names the prompt's tenant. */
    public static final String TENANT_METADATA_KEY = "tenantId";

    /** The prompt's tenant: {@code prompt.metadata.tenantId} when it is a non-blank string. */
    public String tenantId() {
        String metadata = prompt.metadata();
        if (metadata == null || !metadata.contains(TENANT_METADATA_KEY)) {
            return null;
        }
        try {
            JsonNode tenant = EventJson.mapper().readTree(metadata).get(TENANT_METADATA_KEY);
            return tenant != null && tenant.isTextual() && !tenant.asText().isBlank()
                    ? tenant.asText()
                    : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * This prompt with {@code tenantId} written into {@code prompt.metadata} (the other metadata
     * kept), so that every stage that reads {@link #tenantId()} sees it.
     */
    public PromptEvent withTenant(String tenantId) {
        ObjectNode metadata;
        try {
            JsonNode existing =
                    prompt.metadata() == null
                            ? null
                            : EventJson.mapper().readTree(prompt.metadata());
            metadata =
                    existing instanceof ObjectNode object
                            ? object
                            : EventJson.mapper().createObjectNode();
            metadata.put(TENANT_METADATA_KEY, tenantId);
            String json = EventJson.mapper().writeValueAsString(metadata);
            return new PromptEvent(
                    eventId,
                    timestamp,
                    new Prompt(
                            prompt.text(),
                            prompt.template(),
                            prompt.parameters(),
                            prompt.images(),
                            json),
                    session,
                    model,
                    context,
                    tags,
                    traceContext);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot rewrite the metadata of prompt " + eventId, e);
        }
    }
}
