package dev.memorygraph.neo4j.server;

import dev.memorygraph.childjvm.ChildJvm;
import org.neo4j.server.CommunityEntryPoint;

/**
 * Entry point of the child JVM that {@link EmbeddedNeo4j} starts: a Neo4j Community server that
 * stops when its parent goes away. The parent holds the child's standard input open for its whole
 * life; end of input (the parent exited, even by {@code kill -9}) stops the server, so a crashed
 * test run never leaves a database behind.
 */
public final class Neo4jServerMain {

    private Neo4jServerMain() {}

    public static void main(String[] args) {
        ChildJvm.exitWhenParentGone();
        CommunityEntryPoint.main(args);
    }
}
