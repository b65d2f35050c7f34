package dev.memorygraph.metrics.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.PrimitiveIterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scrape endpoint: the JDK's HTTP server answering {@code GET /metrics} and {@code GET /} with
 * the current text exposition, gzip-compressed when the scraper accepts it (Prometheus does).
 */
final class MetricsHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds the first free port of {@code options} and starts serving {@code exposition}.
     *
     * @throws IllegalStateException if no port of the range is free
     */
    static MetricsHttpServer start(EndpointOptions options, Supplier<String> exposition) {
        HttpServer server = bindFirstFree(options);
        // One daemon thread: Prometheus scrapes a target one request at a time, and a daemon
        // thread cannot keep a task manager from shutting down.
        ExecutorService executor =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread thread = new Thread(task, "memory-graph-prometheus-http");
                            thread.setDaemon(true);
                            return thread;
                        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, exposition));
        server.start();
        LOG.info(
                "Serving Prometheus metrics on {}:{}.",
                options.host().orElse("*"),
                server.getAddress().getPort());
        return new MetricsHttpServer(server, executor);
    }

    private static HttpServer bindFirstFree(EndpointOptions options) {
        PrimitiveIterator.OfInt ports = options.ports().ports().iterator();
        while (ports.hasNext()) {
            int port = ports.nextInt();
            InetSocketAddress address =
                    options.host()
                            .map(host -> new InetSocketAddress(host, port))
                            .orElseGet(() -> new InetSocketAddress(port));
            if (address.isUnresolved()) {
                throw new IllegalStateException(
                        "Cannot resolve host " + options.host().get() + " to bind to.");
            }
            try {
                return HttpServer.create(address, 0);
            } catch (BindException e) {
                // Taken, most likely by another task manager on this host: try the next one.
                LOG.debug("Port {} is not free.", port);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on " + address + ".", e);
            }
        }
        throw new IllegalStateException(
                "None of the ports " + options.ports() + " is free for the Prometheus reporter.");
    }

    private static void handle(HttpExchange exchange, Supplier<String> exposition)
            throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals("/metrics")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try {
                body = exposition.get().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                LOG.warn("Rendering the metrics failed.", e);
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", TextFormat.CONTENT_TYPE);
            if (acceptsGzip(exchange)) {
                body = gzip(body);
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            if (head) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static boolean acceptsGzip(HttpExchange exchange) {
        return exchange.getRequestHeaders().getOrDefault("Accept-Encoding", List.of()).stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("gzip"));
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(body);
        }
        return buffer.toByteArray();
    }

    /** The port actually bound, which differs from the configured one for port 0. */
    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
