package dev.memorygraph.model;

/** Distributed-tracing identifiers carried by prompt and response events. */
public record TraceContext(String traceId, String spanId, String parentSpanId) {}
