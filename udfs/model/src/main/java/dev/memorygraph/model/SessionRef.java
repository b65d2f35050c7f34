package dev.memorygraph.model;

/** The session a prompt belongs to, as carried on the prompt event. */
public record SessionRef(String id, String userId, String applicationId, String purpose) {}
