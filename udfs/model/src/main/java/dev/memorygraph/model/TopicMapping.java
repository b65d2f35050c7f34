package dev.memorygraph.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** Which event type each source topic carries. */
public record TopicMapping(String promptsTopic, String responsesTopic, String sessionsTopic)
        implements Serializable {

    public TopicMapping {
        Objects.requireNonNull(promptsTopic, "promptsTopic");
        Objects.requireNonNull(responsesTopic, "responsesTopic");
        Objects.requireNonNull(sessionsTopic, "sessionsTopic");
        if (List.of(promptsTopic, responsesTopic, sessionsTopic).stream().distinct().count() != 3) {
            throw new IllegalArgumentException("The three source topics must be distinct");
        }
    }

    /** The event type of {@code topic}, or {@code null} for a topic not mapped. */
    public EventType typeOf(String topic) {
        if (promptsTopic.equals(topic)) {
            return EventType.PROMPT;
        }
        if (responsesTopic.equals(topic)) {
            return EventType.RESPONSE;
        }
        if (sessionsTopic.equals(topic)) {
            return EventType.SESSION;
        }
        return null;
    }

    public List<String> topics() {
        return List.of(promptsTopic, responsesTopic, sessionsTopic);
    }
}
