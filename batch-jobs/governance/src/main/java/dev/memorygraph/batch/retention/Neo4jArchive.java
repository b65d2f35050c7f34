package dev.memorygraph.batch.retention;

import dev.memorygraph.sinks.neo4j.Neo4jConnection;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The graph's side of archival: an archive's prompts and responses are deleted with their
 * relationships ({@code DETACH DELETE}), a {@code PromptText} no prompt links to any more goes with
 * them, and a session goes once no prompt of it is left (a session that spans the cutoff stays
 * until its last prompt is archived). Users, tenants, models, templates and rollups stay. Deleted
 * by id, in batches, each in its own transaction: a rerun deletes what a crash left.
 */
final class Neo4jArchive implements HotStore {

    static final int BATCH = 1_000;

    private static final String DELETE_PROMPTS =
            """
            UNWIND $ids AS id
            MATCH (p:Prompt {id: id})
            OPTIONAL MATCH (p)-[:HAS_TEXT]->(t:PromptText)
            WITH collect(DISTINCT p) AS prompts, collect(DISTINCT t.id) AS texts
            FOREACH (p IN prompts | DETACH DELETE p)
            WITH size(prompts) AS deleted, texts
            CALL (texts) {
                UNWIND texts AS text
                MATCH (t:PromptText {id: text})
                WHERE NOT EXISTS { (t)<-[:HAS_TEXT]-() }
                DETACH DELETE t
            }
            RETURN deleted""";

    private static final String DELETE_RESPONSES =
            """
            UNWIND $ids AS id
            MATCH (r:Response {id: id})
            DETACH DELETE r
            RETURN count(*) AS deleted""";

    private static final String DELETE_SESSIONS =
            """
            UNWIND $ids AS id
            MATCH (s:Session {id: id})
            WHERE NOT EXISTS { (s)-[:CONTAINS]->(:Prompt) }
            DETACH DELETE s
            RETURN count(*) AS deleted""";

    private static final String REMAINING =
            """
            UNWIND $prompts AS id
            OPTIONAL MATCH (p:Prompt {id: id})
            WITH count(p) AS prompts
            UNWIND $responses AS id
            OPTIONAL MATCH (r:Response {id: id})
            WITH prompts, count(r) AS responses
            UNWIND $sessions AS id
            OPTIONAL MATCH (s:Session {id: id})
            WHERE NOT EXISTS { (s)-[:CONTAINS]->(:Prompt) }
            WITH prompts, responses, count(s) AS sessions
            RETURN prompts + responses + sessions AS remaining""";

    private static final String ERASE_USER =
            """
            MATCH (p:Prompt {userId: $user})
            WHERE $tenant IS NULL OR p.tenant = $tenant
            OPTIONAL MATCH (p)-[:GENERATED]->(r:Response)
            OPTIONAL MATCH (p)-[:HAS_TEXT]->(t:PromptText)
            WITH collect(DISTINCT p) AS prompts, collect(DISTINCT r) AS responses,
                 collect(DISTINCT t.id) AS texts
            FOREACH (n IN prompts + responses | DETACH DELETE n)
            WITH size(prompts) + size(responses) AS deleted, texts
            CALL (texts) {
                UNWIND texts AS text
                MATCH (t:PromptText {id: text})
                WHERE NOT EXISTS { (t)<-[:HAS_TEXT]-() }
                DETACH DELETE t
            }
            OPTIONAL MATCH (s:Session {userId: $user})
            WHERE $tenant IS NULL OR s.tenant = $tenant
            DETACH DELETE s
            WITH deleted, count(s) AS sessions
            OPTIONAL MATCH (u:User {id: $user})
            WHERE $tenant IS NULL OR NOT EXISTS { (u)-[:HAS_SESSION]->() }
            DETACH DELETE u
            WITH deleted, sessions, count(u) AS users
            RETURN deleted + sessions + users AS deleted""";

    private static final String REMAINING_OF_USER =
            """
            OPTIONAL MATCH (p:Prompt {userId: $user})
            WHERE $tenant IS NULL OR p.tenant = $tenant
            WITH count(p) AS prompts
            OPTIONAL MATCH (s:Session {userId: $user})
            WHERE $tenant IS NULL OR s.tenant = $tenant
            WITH prompts, count(s) AS sessions
            OPTIONAL MATCH (u:User {id: $user})
            WHERE $tenant IS NULL
            WITH prompts, sessions, count(u) AS users
            RETURN prompts + sessions + users AS remaining""";

    private final Driver driver;
    private final String database;

    Neo4jArchive(ReadableConfig config) throws java.io.IOException {
        Neo4jConnection connection = Neo4jConnection.fromConfig(config);
        this.driver = connection.createDriver();
        this.database = connection.database();
    }

    @Override
    public String name() {
        return "neo4j";
    }

    @Override
    public long delete(Archive archive, ArchivedIds ids) {
        // prompts before sessions: a session goes when no prompt of it is left
        return inBatches(DELETE_PROMPTS, ids.prompts())
                + inBatches(DELETE_RESPONSES, ids.responses())
                + inBatches(DELETE_SESSIONS, ids.sessions());
    }

    @Override
    public long remaining(Archive archive, ArchivedIds ids) {
        long left = 0;
        int n =
                Math.max(
                        ids.prompts().size(),
                        Math.max(ids.responses().size(), ids.sessions().size()));
        for (int from = 0; from < Math.max(n, 1); from += BATCH) {
            Map<String, Object> parameters =
                    Map.of(
                            "prompts", slice(ids.prompts(), from),
                            "responses", slice(ids.responses(), from),
                            // UNWIND of an empty list ends the query: one null keeps it going
                            "sessions", slice(ids.sessions(), from));
            try (Session session = session()) {
                left +=
                        session.executeRead(
                                tx ->
                                        tx.run(REMAINING, withNulls(parameters))
                                                .single()
                                                .get("remaining")
                                                .asLong());
            }
        }
        return left;
    }

    @Override
    public long erase(UserErasure user) {
        // what the lake knows of the user by id, then whatever the graph holds of them besides
        long deleted = delete(null, user.ids());
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("user", user.user());
        parameters.put("tenant", user.tenant());
        try (Session session = session()) {
            deleted +=
                    session.executeWrite(
                            tx -> tx.run(ERASE_USER, parameters).single().get("deleted").asLong());
        }
        return deleted;
    }

    @Override
    public long remainingOf(UserErasure user) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("user", user.user());
        parameters.put("tenant", user.tenant());
        long left;
        try (Session session = session()) {
            left =
                    session.executeRead(
                            tx ->
                                    tx.run(REMAINING_OF_USER, parameters)
                                            .single()
                                            .get("remaining")
                                            .asLong());
        }
        return left + remaining(null, user.ids());
    }

    @Override
    public long olderThan(java.time.Instant cutoff) {
        try (Session session = session()) {
            return session.executeRead(
                    tx ->
                            tx.run(
                                            "MATCH (n) WHERE (n:Prompt OR n:Response) AND"
                                                    + " n.createdAt < $cutoff RETURN count(n) AS n",
                                            Map.of(
                                                    "cutoff",
                                                    java.time.OffsetDateTime.ofInstant(
                                                            cutoff, java.time.ZoneOffset.UTC)))
                                    .single()
                                    .get("n")
                                    .asLong());
        }
    }

    private long inBatches(String statement, List<String> ids) {
        long deleted = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = slice(ids, from);
            try (Session session = session()) {
                deleted +=
                        session.executeWrite(
                                tx -> {
                                    var result = tx.run(statement, Map.of("ids", batch));
                                    return result.hasNext()
                                            ? result.single().get("deleted").asLong(0)
                                            : 0L;
                                });
            }
        }
        return deleted;
    }

    private static List<String> slice(List<String> ids, int from) {
        return from >= ids.size()
                ? List.of()
                : ids.subList(from, Math.min(ids.size(), from + BATCH));
    }

    /** An empty list as {@code [null]}: an {@code UNWIND} of nothing would end the query. */
    private static Map<String, Object> withNulls(Map<String, Object> parameters) {
        Map<String, Object> out = new java.util.HashMap<>();
        parameters.forEach(
                (k, v) -> {
                    List<?> list = (List<?>) v;
                    out.put(k, list.isEmpty() ? java.util.Collections.singletonList(null) : list);
                });
        return out;
    }

    private Session session() {
        return driver.session(SessionConfig.forDatabase(database));
    }

    @Override
    public void close() {
        driver.close();
    }
}
