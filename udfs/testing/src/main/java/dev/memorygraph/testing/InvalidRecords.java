package dev.memorygraph.testing;

import static dev.memorygraph.testing.TestRecord.utf8;

import dev.memorygraph.model.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A catalogue of hostile and invalid records, one per way a producer can get it wrong, each with
 * the dead-letter reason the pipeline must give it.
 */
public final class InvalidRecords {

    private final String promptsTopic;
    private final String responsesTopic;
    private final String sessionsTopic;
    private final Instant now;

    public InvalidRecords(
            String promptsTopic, String responsesTopic, String sessionsTopic, Instant now) {
        this.promptsTopic = promptsTopic;
        this.responsesTopic = responsesTopic;
        this.sessionsTopic = sessionsTopic;
        this.now = now;
    }

    /** Every kind once, the 10 MB record included. */
    public List<TestRecord> all() {
        List<TestRecord> records = new ArrayList<>(cheap());
        records.add(huge(10 * 1024 * 1024));
        return records;
    }

    /** Every kind except the huge one. */
    public List<TestRecord> cheap() {
        List<TestRecord> r = new ArrayList<>();
        r.add(TestRecord.invalid(promptsTopic, new byte[0], ReasonCode.EMPTY_RECORD));
        r.add(TestRecord.invalid(promptsTopic, null, ReasonCode.EMPTY_RECORD));
        r.add(TestRecord.invalid(promptsTopic, deeplyNested(10_000), ReasonCode.NESTING_TOO_DEEP));
        r.add(TestRecord.invalid(promptsTopic, invalidUtf8(), ReasonCode.INVALID_UTF8));
        r.add(
                TestRecord.invalid(
                        promptsTopic, utf8("{\"eventId\": \"abc\", "), ReasonCode.MALFORMED_JSON));
        r.add(TestRecord.invalid(promptsTopic, utf8("not json at all"), ReasonCode.MALFORMED_JSON));
        r.add(TestRecord.invalid(promptsTopic, utf8("[1, 2, 3]"), ReasonCode.WRONG_TYPE));
        r.add(
                TestRecord.invalid(
                        promptsTopic,
                        utf8(
                                prompt(uuid(), ts(now), "\"hello\"")
                                        .replace(",\"model\":{\"id\":\"gpt-4o\"}", "")),
                        ReasonCode.MISSING_REQUIRED_FIELD));
        r.add(
                TestRecord.invalid(
                        promptsTopic,
                        utf8(
                                "{\"eventId\":12345,\"timestamp\":\""
                                        + ts(now)
                                        + "\",\"prompt\":{\"text\":\"hi\"},"
                                        + "\"session\":{\"id\":\"s\",\"userId\":\"u\"},"
                                        + "\"model\":{\"id\":\"gpt-4o\"}}"),
                        ReasonCode.WRONG_TYPE));
        r.add(
                TestRecord.invalid(
                        promptsTopic,
                        utf8(prompt(uuid(), ts(now), "{\"nested\":\"object\"}")),
                        ReasonCode.WRONG_TYPE));
        r.add(
                TestRecord.invalid(
                        promptsTopic,
                        utf8(prompt(uuid(), "2999-01-01T00:00:00Z", "\"from the future\"")),
                        ReasonCode.TIMESTAMP_IN_FUTURE));
        r.add(
                TestRecord.invalid(
                        promptsTopic,
                        utf8(prompt(uuid(), ts(now.minus(Duration.ofDays(30))), "\"stale\"")),
                        ReasonCode.TIMESTAMP_TOO_OLD));
        r.add(
                TestRecord.invalid(
                        promptsTopic,
                        utf8(prompt(uuid(), "yesterday at noon", "\"when?\"")),
                        ReasonCode.INVALID_TIMESTAMP));
        r.add(
                TestRecord.invalid(
                        promptsTopic,
                        utf8(prompt("not-a-uuid-42", ts(now), "\"hello\"")),
                        ReasonCode.INVALID_EVENT_ID));
        r.add(
                TestRecord.invalid(
                        promptsTopic,
                        utf8(prompt(uuid(), ts(now), "\"\"")),
                        ReasonCode.EMPTY_TEXT));
        r.add(
                TestRecord.invalid(
                        promptsTopic,
                        utf8(prompt(uuid(), ts(now), "\"  \\n\\t \\u00a0 \"")),
                        ReasonCode.EMPTY_TEXT));
        r.add(
                TestRecord.invalid(
                        promptsTopic,
                        utf8(
                                prompt(uuid(), ts(now), "\"hi\"")
                                        .replace(
                                                "\"userId\":\"user-x\"",
                                                "\"userId\":\"user-x\",\"purpose\":\"gaming\"")),
                        ReasonCode.SCHEMA_VIOLATION));
        r.add(
                TestRecord.invalid(
                        responsesTopic,
                        utf8(response("prompt-7", "")),
                        ReasonCode.INVALID_EVENT_ID));
        r.add(
                TestRecord.invalid(
                        responsesTopic,
                        utf8(
                                response(
                                        uuid(),
                                        ",\"usage\":{\"promptTokens\":\"SECRET-TEN\","
                                                + "\"completionTokens\":1,\"totalTokens\":11}")),
                        ReasonCode.WRONG_TYPE));
        r.add(
                TestRecord.invalid(
                        sessionsTopic,
                        utf8(
                                "{\"eventId\":\""
                                        + uuid()
                                        + "\",\"timestamp\":\""
                                        + ts(now)
                                        + "\",\"sessionId\":\"s-1\",\"userId\":\"u-1\"}"),
                        ReasonCode.MISSING_REQUIRED_FIELD));
        return r;
    }

    /** A well-formed prompt whose text makes the record {@code bytes} long. */
    public TestRecord huge(int bytes) {
        String head = prompt(uuid(), ts(now), "\"");
        int textLength = Math.max(1, bytes - head.length() - 2);
        StringBuilder text = new StringBuilder(textLength);
        while (text.length() < textLength) {
            text.append("lorem ipsum dolor sit amet ");
        }
        text.setLength(textLength);
        return TestRecord.invalid(
                promptsTopic,
                utf8(prompt(uuid(), ts(now), "\"" + text + "\"")),
                ReasonCode.RECORD_TOO_LARGE);
    }

    /** Valid except for fields the schema does not name: accepted, unknown fields ignored. */
    public TestRecord withUnknownFields() {
        String id = uuid();
        String json =
                prompt(id, ts(now), "\"what is the capital of France?\"")
                        .replace(
                                "{\"eventId\"",
                                "{\"shoeSize\":44,\"x-extra\":{\"a\":[1,2]},\"eventId\"");
        return TestRecord.valid(promptsTopic, "session-unknown", json, id);
    }

    private static String prompt(String id, String timestamp, String textJson) {
        return "{\"eventId\":\""
                + id
                + "\",\"timestamp\":\""
                + timestamp
                + "\",\"prompt\":{\"text\":"
                + textJson
                + "},\"session\":{\"id\":\"session-x\",\"userId\":\"user-x\"}"
                + ",\"model\":{\"id\":\"gpt-4o\"}}";
    }

    /** A response answering {@code promptEventId}, with {@code extraFields} appended. */
    private String response(String promptEventId, String extraFields) {
        return "{\"eventId\":\""
                + uuid()
                + "\",\"timestamp\":\""
                + ts(now)
                + "\",\"promptEventId\":\""
                + promptEventId
                + "\",\"response\":{\"text\":\"SECRET-OK\"}"
                + extraFields
                + "}";
    }

    private static byte[] deeplyNested(int depth) {
        String head = prompt(uuid(), "2020-01-01T00:00:00Z", "\"deep\"");
        StringBuilder sb = new StringBuilder(head.length() + 2 * depth + 32);
        sb.append(head, 0, head.length() - 1).append(",\"tags\":");
        sb.append("[".repeat(depth)).append("]".repeat(depth)).append('}');
        return utf8(sb.toString());
    }

    private byte[] invalidUtf8() {
        byte[] valid = utf8(prompt(uuid(), ts(now), "\"caf__ au lait\""));
        String s = new String(valid, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = s.indexOf("__");
        valid[at] = (byte) 0xC3; // lead byte of a two-byte sequence ...
        valid[at + 1] = (byte) 0x28; // ... followed by a non-continuation byte
        return valid;
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private static String ts(Instant instant) {
        return instant.toString();
    }
}
