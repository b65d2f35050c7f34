package dev.memorygraph.sinks.neo4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.sinks.base.Classification;
import dev.memorygraph.sinks.base.WriteOutcome;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.AuthorizationExpiredException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.FatalDiscoveryException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

class Neo4jFailureClassifierTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                // contention: the short jittered schedule
                Arguments.of(
                        new TransientException(
                                "Neo.TransientError.Transaction.DeadlockDetected", "cycle"),
                        WriteOutcome.RETRY_CONTENTION),
                Arguments.of(
                        new TransientException(
                                "Neo.TransientError.Transaction.LockAcquisitionTimeout", "wait"),
                        WriteOutcome.RETRY_CONTENTION),
                // transient and unavailable: the 1 s, 2 s, 4 s schedule
                Arguments.of(
                        new TransientException(
                                "Neo.TransientError.General.DatabaseUnavailable", "down"),
                        WriteOutcome.RETRY),
                Arguments.of(new ServiceUnavailableException("no route"), WriteOutcome.RETRY),
                Arguments.of(new SessionExpiredException("leader gone"), WriteOutcome.RETRY),
                Arguments.of(
                        new AuthorizationExpiredException(
                                "Neo.ClientError.Security.AuthorizationExpired", "expired"),
                        WriteOutcome.RETRY),
                Arguments.of(
                        new ClientException("Unable to acquire connection from the pool"),
                        WriteOutcome.RETRY),
                Arguments.of(
                        new ClientException(
                                "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
                                "slow"),
                        WriteOutcome.RETRY),
                // the store refuses this data: poison
                Arguments.of(
                        new ClientException(
                                "Neo.ClientError.Schema.ConstraintValidationFailed", "dup"),
                        WriteOutcome.REJECT),
                Arguments.of(
                        new ClientException("Neo.ClientError.Statement.TypeError", "type"),
                        WriteOutcome.REJECT),
                Arguments.of(
                        new DatabaseException(
                                "Neo.DatabaseError.Statement.ExecutionFailed", "key too large"),
                        WriteOutcome.REJECT),
                // the store cannot be written at all: fail the job
                Arguments.of(
                        new AuthenticationException(
                                "Neo.ClientError.Security.Unauthorized", "bad password"),
                        WriteOutcome.FAIL),
                Arguments.of(
                        new ClientException("Neo.ClientError.Security.Forbidden", "no write"),
                        WriteOutcome.FAIL),
                Arguments.of(
                        new FatalDiscoveryException(
                                "Neo.ClientError.Database.DatabaseNotFound", "no such db"),
                        WriteOutcome.FAIL),
                Arguments.of(
                        new ClientException("Neo.ClientError.Statement.SyntaxError", "typo"),
                        WriteOutcome.FAIL),
                Arguments.of(new IOException("interrupted"), WriteOutcome.FAIL),
                Arguments.of(new IllegalStateException("driver closed"), WriteOutcome.FAIL));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void classifiesByTheDriversTypesAndStatusCodes(Throwable error, WriteOutcome expected) {
        Classification verdict = new Neo4jFailureClassifier().classify(error);

        assertThat(verdict.outcome()).isEqualTo(expected);
        // The code never carries the server's message, which may quote data.
        assertThat(verdict.code()).doesNotContain(error.getMessage());
    }
}
