package dev.memorygraph.operators.validate;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.model.TopicMapping;
import java.time.Clock;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Pipeline fragment for stage 1: raw records in, valid events and dead letters out. */
public final class ValidationStage {

    public static final String UID = "validate";

    private ValidationStage() {}

    /** The two outputs of validation. */
    public record Output(DataStream<InboundEvent> valid, DataStream<DeadLetter> deadLetters) {}

    public static Output apply(
            DataStream<RawEvent> raw, TopicMapping topics, ValidationOptions options) {
        return apply(raw, topics, options, Clock.systemUTC());
    }

    public static Output apply(
            DataStream<RawEvent> raw, TopicMapping topics, ValidationOptions options, Clock clock) {
        SingleOutputStreamOperator<InboundEvent> valid =
                raw.process(new ValidateFunction(topics, options, clock))
                        .uid(UID)
                        .name("Validate events (stage 1)");
        return new Output(valid, valid.getSideOutput(ValidateFunction.DEAD_LETTERS));
    }
}
