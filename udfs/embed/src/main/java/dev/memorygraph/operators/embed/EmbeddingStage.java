package dev.memorygraph.operators.embed;

import dev.memorygraph.core.hash.Sha256;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Stage 5, embeddings: prompts (and responses with {@code embedding.responses}) with text get a
 * vector of their text as the PII stage left it (redacted, or the vault marker, never the clear
 * text of a redacted or vaulted event), cut to {@code embedding.max-chars}; the rest passes
 * unchanged. Texts are keyed by model and text so {@link EmbeddingOperator}'s cache sees each text
 * in one place.
 */
public final class EmbeddingStage {

    public static final String ROUTE_UID = "embedding-route";
    public static final String UID = "embedding";

    private EmbeddingStage() {}

    public static DataStream<EnrichedEvent> apply(
            DataStream<EnrichedEvent> events, EmbeddingOptions options) {
        OutputTag<EnrichedEvent> other =
                new OutputTag<>("not-embedded", TypeInformation.of(EnrichedEvent.class));
        SingleOutputStreamOperator<EnrichedEvent> toEmbed =
                events.process(new Route(options, other))
                        .returns(TypeInformation.of(EnrichedEvent.class))
                        .uid(ROUTE_UID)
                        .name("Embedding route");
        DataStream<EnrichedEvent> embedded =
                toEmbed.keyBy(new TextKey(options.model(), options.maxChars()))
                        .transform(
                                "Embedding (" + options.model() + ")",
                                TypeInformation.of(EnrichedEvent.class),
                                new EmbeddingOperatorFactory(options))
                        .uid(UID);
        return embedded.union(toEmbed.getSideOutput(other));
    }

    /** Whether {@code event} is embedded under {@code options}. */
    static boolean embeds(EnrichedEvent event, EmbeddingOptions options) {
        EventType type = event.event().type();
        if (type != EventType.PROMPT && !(type == EventType.RESPONSE && options.responses())) {
            return false;
        }
        String text = event.event().text();
        return text != null && !text.isBlank();
    }

    /** The text embedded for {@code event}: as the PII stage left it, cut to {@code maxChars}. */
    static String textOf(EnrichedEvent event, int maxChars) {
        String text = event.event().text().strip();
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** The cache key: SHA-256 of the model and the embedded text. */
    static String key(String model, String text) {
        return Sha256.hex(model + '\u0000' + text);
    }

    private static final class TextKey implements KeySelector<EnrichedEvent, String> {
        private static final long serialVersionUID = 1L;

        private final String model;
        private final int maxChars;

        TextKey(String model, int maxChars) {
            this.model = model;
            this.maxChars = maxChars;
        }

        @Override
        public String getKey(EnrichedEvent event) {
            return key(model, textOf(event, maxChars));
        }
    }

    private static final class Route extends ProcessFunction<EnrichedEvent, EnrichedEvent> {
        private static final long serialVersionUID = 1L;

        private final EmbeddingOptions options;
        private final OutputTag<EnrichedEvent> other;

        Route(EmbeddingOptions options, OutputTag<EnrichedEvent> other) {
            this.options = options;
            this.other = other;
        }

        @Override
        public void processElement(
                EnrichedEvent event, Context context, Collector<EnrichedEvent> out) {
            if (embeds(event, options)) {
                out.collect(event);
            } else {
                context.output(other, event);
            }
        }
    }
}
