package dev.memorygraph.model;

/** Why a record went to the dead-letter queue. The set is fixed; consumers may switch on it. */
public enum ReasonCode {
    /** The Kafka record had no value. */
    EMPTY_RECORD,
    /** The value is larger than {@code validation.max-record-bytes}. */
    RECORD_TOO_LARGE,
    /** The value is not valid UTF-8. */
    INVALID_UTF8,
    /** The value is not JSON, or not a JSON object. */
    MALFORMED_JSON,
    /** JSON nesting deeper than {@code validation.max-nesting-depth}. */
    NESTING_TOO_DEEP,
    /** A required field is missing. */
    MISSING_REQUIRED_FIELD,
    /** A field has the wrong JSON type. */
    WRONG_TYPE,
    /** Any other JSON Schema violation (enum, range, length, format). */
    SCHEMA_VIOLATION,
    /** {@code eventId} or {@code promptEventId} is not a UUID. */
    INVALID_EVENT_ID,
    /** The timestamp is not an ISO 8601 date-time with offset. */
    INVALID_TIMESTAMP,
    /** The timestamp is older than {@code validation.max-event-age}. */
    TIMESTAMP_TOO_OLD,
    /** The timestamp is further ahead than {@code validation.max-clock-skew}. */
    TIMESTAMP_IN_FUTURE,
    /** The prompt text is empty or only whitespace. */
    EMPTY_TEXT,
    /** The record came from a topic the job does not map to an event type. */
    UNKNOWN_TOPIC,
    /**
     * A store rejected a write for good (for example a property too large to index); the letter
     * holds the rejected graph mutation, not the original event.
     */
    STORE_REJECTED,
    /**
     * A store stayed unavailable after every retry: the metric reason of writes sent to the
     * reconciliation topic rather than the DLQ.
     */
    STORE_UNAVAILABLE,
    /**
     * A write is larger than its sink's per-record limit; the letter holds what could not be
     * written instead of the sink failing on it forever.
     */
    WRITE_TOO_LARGE,
    /**
     * The Data Vault could not store an event's text (unreachable after retries, or timed out); the
     * letter holds the event with its PII redacted, never the clear text.
     */
    VAULT_UNAVAILABLE,
    /** The Data Vault refused to store an event's text (4xx); the letter is redacted. */
    VAULT_REJECTED,
    /** The PII stage could not run its NER service; the letter is redacted by the patterns. */
    PII_DETECTION_FAILED,
    /**
     * A record of the reconciliation topic the reconciliation job cannot redo: its headers are
     * missing or unreadable, or its payload is not in the format its sink reads. The letter holds
     * the record as it was.
     */
    UNREPLAYABLE
}
