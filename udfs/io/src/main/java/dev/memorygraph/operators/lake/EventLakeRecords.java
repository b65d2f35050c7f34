package dev.memorygraph.operators.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.memorygraph.model.Cost;
import dev.memorygraph.model.Embedding;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.EventOrigin;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.ModelInfo;
import dev.memorygraph.model.PiiReport;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.model.TextFeatures;
import dev.memorygraph.model.UserInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Maps enriched events to and from the lake's Avro schema ({@code lake/event-lake.avsc}, written as
 * Parquet). Reading back rebuilds the full event from {@code payload_json} and the text features
 * from their columns, so bounded jobs get what the streaming job had.
 */
public final class EventLakeRecords {

    public static final String SCHEMA_RESOURCE = "lake/event-lake.avsc";
    private static volatile Schema schema;

    private EventLakeRecords() {}

    public static Schema schema() {
        Schema s = schema;
        if (s == null) {
            try (InputStream in =
                    EventLakeRecords.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(SCHEMA_RESOURCE + " not on the classpath");
                }
                s = new Schema.Parser().parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            schema = s;
        }
        return s;
    }

    public static GenericRecord toRecord(EnrichedEvent enriched) {
        InboundEvent e = enriched.event();
        GenericData.Record r = new GenericData.Record(schema());
        r.put("event_type", e.type().name());
        r.put("event_id", e.eventId());
        r.put("event_time", e.eventTime().toEpochMilli());
        r.put("session_id", e.sessionId());
        r.put("user_id", e.userId());
        switch (e.type()) {
            case PROMPT -> {
                r.put("application_id", e.prompt().session().applicationId());
                r.put("model_id", e.prompt().model() == null ? null : e.prompt().model().id());
                r.put("tenant_id", e.prompt().tenantId());
            }
            case RESPONSE -> r.put("prompt_event_id", e.response().promptEventId());
            case SESSION -> {
                r.put("tenant_id", e.session().tenantId());
                r.put("application_id", e.session().applicationId());
            }
        }
        r.put("text", e.text());
        metadata(r, enriched);
        TextFeatures t = enriched.text();
        if (t != null) {
            r.put("text_hash", t.textHash());
            r.put("normalized_length", t.normalizedLength());
            r.put("language", t.language());
            r.put("language_confidence", t.languageConfidence());
            r.put("token_count", t.tokenCount());
            r.put("token_encoding", t.tokenEncoding());
            r.put("token_method", t.tokenMethod());
            r.put("template_id", t.templateId());
            r.put("template", t.template());
            r.put("template_source", t.templateSource());
            r.put("template_variables", t.templateVariables());
            r.put("template_rendered", t.templateRendered());
        }
        PiiReport pii = enriched.pii();
        if (pii != null) {
            r.put("pii_policy", pii.policy());
            r.put("pii_types", pii.types());
            r.put("pii_counts", pii.counts());
            r.put("text_secret_id", pii.textSecretId());
        }
        Embedding embedding = enriched.embedding();
        if (embedding != null) {
            r.put("embedding_model", embedding.model());
            List<Float> vector = new ArrayList<>(embedding.dimension());
            for (float value : embedding.vector()) {
                vector.add(value);
            }
            r.put("embedding", vector);
        }
        r.put("payload_json", EventJson.payloadJson(e));
        EventOrigin o = e.origin();
        r.put("source_topic", o.topic());
        r.put("source_partition", o.partition());
        r.put("source_offset", o.offset());
        r.put("kafka_timestamp", o.kafkaTimestamp());
        r.put("schema_version", o.schemaVersion());
        r.put("producer_source", o.source());
        r.put("ingested_at", o.ingestedAt().toEpochMilli());
        return r;
    }

    public static EnrichedEvent fromRecord(GenericRecord r) {
        EventType type = EventType.valueOf(string(r, "event_type"));
        EventOrigin origin =
                new EventOrigin(
                        string(r, "source_topic"),
                        (Integer) r.get("source_partition"),
                        (Long) r.get("source_offset"),
                        (Long) r.get("kafka_timestamp"),
                        string(r, "schema_version"),
                        string(r, "producer_source"),
                        Instant.ofEpochMilli((Long) r.get("ingested_at")));
        InboundEvent event;
        try {
            event = EventJson.fromPayloadJson(type, string(r, "payload_json"), origin);
        } catch (JsonProcessingException e) {
            // The lake only holds what the pipeline validated: a failure here is corruption.
            throw new IllegalStateException(
                    "Unreadable payload_json for event " + string(r, "event_id"), e);
        }
        TextFeatures text = null;
        if (r.get("text_hash") != null) {
            text =
                    new TextFeatures(
                            string(r, "text_hash"),
                            (Integer) r.get("normalized_length"),
                            string(r, "language"),
                            (Double) r.get("language_confidence"),
                            (Integer) r.get("token_count"),
                            string(r, "token_encoding"),
                            string(r, "token_method"),
                            string(r, "template_id"),
                            string(r, "template"),
                            string(r, "template_source"),
                            strings(r.get("template_variables")),
                            (Boolean) r.get("template_rendered"));
        }
        PiiReport pii = null;
        if (r.get("pii_policy") != null) {
            List<Integer> counts = new ArrayList<>();
            Object raw = r.get("pii_counts");
            if (raw instanceof Collection<?> values) {
                values.forEach(v -> counts.add((Integer) v));
            }
            pii =
                    new PiiReport(
                            string(r, "pii_policy"),
                            strings(r.get("pii_types")),
                            counts,
                            string(r, "text_secret_id"));
        }
        Embedding embedding = null;
        if (r.getSchema().getField("embedding") != null && r.get("embedding") != null) {
            Collection<?> values = (Collection<?>) r.get("embedding");
            float[] vector = new float[values.size()];
            int i = 0;
            for (Object value : values) {
                vector[i++] = ((Number) value).floatValue();
            }
            embedding = new Embedding(string(r, "embedding_model"), vector);
        }
        return new EnrichedEvent(event, text, pii, embedding, metadata(r, event));
    }

    /** Stage 6's columns; for responses also the session, user, tenant and model of the join. */
    private static void metadata(GenericData.Record r, EnrichedEvent enriched) {
        InboundEvent e = enriched.event();
        if (e.type() == EventType.PROMPT && e.prompt().model() != null) {
            r.put("model_provider", e.prompt().model().provider());
        }
        Metadata m = enriched.metadata();
        if (m == null) {
            return;
        }
        PromptLink link = m.prompt();
        if (link != null) {
            r.put("session_id", link.sessionId());
            r.put("user_id", link.userId());
            r.put("tenant_id", link.tenantId());
            r.put("model_id", link.modelId());
            r.put("model_provider", link.provider());
            r.put(
                    "prompt_time",
                    link.promptTime() == null ? null : link.promptTime().toEpochMilli());
            r.put("prompt_tokens_counted", link.promptTokens());
        }
        r.put("join_status", m.join());
        ModelInfo model = m.model();
        if (model != null) {
            r.put("model_family", model.family());
            r.put("model_version", model.version());
            r.put("model_deprecated", model.deprecated());
            r.put("model_source", model.source());
        }
        Cost cost = m.cost();
        if (cost != null) {
            r.put("cost_usd", cost.usd());
            r.put("cost_status", cost.status());
            r.put("cost_token_source", cost.tokenSource());
            r.put("cost_price_source", cost.priceSource());
            r.put(
                    "cost_price_effective_from",
                    cost.priceEffectiveFrom() == null
                            ? null
                            : cost.priceEffectiveFrom().toEpochMilli());
            r.put("cost_input_tokens", cost.inputTokens());
            r.put("cost_output_tokens", cost.outputTokens());
            r.put("cost_cached_input_tokens", cost.cachedInputTokens());
            r.put("cost_reasoning_tokens", cost.reasoningTokens());
        }
        UserInfo user = m.user();
        if (user != null) {
            r.put("user_org_id", user.orgId());
            r.put("user_attributes", user.attributesJson());
            r.put("user_source", user.source());
        }
        r.put("enrichment_missing", m.missing().isEmpty() ? null : m.missing());
    }

    /**
     * Stage 6's part of a row; {@code null} for rows written before 0.3 or without it. The model is
     * rebuilt as far as the lake keeps it (family, version, deprecation, source).
     */
    private static Metadata metadata(GenericRecord r, InboundEvent event) {
        if (r.getSchema().getField("join_status") == null) {
            return null;
        }
        String join = string(r, "join_status");
        String costStatus = string(r, "cost_status");
        String modelSource = string(r, "model_source");
        List<String> missing = strings(r.get("enrichment_missing"));
        if (join == null
                && costStatus == null
                && modelSource == null
                && missing == null
                && r.get("user_source") == null) {
            return null;
        }
        PromptLink link = null;
        if (event.type() == EventType.RESPONSE && Metadata.JOINED.equals(join)
                || Metadata.COMPLETED.equals(join)) {
            link =
                    new PromptLink(
                            event.response().promptEventId(),
                            instant(r.get("prompt_time")),
                            string(r, "session_id"),
                            string(r, "user_id"),
                            string(r, "tenant_id"),
                            string(r, "model_id"),
                            string(r, "model_provider"),
                            (Integer) r.get("prompt_tokens_counted"));
        }
        ModelInfo model = null;
        if (modelSource != null) {
            Boolean deprecated = (Boolean) r.get("model_deprecated");
            model =
                    new ModelInfo(
                            string(r, "model_id"),
                            string(r, "model_provider"),
                            string(r, "model_family"),
                            string(r, "model_version"),
                            null,
                            null,
                            List.of(),
                            null,
                            null,
                            deprecated != null && deprecated,
                            modelSource);
        }
        Cost cost = null;
        if (costStatus != null) {
            cost =
                    new Cost(
                            (Double) r.get("cost_usd"),
                            costStatus,
                            string(r, "cost_token_source"),
                            string(r, "cost_price_source"),
                            instant(r.get("cost_price_effective_from")),
                            longOrZero(r.get("cost_input_tokens")),
                            longOrZero(r.get("cost_output_tokens")),
                            longOrZero(r.get("cost_cached_input_tokens")),
                            longOrZero(r.get("cost_reasoning_tokens")));
        }
        return new Metadata(link, join, model, cost, user(r), missing);
    }

    private static UserInfo user(GenericRecord r) {
        String source = string(r, "user_source");
        if (source == null) {
            return null;
        }
        return new UserInfo(
                string(r, "user_id"),
                string(r, "tenant_id"),
                string(r, "user_org_id"),
                string(r, "user_attributes"),
                source);
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli((Long) millis);
    }

    private static long longOrZero(Object value) {
        return value == null ? 0L : (Long) value;
    }

    private static String string(GenericRecord r, String field) {
        Object value = r.get(field);
        return value == null ? null : value.toString(); // Avro may hand back Utf8
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Iterable<?>) value) {
            out.add(o.toString());
        }
        return List.copyOf(out);
    }
}
