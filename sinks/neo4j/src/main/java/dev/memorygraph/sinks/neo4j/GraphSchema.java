package dev.memorygraph.sinks.neo4j;

import dev.memorygraph.model.graph.NodeLabel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph's schema (spec §3.2): a uniqueness constraint on {@code id} for every label, which also
 * serves every {@code MERGE}, and range indexes on {@code textHash}, {@code createdAt}, {@code
 * userId} and {@code sessionId} where a label has them. Every statement is {@code IF NOT EXISTS},
 * so applying it again, or from several subtasks at once, changes nothing.
 */
public final class GraphSchema {

    private static final Logger LOG = LoggerFactory.getLogger(GraphSchema.class);

    private static final int ATTEMPTS = 10;

    private GraphSchema() {}

    public static List<String> statements() {
        List<String> statements = new ArrayList<>();
        for (NodeLabel label : NodeLabel.values()) {
            String name = label.cypherName().toLowerCase(Locale.ROOT);
            statements.add(
                    "CREATE CONSTRAINT "
                            + name
                            + "_id IF NOT EXISTS FOR (n:"
                            + label.cypherName()
                            + ") REQUIRE n.id IS UNIQUE");
            for (String property : label.indexedProperties()) {
                statements.add(
                        "CREATE INDEX "
                                + name
                                + "_"
                                + property
                                + " IF NOT EXISTS FOR (n:"
                                + label.cypherName()
                                + ") ON (n."
                                + property
                                + ")");
            }
        }
        return statements;
    }

    /** Creates what is missing and waits until every index is online. */
    public static void apply(Driver driver, String database, Duration awaitIndexes)
            throws InterruptedException {
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            for (String statement : statements()) {
                run(session, statement);
            }
            session.run("CALL db.awaitIndexes(" + awaitIndexes.toSeconds() + ")").consume();
        }
    }

    private static void run(Session session, String statement) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                session.run(statement).consume();
                return;
            } catch (ClientException e) {
                // Another subtask created the same rule between our check and our write.
                if (e.code() != null
                        && e.code().startsWith("Neo.ClientError.Schema.")
                        && e.code().endsWith("AlreadyExists")) {
                    return;
                }
                throw e;
            } catch (RuntimeException e) {
                if (!(e instanceof RetryableException) || attempt >= ATTEMPTS) {
                    throw e;
                }
                // Expected when the writers of all three sinks start at once: schema changes
                // take a database-wide lock.
                LOG.debug("Schema statement hit a transient error, retrying: {}", e.getClass());
                Thread.sleep(200L * attempt);
            }
        }
    }
}
