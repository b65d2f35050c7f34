package dev.memorygraph.sinks.neo4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.graph.GraphMutation;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A graph mutation as JSON (the value of its dead letter), and its size for buffering. */
public final class GraphMutationJson {

    private GraphMutationJson() {}

    public static byte[] toJson(GraphMutation m) {
        ObjectNode json = EventJson.mapper().createObjectNode();
        json.put("kind", m.kind().name());
        if (m.kind() == GraphMutation.Kind.NODE) {
            json.put("label", m.label().cypherName());
            json.put("id", m.id());
        } else {
            json.put("type", m.type().cypherName());
            json.put("fromLabel", m.type().from().cypherName());
            json.put("from", m.fromId());
            json.put("toLabel", m.type().to().cypherName());
            json.put("to", m.toId());
        }
        json.put("sourceEventId", m.sourceEventId());
        ObjectNode properties = json.putObject("properties");
        m.properties()
                .forEach(
                        (name, value) -> {
                            if (value instanceof Instant t) {
                                properties.put(name, t.toString());
                            } else {
                                properties.set(name, EventJson.mapper().valueToTree(value));
                            }
                        });
        try {
            return EventJson.mapper().writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cheap upper-bound estimate of the mutation's size on the wire, in bytes. */
    public static long estimateSize(GraphMutation m) {
        long size = 64 + length(m.id()) + length(m.fromId()) + length(m.toId());
        for (Map.Entry<String, Object> property : m.properties().entrySet()) {
            size += 8 + property.getKey().length();
            Object value = property.getValue();
            if (value instanceof String s) {
                size += 3L * s.length();
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    size += 8 + 3L * ((String) item).length();
                }
            } else {
                size += 16;
            }
        }
        return size;
    }

    private static long length(String s) {
        return s == null ? 0 : 3L * s.length();
    }
}
