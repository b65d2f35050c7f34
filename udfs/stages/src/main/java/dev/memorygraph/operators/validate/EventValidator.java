package dev.memorygraph.operators.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.Error;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.EventOrigin;
import dev.memorygraph.model.EventSchemas;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.TopicMapping;
import dev.memorygraph.operators.text.TextNormalizer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stage 1: turns raw Kafka bytes into a typed {@link InboundEvent} or a {@link Rejection} with a
 * reason code. Checks run cheapest first, so hostile input is refused before it costs much: size,
 * UTF-8, JSON with bounded nesting, the draft-07 schema, ids, timestamp window, blank text.
 *
 * <p>Rejection messages name fields, limits and positions but never quote payload content. Not
 * thread-safe: one instance per operator subtask.
 */
public final class EventValidator {

    private static final Pattern UUID =
            Pattern.compile(
                    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final int MAX_LOCATIONS_IN_MESSAGE = 5;

    private final TopicMapping topics;
    private final ValidationOptions options;
    private final ObjectMapper mapper;
    private final ObjectReader treeReader;

    public EventValidator(TopicMapping topics, ValidationOptions options) {
        this.topics = topics;
        this.options = options;
        this.mapper =
                EventJson.newMapper(
                        StreamReadConstraints.builder()
                                .maxNestingDepth(options.maxNestingDepth())
                                .maxStringLength((int) options.maxRecordBytes())
                                .maxDocumentLength(options.maxRecordBytes())
                                .build());
        // Only the top-level document must end after its value; binding reads sub-trees.
        this.treeReader =
                mapper.readerFor(JsonNode.class)
                        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (EventType type : EventType.values()) {
            EventSchemas.schema(type); // load eagerly: fail at open(), not on the first record
        }
    }

    /** The outcome for one record: exactly one of {@code event} and {@code rejection} is set. */
    public record Result(InboundEvent event, Rejection rejection) {
        static Result valid(InboundEvent event) {
            return new Result(event, null);
        }

        static Result invalid(ReasonCode reason, String message) {
            return new Result(null, new Rejection(reason, message));
        }

        public boolean isValid() {
            return event != null;
        }
    }

    /** Why a record was refused; {@code message} never quotes payload content. */
    public record Rejection(ReasonCode reason, String message) {}

    public Result validate(RawEvent raw, Instant now) {
        EventType type = topics.typeOf(raw.topic());
        if (type == null) {
            return Result.invalid(
                    ReasonCode.UNKNOWN_TOPIC, "topic is not one of " + topics.topics());
        }
        byte[] value = raw.value();
        if (value == null || value.length == 0) {
            return Result.invalid(ReasonCode.EMPTY_RECORD, "record has no value");
        }
        if (value.length > options.maxRecordBytes()) {
            return Result.invalid(
                    ReasonCode.RECORD_TOO_LARGE,
                    "record is " + value.length + " bytes, limit is " + options.maxRecordBytes());
        }
        int badByte = Utf8.firstInvalidOffset(value);
        if (badByte >= 0) {
            return Result.invalid(
                    ReasonCode.INVALID_UTF8, "ill-formed UTF-8 sequence at byte offset " + badByte);
        }
        JsonNode tree;
        try {
            tree = treeReader.readValue(value);
        } catch (StreamConstraintsException e) {
            // Jackson's constraint messages carry only lengths and limits, never content.
            return String.valueOf(e.getMessage()).contains("nesting depth")
                    ? Result.invalid(
                            ReasonCode.NESTING_TOO_DEEP,
                            "JSON nesting exceeds " + options.maxNestingDepth() + " levels")
                    : Result.invalid(
                            ReasonCode.MALFORMED_JSON, "a JSON value exceeds the parser limits");
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the offending token: report only where it failed.
            return Result.invalid(ReasonCode.MALFORMED_JSON, "not valid JSON " + where(e));
        } catch (IOException e) {
            return Result.invalid(ReasonCode.MALFORMED_JSON, "not valid JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            return Result.invalid(ReasonCode.MALFORMED_JSON, "no JSON value");
        }
        if (type == EventType.SESSION) {
            tree = EventJson.canonicalSession(tree);
        }
        List<Error> errors = EventSchemas.schema(type).validate(tree);
        if (!errors.isEmpty()) {
            return schemaRejection(errors);
        }
        Result ids = checkIds(type, tree);
        if (ids != null) {
            return ids;
        }
        Instant timestamp;
        try {
            timestamp = OffsetDateTime.parse(tree.get("timestamp").asText()).toInstant();
        } catch (DateTimeParseException e) {
            return Result.invalid(
                    ReasonCode.INVALID_TIMESTAMP,
                    "$.timestamp is not an ISO 8601 date-time with offset");
        }
        if (timestamp.isBefore(now.minus(options.maxEventAge()))) {
            return Result.invalid(
                    ReasonCode.TIMESTAMP_TOO_OLD,
                    "$.timestamp is older than " + options.maxEventAge());
        }
        if (timestamp.isAfter(now.plus(options.maxClockSkew()))) {
            return Result.invalid(
                    ReasonCode.TIMESTAMP_IN_FUTURE,
                    "$.timestamp is more than " + options.maxClockSkew() + " ahead");
        }
        EventOrigin origin =
                new EventOrigin(
                        raw.topic(),
                        raw.partition(),
                        raw.offset(),
                        raw.kafkaTimestamp(),
                        raw.schemaVersion(),
                        raw.source(),
                        now);
        InboundEvent event;
        try {
            event = EventJson.bind(mapper, tree, type, origin);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Result.invalid(
                    ReasonCode.SCHEMA_VIOLATION, "cannot bind to " + type + " " + where(e));
        }
        if (type == EventType.PROMPT && TextNormalizer.isBlank(event.text())) {
            return Result.invalid(ReasonCode.EMPTY_TEXT, "$.prompt.text is blank");
        }
        return Result.valid(event);
    }

    private static Result checkIds(EventType type, JsonNode tree) {
        if (!UUID.matcher(tree.get("eventId").asText()).matches()) {
            return Result.invalid(ReasonCode.INVALID_EVENT_ID, "$.eventId is not a UUID");
        }
        if (type == EventType.RESPONSE
                && !UUID.matcher(tree.get("promptEventId").asText()).matches()) {
            return Result.invalid(ReasonCode.INVALID_EVENT_ID, "$.promptEventId is not a UUID");
        }
        return null;
    }

    private static Result schemaRejection(List<Error> errors) {
        ReasonCode reason =
                errors.stream()
                        .map(EventValidator::reasonOf)
                        .min(Comparator.naturalOrder())
                        .orElse(ReasonCode.SCHEMA_VIOLATION);
        String detail =
                errors.stream()
                        .filter(e -> reasonOf(e) == reason)
                        .limit(MAX_LOCATIONS_IN_MESSAGE)
                        .map(EventValidator::describe)
                        .collect(Collectors.joining("; "));
        int more = errors.size() - MAX_LOCATIONS_IN_MESSAGE;
        return Result.invalid(reason, more > 0 ? detail + " (and " + more + " more)" : detail);
    }

    /** Classifies by keyword and location only; ties go to the earliest code in the enum. */
    private static ReasonCode reasonOf(Error error) {
        String location = path(error);
        String keyword = String.valueOf(error.getKeyword());
        return switch (keyword) {
            case "required" -> ReasonCode.MISSING_REQUIRED_FIELD;
            case "type" -> ReasonCode.WRONG_TYPE;
            case "format" ->
                    location.endsWith("Id")
                            ? ReasonCode.INVALID_EVENT_ID
                            : ReasonCode.INVALID_TIMESTAMP;
            case "minLength" ->
                    location.endsWith(".text")
                            ? ReasonCode.EMPTY_TEXT
                            : ReasonCode.SCHEMA_VIOLATION;
            default -> ReasonCode.SCHEMA_VIOLATION;
        };
    }

    private static String describe(Error error) {
        String location = path(error);
        String keyword = String.valueOf(error.getKeyword());
        return switch (keyword) {
            case "required" ->
                    location
                            + (location.endsWith(".") ? "" : ".")
                            + error.getProperty()
                            + " is required";
            case "type" -> location + " must be of type " + error.getSchemaNode();
            default -> location + " violates '" + keyword + "'";
        };
    }

    /** The instance location as a {@code $.a.b[0]}-style path of schema-defined names. */
    private static String path(Error error) {
        StringBuilder path = new StringBuilder("$");
        for (String token : String.valueOf(error.getInstanceLocation()).split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.chars().allMatch(Character::isDigit)) {
                path.append('[').append(token).append(']');
            } else {
                path.append('.').append(token);
            }
        }
        return path.toString();
    }

    private static String where(Exception e) {
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation location = jpe.getLocation();
            if (location != null) {
                return "(line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
        }
        return "";
    }
}
