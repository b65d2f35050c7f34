package dev.memorygraph.operators.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memorygraph.core.retry.HttpRetry;
import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * NER through a Presidio Analyzer service ({@code POST /analyze}, spaCy-backed in production):
 * request {@code {text, language, entities, score_threshold}}, answer a list of {@code
 * {entity_type, start, end, score}}. {@code PERSON} stays, {@code ORGANIZATION} becomes {@code
 * ORG}, {@code LOCATION} and {@code GPE} become {@code GPE}; other types are ignored (the pattern
 * detectors cover them). Languages Presidio is not configured for are sent as {@code en}.
 */
public final class PresidioRecognizer implements NamedEntityRecognizer {

    private static final List<String> ENTITIES =
            List.of("PERSON", "ORGANIZATION", "LOCATION", "GPE");

    private final ObjectMapper mapper = EventJson.mapper();
    private final URI analyze;
    private final Set<String> languages;
    private final Duration requestTimeout;
    private final HttpRetry http;

    public PresidioRecognizer(
            URI baseUrl, Set<String> languages, Duration requestTimeout, RetryPolicy retries) {
        this.analyze = baseUrl.resolve("/analyze");
        this.languages = languages;
        this.requestTimeout = requestTimeout;
        this.http =
                new HttpRetry(
                        HttpClient.newBuilder().connectTimeout(requestTimeout).build(),
                        retries,
                        "Presidio Analyzer");
    }

    @Override
    public CompletableFuture<List<PiiFinding>> recognize(String text, String language) {
        if (text == null || text.isBlank()) {
            return CompletableFuture.completedFuture(List.of());
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("text", text);
        body.put("language", language != null && languages.contains(language) ? language : "en");
        body.set("entities", mapper.valueToTree(ENTITIES));
        body.put("score_threshold", 0.5);
        HttpRequest request =
                HttpRequest.newBuilder(analyze)
                        .timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build();
        return http.send(request)
                .thenCompose(
                        response -> {
                            if (response.statusCode() != 200) {
                                return CompletableFuture.failedFuture(
                                        new IOException(
                                                "Presidio Analyzer answered HTTP "
                                                        + response.statusCode()));
                            }
                            try {
                                return CompletableFuture.completedFuture(
                                        findings(mapper.readTree(response.body()), text.length()));
                            } catch (IOException e) {
                                return CompletableFuture.failedFuture(
                                        new IOException(
                                                "Presidio Analyzer answered unreadable JSON"));
                            }
                        });
    }

    private static List<PiiFinding> findings(JsonNode results, int length) {
        List<PiiFinding> out = new ArrayList<>();
        for (JsonNode r : results) {
            PiiType type =
                    switch (r.path("entity_type").asText()) {
                        case "PERSON" -> PiiType.PERSON;
                        case "ORGANIZATION", "ORG" -> PiiType.ORG;
                        case "LOCATION", "GPE" -> PiiType.GPE;
                        default -> null;
                    };
            int start = r.path("start").asInt(-1);
            int end = r.path("end").asInt(-1);
            if (type != null && start >= 0 && end > start && end <= length) {
                out.add(new PiiFinding(type, start, end, r.path("score").asDouble(0.5)));
            }
        }
        return out;
    }
}
