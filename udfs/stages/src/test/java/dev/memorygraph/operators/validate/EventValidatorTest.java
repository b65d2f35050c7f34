package dev.memorygraph.operators.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.EventType;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.TopicMapping;
import dev.memorygraph.testing.InvalidRecords;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    static final TopicMapping TOPICS =
            new TopicMapping("llm.prompts.v1", "llm.responses.v1", "llm.sessions.v1");

    private final EventValidator validator =
            new EventValidator(TOPICS, ValidationOptions.fromConfig(new Configuration()));

    static Stream<TestRecord> invalidRecords() {
        return new InvalidRecords(
                        TOPICS.promptsTopic(), TOPICS.responsesTopic(), TOPICS.sessionsTopic(), NOW)
                .all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecords")
    void rejectsEachInvalidKindWithItsReason(TestRecord record) {
        EventValidator.Result result = validator.validate(raw(record), NOW);

        assertThat(result.isValid()).isFalse();
        assertThat(result.rejection().reason()).isEqualTo(record.expectedReason());
        assertThat(result.rejection().message()).isNotBlank().hasSizeLessThan(600);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecords")
    void rejectionMessagesQuoteNoPayload(TestRecord record) {
        String message = validator.validate(raw(record), NOW).rejection().message();

        for (String planted :
                List.of("lorem", "hello", "stale", "future", "when?", "caf", "gaming", "SECRET")) {
            assertThat(message).doesNotContain(planted);
        }
    }

    @Test
    void acceptsGeneratedTrafficOfAllThreeTypes() {
        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults(
                                        TOPICS.promptsTopic(),
                                        TOPICS.responsesTopic(),
                                        TOPICS.sessionsTopic())
                                .withRatios(0, 0),
                        Clock.fixed(NOW, ZoneOffset.UTC));
        int[] byType = new int[EventType.values().length];
        for (TestRecord record : generator.take(500)) {
            EventValidator.Result result = validator.validate(raw(record), NOW);
            assertThat(result.rejection()).as(record.toString()).isNull();
            assertThat(result.event().eventId()).isEqualTo(record.eventId());
            byType[result.event().type().ordinal()]++;
        }
        assertThat(java.util.Arrays.stream(byType).min().orElse(0)).isGreaterThan(10);
    }

    @Test
    void ignoresUnknownFields() {
        TestRecord record =
                new InvalidRecords(
                                TOPICS.promptsTopic(),
                                TOPICS.responsesTopic(),
                                TOPICS.sessionsTopic(),
                                NOW)
                        .withUnknownFields();

        EventValidator.Result result = validator.validate(raw(record), NOW);

        assertThat(result.isValid()).isTrue();
        assertThat(result.event().text()).isEqualTo("what is the capital of France?");
    }

    @Test
    void keepsKafkaCoordinatesAndHeaders() {
        String json =
                "{\"eventId\":\"6f1c2a4e-9b7d-4e1a-8c3f-2d5e6a7b8c9d\",\"timestamp\":\"2026-11-26T09:59:00+02:00\","
                        + "\"prompt\":{\"text\":\"hi there\",\"parameters\":{\"a\":1}},"
                        + "\"session\":{\"id\":\"s1\",\"userId\":\"u1\"},\"model\":{\"id\":\"gpt-4o\"}}";
        RawEvent raw =
                new RawEvent(
                        "llm.prompts.v1",
                        3,
                        42L,
                        123L,
                        null,
                        json.getBytes(StandardCharsets.UTF_8),
                        "1.0",
                        "observatory");

        EventValidator.Result result = validator.validate(raw, NOW);

        assertThat(result.event().eventTime()).isEqualTo(Instant.parse("2026-11-26T07:59:00Z"));
        assertThat(result.event().origin().partition()).isEqualTo(3);
        assertThat(result.event().origin().offset()).isEqualTo(42L);
        assertThat(result.event().origin().schemaVersion()).isEqualTo("1.0");
        assertThat(result.event().origin().source()).isEqualTo("observatory");
        assertThat(result.event().prompt().prompt().parameters()).isEqualTo("{\"a\":1}");
    }

    @Test
    void acceptsSessionEventsInTheUpstreamNestedShapeAndTheFlatOne() {
        String nested =
                "{\"eventId\":\"7d0c1f0e-3f7a-4c1e-9a55-0b5d3a7e8c11\",\"timestamp\":\"2026-11-26T07:59:00Z\","
                        + "\"session\":{\"id\":\"s1\",\"userId\":\"u1\",\"applicationId\":\"app\","
                        + "\"purpose\":\"chat\"},\"tenantId\":\"acme\",\"status\":\"started\"}";
        String flat =
                "{\"eventId\":\"7d0c1f0e-3f7a-4c1e-9a55-0b5d3a7e8c11\",\"timestamp\":\"2026-11-26T07:59:00Z\","
                        + "\"sessionId\":\"s1\",\"userId\":\"u1\",\"applicationId\":\"app\","
                        + "\"purpose\":\"chat\",\"tenantId\":\"acme\",\"status\":\"started\"}";

        EventValidator.Result fromNested = validator.validate(session(nested), NOW);
        EventValidator.Result fromFlat = validator.validate(session(flat), NOW);

        assertThat(fromNested.isValid()).as("%s", fromNested.rejection()).isTrue();
        assertThat(fromNested.event().session()).isEqualTo(fromFlat.event().session());
        assertThat(fromNested.event().session().tenantId()).isEqualTo("acme");
        assertThat(fromNested.event().sessionId()).isEqualTo("s1");
        assertThat(fromNested.event().userId()).isEqualTo("u1");
    }

    @Test
    void aNestedSessionWithoutItsIdIsMissingARequiredField() {
        String json =
                "{\"eventId\":\"7d0c1f0e-3f7a-4c1e-9a55-0b5d3a7e8c11\",\"timestamp\":\"2026-11-26T07:59:00Z\","
                        + "\"session\":{\"userId\":\"u1\"},\"tenantId\":\"acme\"}";

        assertThat(validator.validate(session(json), NOW).rejection().reason())
                .isEqualTo(ReasonCode.MISSING_REQUIRED_FIELD);
    }

    private static RawEvent session(String json) {
        return new RawEvent(
                "llm.sessions.v1",
                0,
                1L,
                2L,
                null,
                json.getBytes(StandardCharsets.UTF_8),
                "1.0",
                "observatory");
    }

    @Test
    void refusesRecordsFromUnmappedTopics() {
        RawEvent raw =
                new RawEvent(
                        "other", 0, 0, 0, null, "{}".getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(validator.validate(raw, NOW).rejection().reason())
                .isEqualTo(ReasonCode.UNKNOWN_TOPIC);
    }

    @Test
    void timestampWindowIsConfigurable() {
        Configuration config = new Configuration();
        config.set(ValidationOptions.MAX_EVENT_AGE, java.time.Duration.ofDays(60));
        EventValidator lenient = new EventValidator(TOPICS, ValidationOptions.fromConfig(config));
        TestRecord stale =
                invalidRecords()
                        .filter(r -> r.expectedReason() == ReasonCode.TIMESTAMP_TOO_OLD)
                        .findFirst()
                        .orElseThrow();

        assertThat(lenient.validate(raw(stale), NOW).isValid()).isTrue();
    }

    @Test
    void utf8CheckRejectsOverlongFormsAndSurrogates() {
        assertThat(Utf8.firstInvalidOffset("héllo €𝄞".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(-1);
        assertThat(Utf8.firstInvalidOffset(new byte[] {'a', (byte) 0xC0, (byte) 0x80}))
                .isEqualTo(1);
        assertThat(Utf8.firstInvalidOffset(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .isZero();
        assertThat(Utf8.firstInvalidOffset(new byte[] {'x', 'y', (byte) 0xE2, (byte) 0x82}))
                .isEqualTo(2);
        assertThat(
                        Utf8.firstInvalidOffset(
                                new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}))
                .isZero();
    }

    static RawEvent raw(TestRecord record) {
        return new RawEvent(
                record.topic(),
                0,
                7L,
                NOW.toEpochMilli(),
                record.key(),
                record.value(),
                record.headers().get("schema_version"),
                record.headers().get("source"));
    }
}
