package dev.memorygraph.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A local stand-in for the LLM Data Vault's {@code POST /v1/secrets} (spec §5.3), with {@code GET}
 * and {@code DELETE /v1/secrets/{id}} for erasure, over HTTPS that requires a client certificate
 * signed by the {@link TestPki} CA. It keeps what it received, and can answer 503 a number of
 * times, or 403 always.
 */
public final class LocalDataVault implements AutoCloseable {

    /** One stored secret, decoded. */
    public record Secret(
            String id, String text, String tenantId, JsonNode metadata, String authorization) {}

    private final HttpsServer server;
    private final List<Secret> secrets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean refuse;

    public LocalDataVault(TestPki pki) throws Exception {
        SSLContext ssl = sslContext(pki);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(
                new HttpsConfigurator(ssl) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = ssl.getDefaultSSLParameters();
                        p.setNeedClientAuth(true);
                        params.setSSLParameters(p);
                    }
                });
        ObjectMapper mapper = new ObjectMapper();
        server.createContext(
                "/v1/secrets",
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    if (path.startsWith("/v1/secrets/")) {
                        // GET (does it exist) and DELETE of one secret, for erasure
                        String id = path.substring("/v1/secrets/".length());
                        requests.incrementAndGet();
                        boolean found = secrets.stream().anyMatch(x -> x.id().equals(id));
                        if (found && exchange.getRequestMethod().equals("DELETE")) {
                            secrets.removeIf(x -> x.id().equals(id));
                        }
                        exchange.sendResponseHeaders(found ? 204 : 404, -1);
                        exchange.close();
                        return;
                    }
                    JsonNode body = mapper.readTree(exchange.getRequestBody());
                    int n = requests.incrementAndGet();
                    int status;
                    String answer = "{}";
                    if (refuse) {
                        status = 403;
                    } else if (failuresLeft.getAndUpdate(x -> Math.max(0, x - 1)) > 0) {
                        status = 503;
                    } else {
                        String id = "secret-" + n;
                        secrets.add(
                                new Secret(
                                        id,
                                        new String(
                                                Base64.getDecoder()
                                                        .decode(body.path("data").asText()),
                                                StandardCharsets.UTF_8),
                                        body.path("tenantId").asText(null),
                                        body.path("metadata"),
                                        exchange.getRequestHeaders().getFirst("Authorization")));
                        status = 201;
                        answer = "{\"secretId\":\"" + id + "\",\"version\":1}";
                    }
                    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
        server.start();
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Secret> secrets() {
        return List.copyOf(secrets);
    }

    public int requests() {
        return requests.get();
    }

    /** Answers 503 to the next {@code n} requests. */
    public void failNext(int n) {
        failuresLeft.set(n);
    }

    /** Answers 403 from now on. */
    public void refuseAll() {
        refuse = true;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static SSLContext sslContext(TestPki pki) throws Exception {
        char[] password = TestPki.PASSWORD.toCharArray();
        KeyManagerFactory keys =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(pki.serverStore, password), password);
        TrustManagerFactory trust =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(pki.trustStore, password));
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return ssl;
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
