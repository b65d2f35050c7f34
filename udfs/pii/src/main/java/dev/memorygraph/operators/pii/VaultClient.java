package dev.memorygraph.operators.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.core.retry.HttpRetry;
import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Client of the LLM Data Vault (spec §5.3): {@code POST /v1/secrets} with the text base64-encoded,
 * the tenant and metadata; answers {@code 201 {secretId, version}}. For erasure, {@code DELETE} and
 * {@code GET /v1/secrets/{id}} (REST on the spec's resource; the spec itself lists only the read).
 * Mutual TLS with a client certificate from a PKCS#12 key store, and a bearer key read from a file;
 * retries as {@link HttpRetry}. Exceptions name the failure, never the text or the key.
 */
public final class VaultClient {

    /** The vault answered, but refused the secret (4xx other than 429). */
    public static final class RejectedException extends IOException {
        private static final long serialVersionUID = 1L;

        RejectedException(int status) {
            super("Data Vault refused the secret: HTTP " + status);
        }
    }

    private final ObjectMapper mapper = EventJson.mapper();
    private final URI secrets;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpRetry http;

    VaultClient(
            URI baseUrl,
            String apiKey,
            SSLContext ssl,
            Duration requestTimeout,
            RetryPolicy retries) {
        this.secrets = baseUrl.resolve("/v1/secrets");
        this.authorization = "Bearer " + apiKey;
        this.requestTimeout = requestTimeout;
        HttpClient client =
                HttpClient.newBuilder()
                        .sslContext(ssl)
                        .connectTimeout(requestTimeout)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
        this.http = new HttpRetry(client, retries, "Data Vault");
    }

    /** The client {@code pii.vault.*} describes; {@link PiiOptions} has checked the settings. */
    public static VaultClient fromOptions(PiiOptions options) throws IOException {
        ReadableConfig config = options.config();
        String url = JobConfig.required(config, PiiOptions.VAULT_URL, "a vault policy is set");
        String keyFile =
                JobConfig.required(config, PiiOptions.VAULT_API_KEY_FILE, "a vault policy is set");
        return new VaultClient(
                URI.create(url),
                Files.readString(Path.of(keyFile), StandardCharsets.UTF_8).strip(),
                sslContext(
                        config.get(PiiOptions.VAULT_KEY_STORE),
                        config.get(PiiOptions.VAULT_KEY_STORE_PASSWORD_FILE),
                        config.get(PiiOptions.VAULT_TRUST_STORE),
                        config.get(PiiOptions.VAULT_TRUST_STORE_PASSWORD_FILE)),
                options.requestTimeout(),
                options.retries());
    }

    /** Stores {@code text}; completes with the secret id. */
    public CompletableFuture<String> store(
            String text, String tenantId, Map<String, Object> metadata) {
        ObjectNode body = mapper.createObjectNode();
        body.put("data", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        body.put("tenantId", tenantId);
        body.set("metadata", mapper.valueToTree(metadata));
        HttpRequest request =
                HttpRequest.newBuilder(secrets)
                        .timeout(requestTimeout)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build();
        return http.send(request)
                .thenCompose(
                        response -> {
                            if (response.statusCode() != 201 && response.statusCode() != 200) {
                                return CompletableFuture.failedFuture(
                                        new RejectedException(response.statusCode()));
                            }
                            try {
                                JsonNode json = mapper.readTree(response.body());
                                String id = json.path("secretId").asText(null);
                                if (id == null || id.isBlank()) {
                                    return CompletableFuture.failedFuture(
                                            new IOException(
                                                    "Data Vault answered without secretId"));
                                }
                                return CompletableFuture.completedFuture(id);
                            } catch (IOException e) {
                                return CompletableFuture.failedFuture(
                                        new IOException("Data Vault answered unreadable JSON"));
                            }
                        });
    }

    /**
     * Deletes a secret ({@code DELETE /v1/secrets/{id}}, for the erasure of a user); completes
     * {@code true} when it was deleted, {@code false} when the vault no longer had it.
     */
    public CompletableFuture<Boolean> delete(String secretId) {
        return exchange(
                HttpRequest.newBuilder(secret(secretId))
                        .timeout(requestTimeout)
                        .header("Authorization", authorization)
                        .DELETE()
                        .build(),
                "deleted");
    }

    /** Whether the vault still holds a secret ({@code GET /v1/secrets/{id}}, body discarded). */
    public CompletableFuture<Boolean> exists(String secretId) {
        return exchange(
                HttpRequest.newBuilder(secret(secretId))
                        .timeout(requestTimeout)
                        .header("Authorization", authorization)
                        .GET()
                        .build(),
                "read");
    }

    private URI secret(String secretId) {
        return URI.create(
                secrets + "/" + java.net.URLEncoder.encode(secretId, StandardCharsets.UTF_8));
    }

    /** 2xx: {@code true}; 404: {@code false}; anything else refused. */
    private CompletableFuture<Boolean> exchange(HttpRequest request, String what) {
        return http.send(request)
                .thenCompose(
                        response -> {
                            int status = response.statusCode();
                            if (status >= 200 && status < 300) {
                                return CompletableFuture.completedFuture(true);
                            }
                            if (status == 404) {
                                return CompletableFuture.completedFuture(false);
                            }
                            return CompletableFuture.failedFuture(new RejectedException(status));
                        });
    }

    /** TLS with an optional client key store and an optional trust store, both PKCS#12. */
    static SSLContext sslContext(
            String keyStore,
            String keyStorePasswordFile,
            String trustStore,
            String trustPasswordFile)
            throws IOException {
        try {
            KeyManagerFactory keys = null;
            if (keyStore != null) {
                char[] password = password(keyStorePasswordFile);
                KeyStore store = load(keyStore, password);
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
            }
            TrustManagerFactory trust = null;
            if (trustStore != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(trustStore, password(trustPasswordFile)));
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(
                    keys == null ? null : keys.getKeyManagers(),
                    trust == null ? null : trust.getTrustManagers(),
                    null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    "Cannot set up TLS for the Data Vault: " + e.getClass().getSimpleName(), e);
        }
    }

    private static char[] password(String file) throws IOException {
        return file == null
                ? new char[0]
                : Files.readString(Path.of(file), StandardCharsets.UTF_8).strip().toCharArray();
    }

    private static KeyStore load(String file, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            store.load(in, password);
        }
        return store;
    }
}
