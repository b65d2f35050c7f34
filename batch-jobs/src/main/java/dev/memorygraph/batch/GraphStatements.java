package dev.memorygraph.batch;

import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Values;

/**
 * Cypher a bounded job runs itself, beside the Neo4j sink: the deletes the sink's upserts cannot
 * express (a prompt's outdated edges, edges past their age). Each statement is idempotent, so a
 * rerun after a failure repeats it harmlessly.
 */
public final class GraphStatements {

    private GraphStatements() {}

    /** {@link #deleting(Driver, String, String, Map)} on a driver of its own. */
    public static long deleting(
            dev.memorygraph.sinks.neo4j.Neo4jConnection connection,
            String cypher,
            Map<String, Object> parameters)
            throws java.io.IOException {
        try (Driver driver = connection.createDriver()) {
            return deleting(driver, connection.database(), cypher, parameters);
        }
    }

    /** Runs {@code cypher} in an auto-commit transaction; the relationships it deleted. */
    public static long deleting(
            Driver driver, String database, String cypher, Map<String, Object> parameters) {
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            return session.run(cypher, Values.value(parameters))
                    .consume()
                    .counters()
                    .relationshipsDeleted();
        }
    }
}
