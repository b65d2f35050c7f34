package dev.memorygraph.sinks.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.testing.TestEvents;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventPointsTest {

    static final Instant T = Instant.parse("2026-11-26T08:00:00.123Z");
    private final EventPoints points = new EventPoints();

    @Test
    void theSameEventAlwaysHasTheSameTimestampAndDistinctEventsDoNot() {
        Set<Long> stamps = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            long stamp = EventPoints.timestamp("event-" + i, T);
            assertThat(stamp / 1_000_000L).isEqualTo(T.toEpochMilli());
            stamps.add(stamp);
        }
        assertThat(stamps).hasSizeGreaterThan(9_900);
        assertThat(EventPoints.timestamp("event-7", T))
                .isEqualTo(EventPoints.timestamp("event-7", T));
    }

    @Test
    void aPointHoldsIdsAndNumbersNeverText() {
        LinePoint prompt =
                points.toPoint(
                        new EnrichedEvent(
                                TestEvents.prompt("p1", T, "my SSN is 078-05-1120"), null, null));
        LinePoint response =
                points.toPoint(
                        new EnrichedEvent(
                                TestEvents.response("r1", T, "p1", "call me at +1 202 555 0143"),
                                null,
                                null));

        assertThat(prompt.line()).startsWith("llm_prompts,").doesNotContain("078-05-1120");
        assertThat(response.line())
                .startsWith("llm_responses,")
                .contains("status=ok")
                .contains("total_tokens=15i")
                .doesNotContain("202 555");
        assertThat(points.toPoint(new EnrichedEvent(TestEvents.session("s", T, "s1"), null, null)))
                .isNull();
    }
}
