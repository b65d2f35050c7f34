package dev.memorygraph.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
}
