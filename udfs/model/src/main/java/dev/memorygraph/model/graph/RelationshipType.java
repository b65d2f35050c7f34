package dev.memorygraph.model.graph;

/**
 * The relationship types of the memory graph, each with the labels of its two ends (ARCHITECTURE.md
 * §4). Two constants may share a Cypher type when they connect different labels.
 */
public enum RelationshipType {
    HAS_SESSION("HAS_SESSION", NodeLabel.USER, NodeLabel.SESSION),
    CONTAINS("CONTAINS", NodeLabel.SESSION, NodeLabel.PROMPT),
    /** Prompt order within a session; written as a {@link GraphMutation.Kind#SEQUENCE_LINK}. */
    FOLLOWS("FOLLOWS", NodeLabel.PROMPT, NodeLabel.PROMPT),
    GENERATED("GENERATED", NodeLabel.PROMPT, NodeLabel.RESPONSE),
    USES_MODEL("USES_MODEL", NodeLabel.PROMPT, NodeLabel.MODEL),
    REFERENCES("REFERENCES", NodeLabel.PROMPT, NodeLabel.DOCUMENT),
    CALLED("CALLED", NodeLabel.RESPONSE, NodeLabel.TOOL),
    INSTANCE_OF("INSTANCE_OF", NodeLabel.PROMPT, NodeLabel.TEMPLATE),
    HAS_TEXT("HAS_TEXT", NodeLabel.PROMPT, NodeLabel.PROMPT_TEXT),
    SIMILAR_TO("SIMILAR_TO", NodeLabel.PROMPT, NodeLabel.PROMPT),
    USER_BELONGS_TO("BELONGS_TO", NodeLabel.USER, NodeLabel.TENANT),
    IN_APPLICATION("IN_APPLICATION", NodeLabel.SESSION, NodeLabel.APPLICATION),
    APPLICATION_BELONGS_TO("BELONGS_TO", NodeLabel.APPLICATION, NodeLabel.TENANT);

    private final String cypherName;
    private final NodeLabel from;
    private final NodeLabel to;

    RelationshipType(String cypherName, NodeLabel from, NodeLabel to) {
        this.cypherName = cypherName;
        this.from = from;
        this.to = to;
    }

    /** The type as it appears in Cypher; a constant, never derived from data. */
    public String cypherName() {
        return cypherName;
    }

    /**
     * Whether only the writer of one session creates this relationship: it has a per-session end
     * and comes from that session's events ({@code SIMILAR_TO}, from a bounded job over many
     * sessions, does not).
     */
    public boolean writtenBySessionOwner() {
        return this != SIMILAR_TO && (from.perSession() || to.perSession());
    }

    /** The end shared by sessions ({@code from} when both are), or null when neither is. */
    public NodeLabel sharedEnd() {
        if (!from.perSession()) {
            return from;
        }
        return to.perSession() ? null : to;
    }

    public NodeLabel from() {
        return from;
    }

    public NodeLabel to() {
        return to;
    }
}
