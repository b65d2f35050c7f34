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
        TraceContext traceContext) {

    /** Returns a copy whose response text is replaced; a response without a body is unchanged. */
    public ResponseEvent withText(String newText) {
        if (response == null) {
            return this;
        }
        return new ResponseEvent(
                eventId,
                timestamp,
                promptEventId,
                response.withText(newText),
                usage,
                metrics,
                error,
                tags,
                traceContext);
    }
}
