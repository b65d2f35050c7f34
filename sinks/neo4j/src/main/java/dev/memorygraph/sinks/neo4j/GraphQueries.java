package dev.memorygraph.sinks.neo4j;

/**
 * Queries over the memory graph that the README gives newcomers; tests and the local run execute
 * them, so they stay in step with the model.
 */
public final class GraphQueries {

    private GraphQueries() {}

    /** A user's sessions with their prompts and responses in order ({@code $userId}). */
    public static final String USER_SESSIONS =
            """
            MATCH (u:User {id: $userId})-[:HAS_SESSION]->(s:Session)-[:CONTAINS]->(p:Prompt)
            OPTIONAL MATCH (p)-[:GENERATED]->(r:Response)
            RETURN s.id AS session, p.id AS prompt, p.createdAt AS at,
                   left(p.text, 60) AS text, r.id AS response, r.finishReason AS finish
            ORDER BY s.createdAt, p.createdAt, p.id
            """;

    /** Exact prompt text reused by more than one user (shared {@code PromptText} nodes). */
    public static final String REUSED_ACROSS_USERS =
            """
            MATCH (t:PromptText)<-[:HAS_TEXT]-(p:Prompt)
            WITH t, p ORDER BY p.userId
            WITH t, collect(DISTINCT p.userId) AS users, count(p) AS uses
            WHERE size(users) > 1
            RETURN t.id AS textHash, users, uses
            ORDER BY uses DESC, textHash
            """;

    /**
     * Prompts, tokens and cost (USD) by model; {@code unpriced} counts responses without a price
     * (their cost is unknown, not 0; a model with only those has a null cost).
     */
    public static final String TOKENS_AND_COST_BY_MODEL =
            """
            MATCH (p:Prompt)-[:USES_MODEL]->(m:Model)
            OPTIONAL MATCH (p)-[:GENERATED]->(r:Response)
            RETURN m.id AS model, count(DISTINCT p) AS prompts,
                   sum(r.totalTokens) AS tokens,
                   CASE WHEN count(r.cost) = 0 THEN null ELSE round(sum(r.cost), 4) END AS cost,
                   count(CASE WHEN r.costStatus = 'unpriced' THEN 1 END) AS unpriced
            ORDER BY tokens DESC, model
            """;
}
