package dev.memorygraph.sinks.pinecone;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.PiiReport;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.TextFeatures;
import io.pinecone.proto.Vector;
import java.io.Serializable;

/**
 * Prompts as Pinecone vectors: id = the prompt's event id, namespace = its tenant (or {@code
 * pinecone.namespace.default}), values = its embedding, and metadata to filter on, never text:
 *
 * <ul>
 *   <li>{@code tenant_id}, {@code user_id}, {@code session_id}, {@code application_id}, {@code
 *       model_id}, {@code model_provider}, {@code language}, {@code template_id} (strings, each
 *       only when known);
 *   <li>{@code created_at} (epoch seconds, a number, so ranges filter) and {@code created_at_iso};
 *   <li>{@code has_pii} (boolean) and {@code pii_types} (list of type names), when the PII stage
 *       ran.
 * </ul>
 *
 * Every string is cut to {@value #MAX_STRING_CHARS} characters, so the metadata stays far below
 * Pinecone's 40 KB per vector whatever an upstream puts in an id.
 */
public final class EventVectors implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int MAX_STRING_CHARS = 512;
    private static final int MAX_PII_TYPES = 32;

    private final String defaultNamespace;
    private final int dimension;

    public EventVectors(String defaultNamespace, int dimension) {
        if (defaultNamespace == null || defaultNamespace.isBlank()) {
            throw new IllegalArgumentException(
                    PineconeOptions.DEFAULT_NAMESPACE.key() + " must name a namespace");
        }
        this.defaultNamespace = defaultNamespace;
        this.dimension = dimension;
    }

    public int dimension() {
        return dimension;
    }

    /**
     * The vector of a prompt, or {@code null} for responses, sessions and prompts without an
     * embedding. An embedding of the wrong length is kept: Pinecone refuses it and the sink
     * dead-letters it with the reason, which is louder than dropping it here.
     */
    public VectorRecord toRecord(EnrichedEvent enriched, float[] embedding) {
        InboundEvent event = enriched.event();
        if (event.type() != EventType.PROMPT || embedding == null || embedding.length == 0) {
            return null;
        }
        Struct.Builder metadata = Struct.newBuilder();
        put(metadata, "tenant_id", event.tenantId());
        put(metadata, "user_id", event.userId());
        put(metadata, "session_id", event.sessionId());
        PromptEvent prompt = event.prompt();
        if (prompt.session() != null) {
            put(metadata, "application_id", prompt.session().applicationId());
        }
        if (prompt.model() != null) {
            put(metadata, "model_id", prompt.model().id());
            put(metadata, "model_provider", prompt.model().provider());
        }
        metadata.putFields(
                "created_at",
                Value.newBuilder().setNumberValue(event.eventTime().getEpochSecond()).build());
        put(metadata, "created_at_iso", event.eventTime().toString());
        TextFeatures text = enriched.text();
        if (text != null) {
            put(metadata, "language", text.language());
            put(metadata, "template_id", text.templateId());
        }
        PiiReport pii = enriched.pii();
        if (pii != null) {
            metadata.putFields("has_pii", Value.newBuilder().setBoolValue(pii.found()).build());
            if (pii.found()) {
                ListValue.Builder types = ListValue.newBuilder();
                pii.types().stream()
                        .limit(MAX_PII_TYPES)
                        .forEach(type -> types.addValues(string(type)));
                metadata.putFields("pii_types", Value.newBuilder().setListValue(types).build());
            }
        }
        Vector.Builder vector = Vector.newBuilder().setId(event.eventId()).setMetadata(metadata);
        for (float value : embedding) {
            vector.addValues(value);
        }
        String tenant = event.tenantId();
        return VectorRecord.of(tenant == null ? defaultNamespace : cut(tenant), vector.build());
    }

    private static void put(Struct.Builder metadata, String field, String value) {
        if (value != null && !value.isEmpty()) {
            metadata.putFields(field, string(value));
        }
    }

    private static Value string(String value) {
        return Value.newBuilder().setStringValue(cut(value)).build();
    }

    private static String cut(String value) {
        return value.length() <= MAX_STRING_CHARS ? value : value.substring(0, MAX_STRING_CHARS);
    }
}
