package dev.memorygraph.sinks.neo4j.internal;

import dev.memorygraph.sinks.base.Classification;
import dev.memorygraph.sinks.base.FailureClassifier;
import org.apache.flink.annotation.Internal;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.FatalDiscoveryException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.SecurityException;

/**
 * Neo4j failures by the driver's exception types and the server's status codes ({@code
 * Neo.<Classification>.<Category>.<Title>}):
 *
 * <ul>
 *   <li>lock contention ({@code DeadlockDetected}, lock acquisition timeouts, a lock client stopped
 *       by a deadlock victim): retry after the short contention schedule;
 *   <li>any other {@link RetryableException} (transient errors, lost connections, a cluster leader
 *       switch, an expired authorization), a client-side transaction timeout, and driver errors
 *       without a status code (a pool that had no free connection in time): retry;
 *   <li>authentication, permissions, an unknown database, and statements the server cannot run at
 *       all (syntax, missing parameter or procedure: the same for every record): fail the job;
 *   <li>any other client error (a constraint, a value the server refuses) and database errors
 *       raised by the data (a property too large to index): the mutation is rejected.
 * </ul>
 *
 * <p>Codes, never messages, go into the verdict: a Neo4j message may quote property values.
 */
@Internal
public final class Neo4jFailureClassifier implements FailureClassifier {

    private static final long serialVersionUID = 1L;

    @Override
    public Classification classify(Throwable error) {
        String code = code(error);
        if (isContention(code)) {
            return Classification.retryContention(code);
        }
        if (error instanceof RetryableException) {
            return Classification.retry(code);
        }
        if (error instanceof AuthenticationException
                || error instanceof SecurityException
                || error instanceof FatalDiscoveryException
                || code.startsWith("Neo.ClientError.Security.")
                || code.equals("Neo.ClientError.Database.DatabaseNotFound")
                || code.equals("Neo.ClientError.Statement.SyntaxError")
                || code.equals("Neo.ClientError.Statement.ParameterMissing")
                || code.equals("Neo.ClientError.Procedure.ProcedureNotFound")) {
            return Classification.fail(code);
        }
        if (error instanceof ClientException) {
            if (!hasStatusCode(error)
                    || code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")
                    || code.equals("Neo.ClientError.Cluster.NotALeader")) {
                return Classification.retry(code);
            }
            return Classification.reject(code);
        }
        if (error instanceof DatabaseException) {
            return Classification.reject(code);
        }
        // Not a server verdict on the data (a driver bug, an interrupted I/O thread): do not guess
        // that the data is at fault; restart from the checkpoint.
        return Classification.fail(code);
    }

    private static boolean isContention(String code) {
        return code.equals("Neo.TransientError.Transaction.DeadlockDetected")
                || code.equals("Neo.TransientError.Transaction.LockAcquisitionTimeout")
                || code.equals("Neo.TransientError.Transaction.LockClientStopped");
    }

    private static boolean hasStatusCode(Throwable error) {
        return error instanceof Neo4jException neo4j
                && neo4j.code() != null
                && neo4j.code().startsWith("Neo.");
    }

    /** The Neo4j status code, or the exception class: never the message, which may quote data. */
    public static String code(Throwable error) {
        return hasStatusCode(error) ? ((Neo4jException) error).code() : error.getClass().getName();
    }
}
