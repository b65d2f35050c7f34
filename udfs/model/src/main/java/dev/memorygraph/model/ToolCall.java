package dev.memorygraph.model;

/** A tool call made by a model in a response. */
public record ToolCall(String id, String type, FunctionCall function) {}
