package dev.memorygraph.model;

/**
 * An inbound event with what enrichment added; {@code text} is {@code null} for sessions and for
 * responses without text, {@code embedding} for events the embedding stage did not embed (or could
 * not). Later stages add their results here.
 */
public record EnrichedEvent(
        InboundEvent event, TextFeatures text, PiiReport pii, Embedding embedding) {

    /** An event before the embedding stage. */
    public EnrichedEvent(InboundEvent event, TextFeatures text, PiiReport pii) {
        this(event, text, pii, null);
    }

    /** An event before the PII stage. */
    public EnrichedEvent(InboundEvent event, TextFeatures text) {
        this(event, text, null, null);
    }

    public String eventId() {
        return event.eventId();
    }

    /** This event with {@code embedding}. */
    public EnrichedEvent withEmbedding(Embedding embedding) {
        return new EnrichedEvent(event, text, pii, embedding);
    }

    /** Never prints event content. */
    @Override
    public String toString() {
        return "EnrichedEvent{" + event + "}";
    }
}
