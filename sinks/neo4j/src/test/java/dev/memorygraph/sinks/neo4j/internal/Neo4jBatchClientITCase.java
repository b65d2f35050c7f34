package dev.memorygraph.sinks.neo4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.sinks.neo4j.CypherBatch;
import dev.memorygraph.sinks.testing.Neo4jTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.exceptions.ClientException;

/**
 * A batch's statements pipelined in one transaction (issue 16) against a real Neo4j 5.26: run in
 * the order sent, all or nothing, and a failure reports the statement that failed, not the ones the
 * server skipped after it.
 */
class Neo4jBatchClientITCase {

    static Driver driver;

    @BeforeAll
    static void connect() {
        driver = GraphDatabase.driver(EmbeddedNeo4j.shared().boltUri().toString());
    }

    @AfterAll
    static void disconnect() {
        driver.close();
    }

    @BeforeEach
    void wipe() {
        Neo4jTestSupport.wipe(driver);
    }

    @Test
    void pipelinedStatementsRunInTheOrderSent() {
        List<CypherBatch.Statement> statements = new ArrayList<>();
        statements.add(statement("CREATE (:Pipelined {n: 0, seen: 0})", Map.of()));
        for (int n = 1; n < 40; n++) {
            // each statement reads what the ones before it wrote
            statements.add(
                    statement(
                            "MATCH (p:Pipelined) WITH count(p) AS seen"
                                    + " CREATE (:Pipelined {n: $n, seen: seen})",
                            Map.of("n", n)));
        }

        run(statements);

        assertThat(count("MATCH (p:Pipelined) WHERE p.seen <> p.n RETURN count(p) AS c")).isZero();
        assertThat(count("MATCH (p:Pipelined) RETURN count(p) AS c")).isEqualTo(40);
    }

    @Test
    void aFailingStatementFailsTheBatchWithItsOwnError() {
        List<CypherBatch.Statement> statements =
                List.of(
                        statement("CREATE (:Pipelined {n: 1})", Map.of()),
                        statement("CREATE (:Pipelined {n: 2 / $zero})", Map.of("zero", 0)),
                        statement("CREATE (:Pipelined {n: 3})", Map.of()),
                        statement("CREATE (:Pipelined {n: 4})", Map.of()));

        assertThatThrownBy(() -> run(statements))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(ClientException.class)
                .satisfies(
                        e ->
                                assertThat(((ClientException) e).code())
                                        .isEqualTo("Neo.ClientError.Statement.ArithmeticError"));
        assertThat(count("MATCH (p:Pipelined) RETURN count(p) AS c")).isZero();
    }

    private static void run(List<CypherBatch.Statement> statements) {
        AsyncSession session = driver.session(AsyncSession.class);
        try {
            session.executeWriteAsync(tx -> Neo4jBatchClient.runAll(tx, statements))
                    .toCompletableFuture()
                    .join();
        } finally {
            session.closeAsync().toCompletableFuture().join();
        }
    }

    private static long count(String cypher) {
        return Neo4jTestSupport.query(driver, cypher, Map.of()).get(0).get("c").asLong();
    }

    private static CypherBatch.Statement statement(String query, Map<String, Object> parameters) {
        return new CypherBatch.Statement(query, parameters, 1);
    }
}
