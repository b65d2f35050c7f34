package dev.memorygraph.model;

/**
 * An inbound event with what enrichment added; {@code text} is {@code null} for sessions and for
 * responses without text. Later stages add their results here.
 */
public record EnrichedEvent(InboundEvent event, TextFeatures text, PiiReport pii) {

    /** An event before the PII stage. */
    public EnrichedEvent(InboundEvent event, TextFeatures text) {
        this(event, text, null);
    }

    public String eventId() {
        return event.eventId();
    }

    /** Never prints event content. */
    @Override
    public String toString() {
        return "EnrichedEvent{" + event + "}";
    }
}
