package dev.memorygraph.sinks.neo4j;

import dev.memorygraph.core.config.JobConfig;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.ReadableConfig;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * How to reach Neo4j: URI, database, credentials and pool settings. Serializable, so it travels
 * with the sink; the password stays in its file and is read where the driver is created.
 */
public record Neo4jConnection(
        String uri,
        String database,
        String username,
        String passwordFile,
        int poolMaxSize,
        Duration acquisitionTimeout)
        implements Serializable {

    public static Neo4jConnection fromConfig(ReadableConfig config) {
        return new Neo4jConnection(
                JobConfig.required(
                        config,
                        Neo4jOptions.URI,
                        "the Bolt URI of the graph (bolt:// or neo4j://)"),
                config.get(Neo4jOptions.DATABASE),
                config.get(Neo4jOptions.USERNAME),
                config.get(Neo4jOptions.PASSWORD_FILE),
                config.get(Neo4jOptions.POOL_MAX_SIZE),
                config.get(Neo4jOptions.POOL_ACQUISITION_TIMEOUT));
    }

    /** An unauthenticated connection with the default pool, as local servers use. */
    public static Neo4jConnection unauthenticated(String uri) {
        return new Neo4jConnection(uri, "neo4j", null, null, 50, Duration.ofSeconds(60));
    }

    /**
     * A driver with this pool, SLF4J logging, and the driver's own transaction retries off: the
     * sink retries with its own schedule.
     */
    public Driver createDriver() throws IOException {
        Config config =
                Config.builder()
                        .withMaxConnectionPoolSize(poolMaxSize)
                        .withConnectionAcquisitionTimeout(
                                acquisitionTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS)
                        .withLogging(Logging.slf4j())
                        .withUserAgent("memory-graph-neo4j-sink")
                        .build();
        return GraphDatabase.driver(uri, authToken(), config);
    }

    private AuthToken authToken() throws IOException {
        if (passwordFile == null || passwordFile.isBlank()) {
            return AuthTokens.none();
        }
        String password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip();
        return AuthTokens.basic(username, password);
    }

    /** Never prints the password file's contents (only its path). */
    @Override
    public String toString() {
        return "Neo4jConnection{" + uri + "/" + database + ", user " + username + "}";
    }
}
