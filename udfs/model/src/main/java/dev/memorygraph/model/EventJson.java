package dev.memorygraph.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of the event types: how they are read from Kafka payloads and written back
 * (event lake payload column, test producers).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = newMapper(StreamReadConstraints.defaults());

    private EventJson() {}

    /**
     * A mapper whose parser enforces {@code constraints}; validation builds one with the configured
     * nesting depth and string length.
     */
    public static ObjectMapper newMapper(StreamReadConstraints constraints) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Binds an already schema-checked tree to the event type {@code type}. */
    public static InboundEvent bind(
            ObjectMapper mapper, JsonNode tree, EventType type, EventOrigin origin)
            throws JsonProcessingException {
        return switch (type) {
            case PROMPT -> InboundEvent.of(mapper.treeToValue(tree, PromptEvent.class), origin);
            case RESPONSE -> InboundEvent.of(mapper.treeToValue(tree, ResponseEvent.class), origin);
            case SESSION -> InboundEvent.of(mapper.treeToValue(tree, SessionEvent.class), origin);
        };
    }

    /** The event's own JSON (the payload as the producer would send it), without the origin. */
    public static String payloadJson(InboundEvent event) {
        Object payload =
                switch (event.type()) {
                    case PROMPT -> event.prompt();
                    case RESPONSE -> event.response();
                    case SESSION -> event.session();
                };
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            // Only our own closed types are written; failing here is a programming error.
            throw new IllegalStateException("Cannot serialise " + event, e);
        }
    }

    /** Reads the payload written by {@link #payloadJson} back into an event. */
    public static InboundEvent fromPayloadJson(EventType type, String json, EventOrigin origin)
            throws JsonProcessingException {
        return bind(MAPPER, MAPPER.readTree(json), type, origin);
    }
}
