package dev.memorygraph.neo4j.server;

import java.io.IOException;
import java.io.InputStream;
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
        Thread watchdog = new Thread(Neo4jServerMain::exitWhenParentGone, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        CommunityEntryPoint.main(args);
    }

    private static void exitWhenParentGone() {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; keep reading until end of input
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of input
        }
        System.exit(0);
    }
}
