package dev.memorygraph.operators.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.testing.TestEvents;
import java.time.Instant;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The text stage's function in an operator harness. */
class TextStageTest {

    static final Instant T = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void addsTextFeaturesAndKeepsTheEventAndItsTimestamp() throws Exception {
        try (var harness =
                new OneInputStreamOperatorTestHarness<InboundEvent, EnrichedEvent>(
                        new StreamMap<>(
                                new TextStage.TextEnrichFunction(TextOptions.defaults())))) {
            harness.open();
            InboundEvent prompt = TestEvents.prompt("p", T, "Explain  how a hash map works.");
            InboundEvent session = TestEvents.session("s", T, "session-1");

            harness.processElement(new StreamRecord<>(prompt, 42L));
            harness.processElement(new StreamRecord<>(session, 43L));

            var out = harness.extractOutputStreamRecords();
            assertThat(out).hasSize(2);
            EnrichedEvent first = (EnrichedEvent) out.get(0).getValue();
            assertThat(first.event()).isEqualTo(prompt);
            assertThat(first.text().language()).isEqualTo("en");
            assertThat(first.text().normalizedLength()).isEqualTo(29);
            assertThat(out.get(0).getTimestamp()).isEqualTo(42L);
            assertThat(((EnrichedEvent) out.get(1).getValue()).text()).isNull();
        }
    }
}
