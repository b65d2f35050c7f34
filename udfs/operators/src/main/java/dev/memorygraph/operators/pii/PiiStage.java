package dev.memorygraph.operators.pii;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.EnrichedEvent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
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

    public static Output apply(DataStream<EnrichedEvent> enriched, Configuration config) {
        // An event makes at most two calls in sequence: Presidio, then the vault.
        Duration needed = PiiOptions.worstCaseCall(config).multipliedBy(2);
        if (config.get(PiiOptions.ASYNC_TIMEOUT).compareTo(needed) <= 0) {
            throw new IllegalArgumentException(
                    "pii.async.timeout must exceed "
                            + needed
                            + " (two HTTP calls with all their retries), or retries are cut off");
        }
        DataStream<PiiResult> results =
                AsyncDataStream.unorderedWait(
                                enriched,
                                new PiiFunction(config),
                                config.get(PiiOptions.ASYNC_TIMEOUT).toMillis(),
                                TimeUnit.MILLISECONDS,
                                config.get(PiiOptions.ASYNC_CAPACITY))
                        .uid(UID)
                        .name("PII detection and policy (stage 4)");
        SingleOutputStreamOperator<EnrichedEvent> events =
                results.process(new Split()).uid(SPLIT_UID).name("PII outcome");
        return new Output(events, events.getSideOutput(DEAD_LETTERS));
    }

    static final class Split extends ProcessFunction<PiiResult, EnrichedEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(PiiResult result, Context ctx, Collector<EnrichedEvent> out) {
            if (result.deadLetter() != null) {
                ctx.output(DEAD_LETTERS, result.deadLetter());
            } else {
                out.collect(result.event());
            }
        }
    }
}
