package dev.memorygraph.model;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * A session lifecycle event on {@code llm.sessions.v1}; our own schema ({@code
 * schemas/session-event.schema.json}) since the spec names the topic but not its payload.
 *
 * <p>{@code status} is {@code started}, {@code updated} or {@code ended}; {@code metadata} is kept
 * as compact JSON text.
 */
public record SessionEvent(
        String eventId,
        Instant timestamp,
        String sessionId,
        String userId,
        String tenantId,
        String applicationId,
        String purpose,
        String status,
        Instant startedAt,
        Instant endedAt,
        @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class) String metadata) {}
