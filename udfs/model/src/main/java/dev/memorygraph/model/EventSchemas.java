package dev.memorygraph.model;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The draft-07 JSON Schemas of the three inbound event types, loaded once per JVM from {@code
 * schemas/*.schema.json} on the classpath.
 */
public final class EventSchemas {

    private static volatile Map<EventType, Schema> schemas;

    private EventSchemas() {}

    /** The classpath resource holding the schema of {@code type}. */
    public static String resource(EventType type) {
        return switch (type) {
            case PROMPT -> "schemas/prompt-event.schema.json";
            case RESPONSE -> "schemas/response-event.schema.json";
            case SESSION -> "schemas/session-event.schema.json";
        };
    }

    /** The compiled schema of {@code type}; compiled schemas are immutable and thread-safe. */
    public static Schema schema(EventType type) {
        Map<EventType, Schema> loaded = schemas;
        if (loaded == null) {
            synchronized (EventSchemas.class) {
                loaded = schemas;
                if (loaded == null) {
                    loaded = load();
                    schemas = loaded;
                }
            }
        }
        return loaded.get(type);
    }

    private static Map<EventType, Schema> load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Map<EventType, Schema> result = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in =
                    EventSchemas.class.getClassLoader().getResourceAsStream(resource(type))) {
                if (in == null) {
                    throw new IllegalStateException("Schema resource missing: " + resource(type));
                }
                result.put(type, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource(type), e);
            }
        }
        return result;
    }
}
