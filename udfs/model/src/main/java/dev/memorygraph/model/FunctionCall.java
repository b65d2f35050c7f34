package dev.memorygraph.model;

/** A function call made by a model: its name and JSON-encoded arguments. */
public record FunctionCall(String name, String arguments) {}
