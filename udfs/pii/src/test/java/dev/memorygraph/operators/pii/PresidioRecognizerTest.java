package dev.memorygraph.operators.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.memorygraph.core.retry.HttpRetry;
import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.EventJson;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PresidioRecognizer} against a local HTTP server that answers as Presidio Analyzer's
 * documented {@code POST /analyze} does (a JSON array of recognizer results).
 */
class PresidioRecognizerTest {

    HttpServer server;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void mapsPresidioEntitiesToOurTypes() throws Exception {
        start(
                200,
                """
                [{"entity_type":"PERSON","start":0,"end":10,"score":0.85,
                  "analysis_explanation":null,"recognition_metadata":{"recognizer_name":"SpacyRecognizer"}},
                 {"entity_type":"ORGANIZATION","start":20,"end":29,"score":0.7},
                 {"entity_type":"LOCATION","start":33,"end":39,"score":0.85},
                 {"entity_type":"DATE_TIME","start":40,"end":45,"score":0.85}]
                """);
        String text = "Jane Smith works at Microsoft in Berlin today.";

        List<PiiFinding> found = recognizer().recognize(text, "de").get();

        assertThat(found)
                .extracting(f -> f.type() + ":" + text.substring(f.start(), f.end()))
                .containsExactly("PERSON:Jane Smith", "ORG:Microsoft", "GPE:Berlin");
        JsonNode request = requests.get(0);
        assertThat(request.get("text").asText()).isEqualTo(text);
        assertThat(request.get("language").asText()).isEqualTo("en");
        assertThat(request.get("entities").toString())
                .contains("PERSON", "ORGANIZATION", "LOCATION");
    }

    @Test
    void failsAfterRetriesWhenTheServiceErrs() throws Exception {
        start(500, "{}");

        assertThatThrownBy(() -> recognizer().recognize("Jane", "en").get())
                .hasCauseInstanceOf(HttpRetry.UnavailableException.class);
        assertThat(requests).hasSize(3);
    }

    PresidioRecognizer recognizer() {
        return new PresidioRecognizer(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Set.of("en"),
                Duration.ofSeconds(5),
                RetryPolicy.of("test", Duration.ofMillis(10), 2.0, Duration.ofSeconds(1), 2, 0.0));
    }

    void start(int status, String answer) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/analyze",
                exchange -> {
                    requests.add(EventJson.mapper().readTree(exchange.getRequestBody()));
                    byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
    }
}
