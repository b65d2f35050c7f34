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
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            case SESSION ->
                    InboundEvent.of(
                            mapper.treeToValue(canonicalSession(tree), SessionEvent.class), origin);
        };
    }

    /**
     * A session event in the flat shape our schema checks. The upstream sends session events in the
     * shape prompts carry their session ({@code "session": {"id", "userId", "applicationId",
     * "purpose"}} plus a top-level {@code tenantId}); that nested shape is the canonical one, and
     * the flat one ({@code sessionId}, {@code userId}, ... at the top) is accepted too. A field set
     * at the top level wins over the same field inside {@code session}. Any other tree is returned
     * as it is.
     */
    public static JsonNode canonicalSession(JsonNode tree) {
        if (!(tree instanceof ObjectNode object)
                || !(object.get("session") instanceof ObjectNode)) {
            return tree;
        }
        ObjectNode session = (ObjectNode) object.get("session");
        ObjectNode flat = object.deepCopy();
        flat.remove("session");
        copyIfAbsent(session, "id", flat, "sessionId");
        copyIfAbsent(session, "userId", flat, "userId");
        copyIfAbsent(session, "applicationId", flat, "applicationId");
        copyIfAbsent(session, "purpose", flat, "purpose");
        copyIfAbsent(session, "tenantId", flat, "tenantId");
        return flat;
    }

    private static void copyIfAbsent(ObjectNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.get(field);
        if (value != null && !to.has(as)) {
            to.set(as, value);
        }
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
