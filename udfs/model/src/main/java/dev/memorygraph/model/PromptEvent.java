package dev.memorygraph.model;

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
        TraceContext traceContext) {}
