package dev.memorygraph.model;

import java.time.Instant;
import java.util.List;

/** An LLM response to a prompt, as published on {@code llm.responses.v1} (spec §1.1). */
public record ResponseEvent(
        String eventId,
        Instant timestamp,
        String promptEventId,
        ResponseBody response,
        Usage usage,
        ResponseMetrics metrics,
        ResponseError error,
        List<String> tags,
        TraceContext traceContext) {}
