package dev.memorygraph.operators.pii;

import dev.memorygraph.core.metrics.DeadLetterCounter;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.EnrichedEvent;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Stage 4 as a pipeline fragment: enriched events in; events as the tenant's policy allows them,
 * and dead letters, out. Everything after this stage sees only the policy's version of the text.
 */
public final class PiiStage {

    public static final String UID = "pii";
    public static final String SPLIT_UID = "pii-split";

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("pii-dead-letters") {};

    private PiiStage() {}

    /** The stage's two outputs. */
    public record Output(DataStream<EnrichedEvent> events, DataStream<DeadLetter> deadLetters) {}

    public static Output apply(DataStream<EnrichedEvent> enriched, PiiOptions options) {
        DataStream<PiiResult> results =
                AsyncDataStream.unorderedWait(
                                enriched,
                                new PiiFunction(options),
                                options.asyncTimeout().toMillis(),
                                TimeUnit.MILLISECONDS,
                                options.asyncCapacity())
                        .uid(UID)
                        .name("PII detection and policy (stage 4)");
        SingleOutputStreamOperator<EnrichedEvent> events =
                results.process(new Split()).uid(SPLIT_UID).name("PII outcome");
        return new Output(events, events.getSideOutput(DEAD_LETTERS));
    }

    /** Routes dead letters to their side output and counts them as every stage does. */
    static final class Split extends ProcessFunction<PiiResult, EnrichedEvent> {
        private static final long serialVersionUID = 1L;

        private transient DeadLetterCounter deadLetters;

        @Override
        public void open(OpenContext openContext) {
            deadLetters =
                    new DeadLetterCounter(getRuntimeContext().getMetricGroup(), PiiFunction.STAGE);
        }

        @Override
        public void processElement(PiiResult result, Context ctx, Collector<EnrichedEvent> out) {
            if (result.deadLetter() != null) {
                deadLetters.inc(result.deadLetter().reason());
                ctx.output(DEAD_LETTERS, result.deadLetter());
            } else {
                out.collect(result.event());
            }
        }
    }
}
