package dev.memorygraph.neo4j.server;

import dev.memorygraph.childjvm.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Neo4j 5.26 Community server in a child JVM, for tests and local runs.
 *
 * <p>The server's classpath was resolved when this module was built (it needs Netty 4.1, which must
 * not meet the job's Netty 4.2), so callers only need this module's jar. Ports are free loopback
 * ports unless fixed; authentication is off; data lives under {@code home}. The child stops when
 * {@link #close()} is called or when this JVM exits in any way (see {@link Neo4jServerMain}).
 *
 * <pre>{@code
 * try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder(dir).start()) {
 *     Driver driver = GraphDatabase.driver(neo4j.boltUri());
 * }
 * }</pre>
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "neo4j-server.classpath";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static EmbeddedNeo4j shared;

    private final Path home;
    private final int boltPort;
    private final int httpPort;
    private final boolean deleteOnClose;
    private final ChildJvm process;

    private EmbeddedNeo4j(
            Path home, int boltPort, int httpPort, boolean deleteOnClose, ChildJvm process) {
        this.home = home;
        this.boltPort = boltPort;
        this.httpPort = httpPort;
        this.deleteOnClose = deleteOnClose;
        this.process = process;
    }

    public static Builder builder(Path home) {
        return new Builder(home);
    }

    /**
     * One server for the whole test JVM, in a temporary directory, started on first use and stopped
     * when the JVM exits. Tests that share it must not depend on an empty database.
     */
    public static synchronized EmbeddedNeo4j shared() {
        if (shared == null) {
            try {
                Path home = Files.createTempDirectory("memory-graph-neo4j-");
                // Tests see lock waits fail (a transient error) instead of blocking forever.
                shared =
                        builder(home)
                                .setting("db.lock.acquisition.timeout", "2s")
                                .deleteOnClose(true)
                                .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedNeo4j server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "neo4j-stop"));
        }
        return shared;
    }

    public URI boltUri() {
        return URI.create("bolt://127.0.0.1:" + boltPort);
    }

    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public Path home() {
        return home;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 30 s) and deletes its data if asked to. */
    @Override
    public void close() {
        process.close();
        if (deleteOnClose) {
            ChildJvm.deleteRecursively(home);
        }
    }

    /** Configures and starts an {@link EmbeddedNeo4j}. */
    public static final class Builder {
        private final Path home;
        private int boltPort;
        private int httpPort;
        private String heap = "512m";
        private String pageCache = "128m";
        private boolean deleteOnClose;
        private final java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();

        private Builder(Path home) {
            this.home = home.toAbsolutePath();
        }

        /** Bolt port; 0 (the default) picks a free one. */
        public Builder boltPort(int port) {
            this.boltPort = port;
            return this;
        }

        /** HTTP port (Query API, discovery); 0 (the default) picks a free one. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** Maximum heap of the server JVM, e.g. {@code 512m}. */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** Page cache size, e.g. {@code 128m}. */
        public Builder pageCache(String pageCache) {
            this.pageCache = pageCache;
            return this;
        }

        /** Any other {@code neo4j.conf} setting, e.g. {@code db.lock.acquisition.timeout}. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        public Builder deleteOnClose(boolean deleteOnClose) {
            this.deleteOnClose = deleteOnClose;
            return this;
        }

        /** Starts the server and waits until it answers over HTTP. */
        public EmbeddedNeo4j start() throws IOException {
            int bolt = boltPort > 0 ? boltPort : ChildJvm.freePort();
            int http = httpPort > 0 ? httpPort : ChildJvm.freePort();
            Path conf = home.resolve("conf");
            Path logs = home.resolve("logs");
            Files.createDirectories(conf);
            Files.createDirectories(logs);
            Files.writeString(conf.resolve("neo4j.conf"), config(bolt, http));

            ChildJvm process =
                    ChildJvm.start(
                            "Neo4j",
                            Neo4jServerMain.class.getName(),
                            ChildJvm.classpath(EmbeddedNeo4j.class, CLASSPATH_RESOURCE),
                            List.of("-Xmx" + heap, "-XX:+UseParallelGC"),
                            List.of("--home-dir=" + home, "--config-dir=" + conf),
                            logs.resolve("console.log"),
                            START_TIMEOUT,
                            ChildJvm.httpOk(URI.create("http://127.0.0.1:" + http)));
            return new EmbeddedNeo4j(home, bolt, http, deleteOnClose, process);
        }

        private String config(int bolt, int http) {
            StringBuilder extra = new StringBuilder();
            settings.forEach((k, v) -> extra.append(k).append('=').append(v).append('\n'));
            return extra
                    + String.join(
                            "\n",
                            "server.directories.data=" + home.resolve("data"),
                            "server.directories.logs=" + home.resolve("logs"),
                            "server.default_listen_address=127.0.0.1",
                            "server.default_advertised_address=127.0.0.1",
                            "server.bolt.listen_address=127.0.0.1:" + bolt,
                            "server.bolt.advertised_address=127.0.0.1:" + bolt,
                            "server.http.listen_address=127.0.0.1:" + http,
                            "server.http.advertised_address=127.0.0.1:" + http,
                            "server.https.enabled=false",
                            "dbms.security.auth_enabled=false",
                            "dbms.usage_report.enabled=false",
                            "server.memory.heap.max_size=" + heap,
                            "server.memory.pagecache.size=" + pageCache,
                            "db.tx_log.rotation.retention_policy=1 files",
                            // Bolt otherwise waits ~10 s for Netty's quiet period on shutdown.
                            "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
                            "internal.dbms.bolt.netty_server_shutdown_timeout=1s",
                            "");
        }
    }
}
