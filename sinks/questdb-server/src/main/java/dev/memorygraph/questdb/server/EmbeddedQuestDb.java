package dev.memorygraph.questdb.server;

import dev.memorygraph.childjvm.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real QuestDB 9.3 server in a child JVM, for tests and local runs: it accepts InfluxDB line
 * protocol on the InfluxDB v2 write API ({@code POST /api/v2/write}), which is what the InfluxDB
 * sink speaks, and answers SQL on {@code /exec} for reading points back. Loopback only, free ports,
 * no telemetry, data under {@code home}.
 */
public final class EmbeddedQuestDb implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "questdb-server.classpath";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    private static EmbeddedQuestDb shared;

    private final Path home;
    private final int httpPort;
    private final boolean deleteOnClose;
    private final ChildJvm process;

    private EmbeddedQuestDb(Path home, int httpPort, boolean deleteOnClose, ChildJvm process) {
        this.home = home;
        this.httpPort = httpPort;
        this.deleteOnClose = deleteOnClose;
        this.process = process;
    }

    /** Starts a server with its data under {@code home}; port 0 picks a free one. */
    public static EmbeddedQuestDb start(Path home, int httpPort, boolean deleteOnClose)
            throws IOException {
        Path dir = home.toAbsolutePath();
        Files.createDirectories(dir);
        int http = httpPort > 0 ? httpPort : ChildJvm.freePort();
        URI uri = URI.create("http://127.0.0.1:" + http);
        ChildJvm process =
                ChildJvm.start(
                        "QuestDB",
                        QuestDbServerMain.class.getName(),
                        ChildJvm.classpath(EmbeddedQuestDb.class, CLASSPATH_RESOURCE),
                        List.of("-Xmx256m"),
                        List.of("-d", dir.toString()),
                        Map.of(
                                "QDB_HTTP_BIND_TO", "127.0.0.1:" + http,
                                "QDB_HTTP_MIN_NET_BIND_TO", "127.0.0.1:" + ChildJvm.freePort(),
                                "QDB_LINE_TCP_NET_BIND_TO", "127.0.0.1:" + ChildJvm.freePort(),
                                "QDB_LINE_UDP_ENABLED", "false",
                                "QDB_PG_NET_BIND_TO", "127.0.0.1:" + ChildJvm.freePort(),
                                "QDB_TELEMETRY_ENABLED", "false"),
                        dir.resolve("console.log"),
                        START_TIMEOUT,
                        ChildJvm.httpOk(uri.resolve("/ping")));
        return new EmbeddedQuestDb(dir, http, deleteOnClose, process);
    }

    /** One server for the whole test JVM, in a temporary directory, stopped when the JVM exits. */
    public static synchronized EmbeddedQuestDb shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("memory-graph-questdb-"), 0, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedQuestDb server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "questdb-stop"));
        }
        return shared;
    }

    /** The HTTP endpoint: {@code /api/v2/write} for line protocol, {@code /exec} for SQL. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /**
     * Runs {@code query} on {@code /exec} and returns QuestDB's JSON answer as it is (its {@code
     * dataset} holds the rows, an {@code error} field what went wrong).
     */
    public String sql(String query) throws IOException, InterruptedException {
        URI exec = uri().resolve("/exec?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(exec).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Override
    public void close() {
        process.close();
        if (deleteOnClose) {
            ChildJvm.deleteRecursively(home);
        }
    }
}
