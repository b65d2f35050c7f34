package dev.memorygraph.model;

/** A retrieved (RAG) document sent along with a prompt. */
public record ContextDocument(String id, String content, Double relevanceScore) {}
