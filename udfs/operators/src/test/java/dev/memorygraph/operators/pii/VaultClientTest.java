package dev.memorygraph.operators.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.memorygraph.model.EventJson;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link VaultClient} against a real HTTPS server that requires a client certificate. */
class VaultClientTest {

    @TempDir static Path dir;
    static TestPki pki;

    HttpsServer server;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeAll
    static void certificates() throws Exception {
        pki = new TestPki(dir);
        Files.writeString(dir.resolve("api-key.txt"), "vault-key-123\n");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void storesTheTextWithMutualTlsAndTheBearerKey() throws Exception {
        startServer();
        VaultClient client = client(pki.clientStore);

        String id =
                client.store("Call Jane at +1 415-555-2671", "acme", Map.of("type", "prompt"))
                        .get();

        assertThat(id).isEqualTo("secret-1");
        assertThat(authorizations).containsExactly("Bearer vault-key-123");
        JsonNode body = received.get(0);
        assertThat(
                        new String(
                                Base64.getDecoder().decode(body.get("data").asText()),
                                StandardCharsets.UTF_8))
                .isEqualTo("Call Jane at +1 415-555-2671");
        assertThat(body.get("tenantId").asText()).isEqualTo("acme");
        assertThat(body.get("metadata").get("type").asText()).isEqualTo("prompt");
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws Exception {
        startServer();
        failuresLeft.set(2);

        String id = client(pki.clientStore).store("text", "acme", Map.of()).get();

        assertThat(id).isEqualTo("secret-3");
        assertThat(received).hasSize(3);
    }

    @Test
    void aCertificateTheServerDoesNotTrustNeverGetsThrough() throws Exception {
        startServer();

        assertThatThrownBy(
                        () ->
                                client(pki.strangerStore)
                                        .store("secret text", "acme", Map.of())
                                        .get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(HttpRetry.UnavailableException.class)
                .satisfies(
                        e -> assertThat(e.getCause().getMessage()).doesNotContain("secret text"));
        assertThat(received).isEmpty();
    }

    @Test
    void withoutAClientCertificateTheHandshakeFails() throws Exception {
        startServer();

        assertThatThrownBy(() -> client(null).store("text", "acme", Map.of()).get())
                .hasCauseInstanceOf(HttpRetry.UnavailableException.class);
        assertThat(received).isEmpty();
    }

    @Test
    void aServerThatIsDownFailsAfterTheRetries() throws Exception {
        startServer();
        int port = server.getAddress().getPort();
        server.stop(0);
        server = null;
        VaultClient client =
                new VaultClient(
                        URI.create("https://127.0.0.1:" + port),
                        "vault-key-123",
                        VaultClient.sslContext(
                                pki.clientStore.toString(),
                                pki.passwordFile.toString(),
                                pki.trustStore.toString(),
                                pki.passwordFile.toString()),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(10),
                        3);

        assertThatThrownBy(() -> client.store("text", "acme", Map.of()).get())
                .hasCauseInstanceOf(HttpRetry.UnavailableException.class)
                .hasMessageContaining("after 3 retries");
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        startServer();
        failuresLeft.set(-1); // answer 403

        assertThatThrownBy(() -> client(pki.clientStore).store("text", "acme", Map.of()).get())
                .hasCauseInstanceOf(VaultClient.RejectedException.class);
        assertThat(received).hasSize(1);
    }

    VaultClient client(Path keyStore) throws Exception {
        return new VaultClient(
                URI.create("https://127.0.0.1:" + server.getAddress().getPort()),
                "vault-key-123",
                VaultClient.sslContext(
                        keyStore == null ? null : keyStore.toString(),
                        pki.passwordFile.toString(),
                        pki.trustStore.toString(),
                        pki.passwordFile.toString()),
                Duration.ofSeconds(5),
                Duration.ofMillis(10),
                3);
    }

    void startServer() throws Exception {
        SSLContext ssl =
                VaultClient.sslContext(
                        pki.serverStore.toString(),
                        pki.passwordFile.toString(),
                        pki.trustStore.toString(),
                        pki.passwordFile.toString());
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
        AtomicInteger ids = new AtomicInteger();
        server.createContext(
                "/v1/secrets",
                exchange -> {
                    received.add(EventJson.mapper().readTree(exchange.getRequestBody()));
                    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                    int id = ids.incrementAndGet();
                    int left = failuresLeft.get();
                    byte[] body;
                    int status;
                    if (left < 0) {
                        status = 403;
                        body = "{}".getBytes(StandardCharsets.UTF_8);
                    } else if (left > 0) {
                        failuresLeft.decrementAndGet();
                        status = 503;
                        body = "{}".getBytes(StandardCharsets.UTF_8);
                    } else {
                        status = 201;
                        body =
                                ("{\"secretId\":\"secret-" + id + "\",\"version\":1}")
                                        .getBytes(StandardCharsets.UTF_8);
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
    }
}
