package dev.memorygraph.elasticsearch.server;

import dev.memorygraph.childjvm.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Elasticsearch 8.19 node in a child JVM, for tests and local runs.
 *
 * <p>The node's classpath was resolved when this module was built (its Lucene must not meet
 * Neo4j's), so callers only need this module's jar and {@code memory-graph-child-jvm}. Loopback,
 * free ports unless fixed, no security (the node has no x-pack), data under {@code home}. The node
 * has the server's own analysis only ({@code standard} and the like): the {@code analysis-common}
 * module (language analysers, synonym filters) is not published to Maven. The child stops on {@link
 * #close()} or when this JVM exits in any way.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "elasticsearch-server.classpath";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private static EmbeddedElasticsearch shared;

    private final Path home;
    private final int httpPort;
    private final boolean deleteOnClose;
    private final ChildJvm process;

    private EmbeddedElasticsearch(
            Path home, int httpPort, boolean deleteOnClose, ChildJvm process) {
        this.home = home;
        this.httpPort = httpPort;
        this.deleteOnClose = deleteOnClose;
        this.process = process;
    }

    /** Starts a node with its data under {@code home}; port 0 picks a free one. */
    public static EmbeddedElasticsearch start(Path home, int httpPort, boolean deleteOnClose)
            throws IOException {
        Path dir = home.toAbsolutePath();
        Files.createDirectories(dir.resolve("config"));
        int http = httpPort > 0 ? httpPort : ChildJvm.freePort();
        int transport = ChildJvm.freePort();
        URI uri = URI.create("http://127.0.0.1:" + http);
        ChildJvm process =
                ChildJvm.start(
                        "Elasticsearch",
                        ElasticsearchServerMain.class.getName(),
                        ChildJvm.classpath(EmbeddedElasticsearch.class, CLASSPATH_RESOURCE),
                        List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC"),
                        List.of(dir.toString(), String.valueOf(http), String.valueOf(transport)),
                        dir.resolve("logs").resolve("console.log"),
                        START_TIMEOUT,
                        ChildJvm.httpOk(uri.resolve("/_cluster/health?wait_for_status=yellow")));
        return new EmbeddedElasticsearch(dir, http, deleteOnClose, process);
    }

    /**
     * One node for the whole test JVM, in a temporary directory, started on first use and stopped
     * when the JVM exits. Tests that share it use their own index names.
     */
    public static synchronized EmbeddedElasticsearch shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("memory-graph-elasticsearch-"), 0, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedElasticsearch node = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "elasticsearch-stop"));
        }
        return shared;
    }

    /** The HTTP endpoint, e.g. {@code http://127.0.0.1:9200}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The node's config directory, where {@code synonyms_path} files are looked up. */
    public Path configDir() {
        return home.resolve("config");
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
        if (deleteOnClose) {
            ChildJvm.deleteRecursively(home);
        }
    }
}
