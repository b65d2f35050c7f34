package dev.memorygraph.operators.text;

import static dev.memorygraph.core.metrics.MetricNames.ENRICHMENT_DURATION_SECONDS;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STAGE;

import dev.memorygraph.core.metrics.DurationHistogram;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Pipeline fragment for stage 3: adds {@link dev.memorygraph.model.TextFeatures} to each event. */
public final class TextStage {

    public static final String UID = "text";
    public static final String STAGE = "text";

    private TextStage() {}

    public static DataStream<EnrichedEvent> apply(
            DataStream<InboundEvent> events, TextOptions options) {
        return events.map(new TextEnrichFunction(options)).uid(UID).name("Text features (stage 3)");
    }

    /** Runs {@link TextEnricher}, timing it in {@code enrichment_duration_seconds{stage=text}}. */
    public static class TextEnrichFunction extends RichMapFunction<InboundEvent, EnrichedEvent> {

        private static final long serialVersionUID = 1L;

        private final TextOptions options;
        private transient TextEnricher enricher;

        public TextEnrichFunction(TextOptions options) {
            this.options = options;
        }

        private transient DurationHistogram duration;

        @Override
        public void open(OpenContext openContext) {
            enricher = new TextEnricher(options);
            enricher.registerMetrics(getRuntimeContext().getMetricGroup());
            duration =
                    getRuntimeContext()
                            .getMetricGroup()
                            .addGroup(LABEL_STAGE, STAGE)
                            .histogram(ENRICHMENT_DURATION_SECONDS, new DurationHistogram(1024));
        }

        @Override
        public EnrichedEvent map(InboundEvent event) {
            long start = System.nanoTime();
            EnrichedEvent enriched = new EnrichedEvent(event, enricher.enrich(event));
            duration.recordSince(start);
            return enriched;
        }
    }
}
