package dev.memorygraph.model;

/** Token usage reported by the provider for one response. */
public record Usage(Long promptTokens, Long completionTokens, Long totalTokens) {}
