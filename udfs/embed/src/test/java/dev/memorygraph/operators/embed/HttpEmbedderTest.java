package dev.memorygraph.operators.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.memorygraph.core.retry.HttpRetry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI-compatible and Cohere embedders against a local HTTP server that answers their request
 * and response shapes: the key as a bearer token, the model and dimensions sent, 429 backed off and
 * retried, a 400 on one text refused for that text only, an outage failing after its retries, and
 * nothing of the text or the key in any message.
 */
class HttpEmbedderTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    HttpServer server;
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<String> auth = new CopyOnWriteArrayList<>();
    final AtomicInteger limited = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/embeddings", exchange -> answer(exchange, false));
        server.createContext("/v1/embed", exchange -> answer(exchange, true));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, boolean cohere) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        bodies.add(body);
        auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
        String text = cohere ? body.path("texts").path(0).asText() : body.path("input").asText();
        if (text.contains("rate") && limited.getAndIncrement() == 0) {
            respond(exchange, 429, "{\"error\":{\"message\":\"slow down\"}}");
        } else if (text.contains("poison")) {
            respond(exchange, 400, "{\"error\":{\"message\":\"bad input: " + text + "\"}}");
        } else {
            String vector = "[0.6,0.8,0.0]";
            respond(
                    exchange,
                    200,
                    cohere
                            ? "{\"id\":\"x\",\"embeddings\":{\"float\":["
                                    + vector
                                    + "]},\"texts\":[]}"
                            : "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                                    + "\"embedding\":"
                                    + vector
                                    + "}],\"model\":\"m\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Embedder embedder(String provider, String model) throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "sk-test-123\n");
        Configuration config = new Configuration();
        config.setString("embedding.provider", provider);
        config.setString("embedding.url", "http://127.0.0.1:" + server.getAddress().getPort());
        config.setString("embedding.model", model);
        config.setString("embedding.dimension", "3");
        config.setString("embedding.api-key-file", key.toString());
        config.setString("embedding.retry.initial-backoff", "20ms");
        config.setString("embedding.retry.max-retries", "2");
        return EmbeddingOptions.fromConfig(config).embedder().create();
    }

    @Test
    void openAiShapeWithTheKeyModelAndDimensions() throws Exception {
        try (Embedder embedder = embedder("openai", "text-embedding-3-small")) {
            assertThat(embedder.embed("hello").get()).containsExactly(0.6f, 0.8f, 0.0f);
        }
        assertThat(auth).containsExactly("Bearer sk-test-123");
        assertThat(bodies.get(0).path("model").asText()).isEqualTo("text-embedding-3-small");
        assertThat(bodies.get(0).path("input").asText()).isEqualTo("hello");
        assertThat(bodies.get(0).path("dimensions").asInt()).isEqualTo(3);
    }

    @Test
    void cohereShape() throws Exception {
        try (Embedder embedder = embedder("cohere", "embed-english-v3.0")) {
            assertThat(embedder.embed("hello").get()).containsExactly(0.6f, 0.8f, 0.0f);
        }
        assertThat(bodies.get(0).path("texts").path(0).asText()).isEqualTo("hello");
        assertThat(bodies.get(0).path("input_type").asText()).isEqualTo("search_document");
        assertThat(bodies.get(0).has("dimensions")).isFalse();
    }

    @Test
    void aRateLimitIsRetriedAndARefusedTextFailsAloneWithoutQuotingIt() throws Exception {
        try (Embedder embedder = embedder("openai", "text-embedding-3-small")) {
            assertThat(embedder.embed("rate limited once").get()).hasSize(3);
            assertThat(limited).hasValue(2);
            assertThatThrownBy(() -> embedder.embed("poison pill").get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(Embedder.RejectedTextException.class)
                    .satisfies(
                            e ->
                                    assertThat(e.getCause().getMessage())
                                            .contains("HTTP 400")
                                            .doesNotContain("poison"));
        }
    }

    @Test
    void anUnreachableProviderFailsAfterItsRetriesNamingNoSecret() throws Exception {
        Embedder embedder = embedder("openai", "text-embedding-3-small");
        server.stop(0);
        assertThatThrownBy(
                        () ->
                                embedder.embed("anything")
                                        .get(30, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(HttpRetry.UnavailableException.class)
                .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain("sk-test"));
        embedder.close();
    }

    @Test
    void optionsAreCheckedNamingTheKey() {
        Configuration config = new Configuration();
        config.setString("embedding.dimension", "128");
        assertThatThrownBy(() -> EmbeddingOptions.fromConfig(config))
                .hasMessageContaining("embedding.dimension")
                .hasMessageContaining("384");
        Configuration http = new Configuration();
        http.setString("embedding.provider", "openai");
        assertThatThrownBy(() -> EmbeddingOptions.fromConfig(http))
                .hasMessageContaining("embedding.url");
        http.setString("embedding.url", "http://localhost:1");
        http.setString("embedding.model", "m");
        assertThatThrownBy(() -> EmbeddingOptions.fromConfig(http))
                .hasMessageContaining("embedding.dimension");
        http.setString("embedding.dimension", "3");
        http.setString("embedding.api-key-file", "/no/such/file");
        assertThatThrownBy(() -> EmbeddingOptions.fromConfig(http))
                .hasMessageContaining("embedding.api-key-file");
        assertThat(Duration.ofHours(24)).isEqualTo(EmbeddingOptions.CACHE_TTL.defaultValue());
    }
}
