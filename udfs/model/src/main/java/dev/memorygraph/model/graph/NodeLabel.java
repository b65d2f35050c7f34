package dev.memorygraph.model.graph;

import java.util.List;

/**
 * The node labels of the memory graph (ARCHITECTURE.md §4). Every label has a uniqueness constraint
 * on {@code id}; {@link #indexedProperties()} lists the range indexes of spec §3.2 that apply to
 * it.
 */
public enum NodeLabel {
    PROMPT("Prompt", List.of("textHash", "createdAt", "userId", "sessionId")),
    RESPONSE("Response", List.of("textHash", "createdAt", "sessionId")),
    SESSION("Session", List.of("createdAt", "userId")),
    USER("User", List.of()),
    MODEL("Model", List.of()),
    TEMPLATE("Template", List.of()),
    TENANT("Tenant", List.of()),
    APPLICATION("Application", List.of()),
    DOCUMENT("Document", List.of()),
    TOOL("Tool", List.of()),
    /** The exact text of one or more prompts, keyed by its SHA-256 ({@code textHash}). */
    PROMPT_TEXT("PromptText", List.of());

    private final String cypherName;
    private final List<String> indexedProperties;

    NodeLabel(String cypherName, List<String> indexedProperties) {
        this.cypherName = cypherName;
        this.indexedProperties = indexedProperties;
    }

    /** The label as it appears in Cypher; a constant, never derived from data. */
    public String cypherName() {
        return cypherName;
    }

    public List<String> indexedProperties() {
        return indexedProperties;
    }

    /**
     * Whether nodes of this label belong to one session: prompts, responses and sessions. Graph
     * extraction is keyed by session, so one writer (one subtask) writes them; every other node is
     * shared by sessions and so by writers.
     */
    public boolean perSession() {
        return this == PROMPT || this == RESPONSE || this == SESSION;
    }
}
