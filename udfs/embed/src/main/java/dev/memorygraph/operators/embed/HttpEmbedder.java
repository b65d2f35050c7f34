package dev.memorygraph.operators.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.core.retry.HttpRetry;
import dev.memorygraph.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An embedding provider over HTTP, one text per request, in one of two shapes:
 *
 * <ul>
 *   <li>{@link Api#OPENAI}: {@code POST <url>/v1/embeddings} {@code {"model", "input",
 *       ["dimensions"]}} → {@code data[0].embedding} (OpenAI and the servers that copy its API:
 *       vLLM, Ollama, LocalAI, Azure's compatible endpoint);
 *   <li>{@link Api#COHERE}: {@code POST <url>/v1/embed} {@code {"model", "texts": [text],
 *       "input_type": "search_document", "embedding_types": ["float"]}} → {@code
 *       embeddings.float[0]} (or {@code embeddings[0]} from servers that answer the older shape).
 * </ul>
 *
 * The key is read from its file when the embedder is created and sent as {@code Authorization:
 * Bearer}. Connection failures, timeouts, 429 and 5xx are retried on the shared {@link RetryPolicy}
 * ({@code embedding.retry.*}); any other 4xx is about this text and fails it with {@link
 * Embedder.RejectedTextException}, naming the status only. Exceptions never quote the text or the
 * key.
 */
public final class HttpEmbedder implements Embedder {

    /** The request and response shape. */
    public enum Api {
        OPENAI,
        COHERE
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final String key;
    private final HttpRetry http;
    private final URI endpoint;

    private HttpEmbedder(Settings settings) throws IOException {
        this.settings = settings;
        this.key =
                settings.apiKeyFile() == null
                        ? null
                        : Files.readString(Path.of(settings.apiKeyFile()), StandardCharsets.UTF_8)
                                .strip();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.http = new HttpRetry(client, settings.retries(), "embedding provider");
        String base = settings.url().endsWith("/") ? settings.url() : settings.url() + "/";
        this.endpoint =
                URI.create(base)
                        .resolve(settings.api() == Api.OPENAI ? "v1/embeddings" : "v1/embed");
    }

    /** What an HTTP embedder is configured with; {@code dimension} is what the model returns. */
    public record Settings(
            Api api,
            String url,
            String model,
            int dimension,
            boolean requestDimension,
            String apiKeyFile,
            Duration timeout,
            RetryPolicy retries)
            implements Serializable {}

    public static Factory factory(Settings settings) {
        return () -> new HttpEmbedder(settings);
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public int dimension() {
        return settings.dimension();
    }

    @Override
    public CompletableFuture<float[]> embed(String text) {
        ObjectNode body = JSON.createObjectNode().put("model", settings.model());
        if (settings.api() == Api.OPENAI) {
            body.put("input", text);
            if (settings.requestDimension()) {
                body.put("dimensions", settings.dimension());
            }
        } else {
            body.putArray("texts").add(text);
            body.put("input_type", "search_document");
            body.putArray("embedding_types").add("float");
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint)
                        .timeout(settings.timeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build()).thenApply(this::vector);
    }

    private float[] vector(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new CompletionException(
                    new RejectedTextException(
                            "the embedding provider refused a text: HTTP " + status));
        }
        JsonNode values;
        try {
            JsonNode json = JSON.readTree(response.body());
            values =
                    settings.api() == Api.OPENAI
                            ? json.path("data").path(0).path("embedding")
                            : json.path("embeddings").has("float")
                                    ? json.path("embeddings").path("float").path(0)
                                    : json.path("embeddings").path(0);
        } catch (IOException e) {
            throw new CompletionException(
                    new IOException("the embedding provider's answer is not JSON", e));
        }
        if (!values.isArray() || values.isEmpty()) {
            throw new CompletionException(
                    new IOException("the embedding provider's answer holds no vector"));
        }
        if (values.size() != settings.dimension()) {
            throw new CompletionException(
                    new IOException(
                            "the embedding provider returned "
                                    + values.size()
                                    + " dimensions, embedding.dimension is "
                                    + settings.dimension()));
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) values.get(i).asDouble();
        }
        return vector;
    }

    @Override
    public void close() {}
}
