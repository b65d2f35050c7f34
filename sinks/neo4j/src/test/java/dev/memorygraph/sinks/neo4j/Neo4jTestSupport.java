package dev.memorygraph.sinks.neo4j;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.operators.dlq.DeadLetterQueue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** Reading a graph back in tests, and a dead-letter queue that keeps letters in memory. */
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

    /**
     * A {@link DeadLetterQueue} that keeps letters in this JVM, under a name, for tests that run
     * the sink on a MiniCluster.
     */
    public static final class CollectingDeadLetterQueue implements DeadLetterQueue {

        private static final long serialVersionUID = 1L;

        private static final Map<String, ConcurrentLinkedQueue<DeadLetter>> LETTERS =
                new ConcurrentHashMap<>();

        private final String name;

        public CollectingDeadLetterQueue(String name) {
            this.name = name;
            LETTERS.put(name, new ConcurrentLinkedQueue<>());
        }

        public List<DeadLetter> letters() {
            return List.copyOf(LETTERS.get(name));
        }

        @Override
        public Writer open() {
            ConcurrentLinkedQueue<DeadLetter> queue = LETTERS.get(name);
            return new Writer() {
                @Override
                public void send(DeadLetter letter) {
                    queue.add(letter);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
        }
    }
}
