package dev.memorygraph.s3.server;

import dev.memorygraph.childjvm.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3-compatible server in a child JVM, for tests and local runs: s3proxy 4.1 with
 * authorization off (any access key is accepted), path-style addressing, loopback only, on a free
 * port. Objects live on the file system under {@code home}, so a local run keeps its archives
 * between runs; storage classes ({@code GLACIER}, {@code DEEP_ARCHIVE}) are stored and returned,
 * but unlike Amazon S3 a {@code GET} of an archived object needs no restore.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "s3-server.classpath";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    private static EmbeddedS3 shared;

    private final Path home;
    private final int port;
    private final boolean deleteOnClose;
    private final ChildJvm process;

    private EmbeddedS3(Path home, int port, boolean deleteOnClose, ChildJvm process) {
        this.home = home;
        this.port = port;
        this.deleteOnClose = deleteOnClose;
        this.process = process;
    }

    /** Starts a server with its objects under {@code home}; port 0 picks a free one. */
    public static EmbeddedS3 start(Path home, int port, boolean deleteOnClose) throws IOException {
        Path dir = home.toAbsolutePath();
        Path blobs = dir.resolve("blobs");
        Files.createDirectories(blobs);
        int http = port > 0 ? port : ChildJvm.freePort();
        URI uri = URI.create("http://127.0.0.1:" + http);
        Path properties = dir.resolve("s3proxy.conf");
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "s3proxy.endpoint=" + uri,
                        "s3proxy.authorization=none",
                        "s3proxy.ignore-unknown-headers=true",
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + blobs,
                        "jclouds.identity=local",
                        "jclouds.credential=local",
                        ""),
                StandardCharsets.UTF_8);
        ChildJvm process =
                ChildJvm.start(
                        "s3proxy",
                        S3ProxyMain.class.getName(),
                        ChildJvm.classpath(EmbeddedS3.class, CLASSPATH_RESOURCE),
                        List.of("-Xmx256m"),
                        List.of("--properties", properties.toString()),
                        dir.resolve("console.log"),
                        START_TIMEOUT,
                        ChildJvm.httpOk(uri.resolve("/")));
        return new EmbeddedS3(dir, http, deleteOnClose, process);
    }

    /** One server for the whole test JVM, in a temporary directory, stopped when the JVM exits. */
    public static synchronized EmbeddedS3 shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("memory-graph-s3-"), 0, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedS3 server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3-stop"));
        }
        return shared;
    }

    /** The endpoint, for {@code endpointOverride} with path-style access. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.close();
        if (deleteOnClose) {
            ChildJvm.deleteRecursively(home);
        }
    }
}
