package dev.memorygraph.operators.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.core.retry.HttpRetry;
import dev.memorygraph.model.UserInfo;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The user directory's REST contract (the spec names an auth service but gives none; ours is in the
 * README, *Stage 6*): {@code GET {user.url}/v1/users/{userId}} with {@code Authorization: Bearer
 * <key>} answers {@code 200} with {@code {"userId", "tenantId", "orgId", "attributes": {name:
 * string}}} or {@code 404} for a user it does not know. Connection failures, timeouts, 429 and 5xx
 * are retried on {@code user.retry.*}; other answers are final.
 */
public final class UserDirectoryClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The directory answered something this contract does not allow. */
    public static final class BadAnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        BadAnswerException(String message) {
            super(message);
        }
    }

    private final UserDirectorySettings settings;
    private final HttpRetry http;
    private final String authorization;

    public UserDirectoryClient(UserDirectorySettings settings) throws IOException {
        this.settings = settings;
        this.http =
                new HttpRetry(
                        HttpClient.newBuilder().connectTimeout(settings.timeout()).build(),
                        settings.retry(),
                        "user directory");
        this.authorization =
                settings.apiKeyFile() == null
                        ? null
                        : "Bearer " + Files.readString(Path.of(settings.apiKeyFile())).strip();
    }

    /**
     * The user, empty when the directory does not know them; fails when it cannot answer (after the
     * retries) or answers outside the contract. Messages never carry the user id or the answer.
     */
    public CompletableFuture<Optional<UserInfo>> lookUp(String userId) {
        String base = settings.url().endsWith("/") ? settings.url() : settings.url() + "/";
        HttpRequest.Builder request =
                HttpRequest.newBuilder(
                                URI.create(
                                        base
                                                + "v1/users/"
                                                + URLEncoder.encode(userId, StandardCharsets.UTF_8)
                                                        .replace("+", "%20")))
                        .timeout(settings.timeout())
                        .header("Accept", "application/json")
                        .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build())
                .thenCompose(
                        response -> {
                            int status = response.statusCode();
                            if (status == 404) {
                                return CompletableFuture.completedFuture(Optional.empty());
                            }
                            if (status != 200) {
                                return CompletableFuture.failedFuture(
                                        new BadAnswerException(
                                                "user directory answered HTTP " + status));
                            }
                            try {
                                return CompletableFuture.completedFuture(
                                        Optional.of(parse(userId, response.body())));
                            } catch (IOException e) {
                                return CompletableFuture.failedFuture(e);
                            }
                        });
    }

    UserInfo parse(String userId, String body) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new BadAnswerException("user directory answered malformed JSON");
        }
        if (json == null || !json.isObject()) {
            throw new BadAnswerException("user directory answered no JSON object");
        }
        ObjectNode kept = JSON.createObjectNode();
        JsonNode attributes = json.path("attributes");
        for (String name : settings.graphAttributes()) {
            JsonNode value = attributes.get(name);
            if (value != null && value.isValueNode() && !value.isNull()) {
                kept.put(name, value.asText());
            }
        }
        return new UserInfo(
                userId,
                text(json, "tenantId"),
                text(json, "orgId"),
                kept.isEmpty() ? null : JSON.writeValueAsString(kept),
                UserInfo.SOURCE_DIRECTORY);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }
}
