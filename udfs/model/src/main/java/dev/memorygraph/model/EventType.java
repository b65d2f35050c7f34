package dev.memorygraph.model;

/** The three kinds of inbound event, one per source topic. */
public enum EventType {
    PROMPT,
    RESPONSE,
    SESSION
}
