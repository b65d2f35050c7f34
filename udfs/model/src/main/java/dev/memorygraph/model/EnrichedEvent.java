package dev.memorygraph.model;

/**
 * An inbound event with what enrichment added; {@code text} is {@code null} for sessions and for
 * responses without text, {@code embedding} for events the embedding stage did not embed (or could
 * not), {@code metadata} for events before stage 6 (metadata lookup). Later stages add their
 * results here.
 */
public record EnrichedEvent(
        InboundEvent event,
        TextFeatures text,
        PiiReport pii,
        Embedding embedding,
        Metadata metadata) {

    /** An event before the metadata stage. */
    public EnrichedEvent(
            InboundEvent event, TextFeatures text, PiiReport pii, Embedding embedding) {
        this(event, text, pii, embedding, null);
    }

    /** An event before the embedding stage. */
    public EnrichedEvent(InboundEvent event, TextFeatures text, PiiReport pii) {
        this(event, text, pii, null, null);
    }

    /** An event before the PII stage. */
    public EnrichedEvent(InboundEvent event, TextFeatures text) {
        this(event, text, null, null, null);
    }

    public String eventId() {
        return event.eventId();
    }

    /**
     * The event's tenant: its own for prompts and sessions, its prompt's for a response the join
     * linked; {@code null} when there is none.
     */
    public String tenantId() {
        String own = event.tenantId();
        if (own == null && metadata != null && metadata.prompt() != null) {
            return metadata.prompt().tenantId();
        }
        return own;
    }

    /** The id of the event's model: a prompt's own, a linked response's prompt's. */
    public String modelId() {
        if (event.type() == EventType.PROMPT) {
            return event.prompt().model() == null ? null : event.prompt().model().id();
        }
        if (metadata != null && metadata.prompt() != null) {
            return metadata.prompt().modelId();
        }
        return null;
    }

    /** This event with {@code embedding}. */
    public EnrichedEvent withEmbedding(Embedding embedding) {
        return new EnrichedEvent(event, text, pii, embedding, metadata);
    }

    /** This event with {@code metadata}; metadata that says nothing is stored as {@code null}. */
    public EnrichedEvent withMetadata(Metadata metadata) {
        return new EnrichedEvent(
                event,
                text,
                pii,
                embedding,
                metadata == null || metadata.isEmpty() ? null : metadata);
    }

    /** This event's metadata, {@link Metadata#NONE} before stage 6. */
    public Metadata metadataOrNone() {
        return metadata == null ? Metadata.NONE : metadata;
    }

    /** Never prints event content. */
    @Override
    public String toString() {
        return "EnrichedEvent{" + event + "}";
    }
}
