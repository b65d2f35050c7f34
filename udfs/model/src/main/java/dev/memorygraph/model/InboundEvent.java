package dev.memorygraph.model;

import java.time.Instant;

/**
 * A validated inbound event of any of the three types: exactly one of {@code prompt}, {@code
 * response} and {@code session} is set, as {@code type} says.
 *
 * <p>One closed type for the three lets a single stream be deduplicated, enriched and written to
 * the event lake without Kryo.
 */
public record InboundEvent(
        EventType type,
        String eventId,
        Instant eventTime,
        PromptEvent prompt,
        ResponseEvent response,
        SessionEvent session,
        EventOrigin origin) {

    public static InboundEvent of(PromptEvent prompt, EventOrigin origin) {
        return new InboundEvent(
                EventType.PROMPT, prompt.eventId(), prompt.timestamp(), prompt, null, null, origin);
    }

    public static InboundEvent of(ResponseEvent response, EventOrigin origin) {
        return new InboundEvent(
                EventType.RESPONSE,
                response.eventId(),
                response.timestamp(),
                null,
                response,
                null,
                origin);
    }

    public static InboundEvent of(SessionEvent session, EventOrigin origin) {
        return new InboundEvent(
                EventType.SESSION,
                session.eventId(),
                session.timestamp(),
                null,
                null,
                session,
                origin);
    }

    /** The prompt or response text; {@code null} for sessions and for responses without text. */
    public String text() {
        return switch (type) {
            case PROMPT -> prompt.prompt().text();
            case RESPONSE -> response.response() == null ? null : response.response().text();
            case SESSION -> null;
        };
    }

    /** The session id the event belongs to. */
    public String sessionId() {
        return switch (type) {
            case PROMPT -> prompt.session().id();
            case RESPONSE -> null;
            case SESSION -> session.sessionId();
        };
    }

    /** The user id, where the event carries one. */
    public String userId() {
        return switch (type) {
            case PROMPT -> prompt.session().userId();
            case RESPONSE -> null;
            case SESSION -> session.userId();
        };
    }

    /** The tenant, where the event names one (responses never do). */
    public String tenantId() {
        return switch (type) {
            case PROMPT -> prompt.tenantId();
            case RESPONSE -> null;
            case SESSION -> session.tenantId();
        };
    }

    /** Never prints event content. */
    @Override
    public String toString() {
        return "InboundEvent{" + type + " " + eventId + " @" + eventTime + "}";
    }
}
