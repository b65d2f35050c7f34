package dev.memorygraph.operators.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.testing.InvalidRecords;
import dev.memorygraph.testing.TestRecord;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** {@link ValidateFunction} in an operator harness: outputs, side output and bytes kept. */
class ValidateFunctionTest {

    private static final InvalidRecords RECORDS =
            new InvalidRecords(
                    EventValidatorTest.TOPICS.promptsTopic(),
                    EventValidatorTest.TOPICS.responsesTopic(),
                    EventValidatorTest.TOPICS.sessionsTopic(),
                    EventValidatorTest.NOW);

    @Test
    void validRecordsContinueAndInvalidOnesLeaveThroughTheSideOutput() throws Exception {
        List<TestRecord> invalid = RECORDS.all();
        TestRecord valid = RECORDS.withUnknownFields();

        try (var harness = harness()) {
            harness.processElement(new StreamRecord<>(EventValidatorTest.raw(valid), 1L));
            for (TestRecord record : invalid) {
                harness.processElement(new StreamRecord<>(EventValidatorTest.raw(record), 1L));
            }

            assertThat(harness.extractOutputValues())
                    .extracting(InboundEvent::eventId)
                    .containsExactly(valid.eventId());
            List<DeadLetter> letters =
                    harness.getSideOutput(ValidateFunction.DEAD_LETTERS).stream()
                            .map(StreamRecord::getValue)
                            .toList();
            assertThat(letters).hasSize(invalid.size());
            assertThat(letters.stream().map(DeadLetter::reason).collect(Collectors.toList()))
                    .containsExactlyElementsOf(
                            invalid.stream().map(TestRecord::expectedReason).toList());
            for (int i = 0; i < invalid.size(); i++) {
                assertThat(letters.get(i).value()).isEqualTo(invalid.get(i).value());
                assertThat(letters.get(i).stage()).isEqualTo(ValidateFunction.STAGE);
                assertThat(letters.get(i).failedAt()).isEqualTo(EventValidatorTest.NOW);
            }
            assertThat(letters)
                    .extracting(DeadLetter::reason)
                    .contains(ReasonCode.RECORD_TOO_LARGE, ReasonCode.NESTING_TOO_DEEP);
        }
    }

    @Test
    void errorRateWindowAgesOutOldTraffic() {
        ErrorRateWindow window = new ErrorRateWindow(10_000);
        for (int i = 0; i < 98; i++) {
            window.record(false, 1_000);
        }
        window.record(true, 1_000);
        window.record(true, 1_000);

        assertThat(window.total(1_000)).isEqualTo(100);
        assertThat(window.rate(1_000)).isEqualTo(0.02);

        window.record(false, 12_500);
        assertThat(window.total(12_500)).isEqualTo(1);
        assertThat(window.rate(12_500)).isZero();
    }

    private static OneInputStreamOperatorTestHarness<RawEvent, InboundEvent> harness()
            throws Exception {
        var harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(
                                new ValidateFunction(
                                        EventValidatorTest.TOPICS,
                                        ValidationOptions.fromConfig(new Configuration()),
                                        Clock.fixed(EventValidatorTest.NOW, ZoneOffset.UTC))));
        harness.open();
        return harness;
    }
}
