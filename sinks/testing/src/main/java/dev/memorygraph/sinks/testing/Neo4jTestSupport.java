package dev.memorygraph.sinks.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** Reading a graph back in tests. */
public final class Neo4jTestSupport {

    private Neo4jTestSupport() {}

    /** Removes every node and relationship; schema stays. */
    public static void wipe(Driver driver) {
        try (Session session = driver.session()) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
        }
    }

    /** Node counts by label (a node with two labels counts under both). */
    public static Map<String, Long> nodeCounts(Driver driver) {
        return counts(
                driver,
                "MATCH (n) UNWIND labels(n) AS label RETURN label AS key, count(*) AS count");
    }

    /** Relationship counts by {@code FromLabel-TYPE->ToLabel}. */
    public static Map<String, Long> relationshipCounts(Driver driver) {
        return counts(
                driver,
                "MATCH (a)-[r]->(b) RETURN labels(a)[0] + '-' + type(r) + '->' + labels(b)[0]"
                        + " AS key, count(*) AS count");
    }

    public static List<Record> query(Driver driver, String cypher, Map<String, Object> params) {
        try (Session session = driver.session()) {
            return session.run(cypher, params).list();
        }
    }

    private static Map<String, Long> counts(Driver driver, String cypher) {
        Map<String, Long> counts = new TreeMap<>();
        for (Record record : query(driver, cypher, Map.of())) {
            counts.put(record.get("key").asString(), record.get("count").asLong());
        }
        return counts;
    }
}
