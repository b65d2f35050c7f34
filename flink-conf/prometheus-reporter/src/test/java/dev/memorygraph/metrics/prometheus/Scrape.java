package dev.memorygraph.metrics.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a reporter's endpoint over HTTP, parsed just enough to assert on. */
record Scrape(int status, Optional<String> contentType, String body) {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Pattern SAMPLE =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");

    /** A sample line: metric name, labels (escapes resolved) and the value as written. */
    record Sample(String name, Map<String, String> labels, String value) {}

    /** {@code GET http://127.0.0.1:<port>/metrics}. */
    static Scrape metrics(int port) {
        return get(port, "/metrics");
    }

    static Scrape get(int port, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    static HttpResponse<byte[]> raw(HttpRequest.Builder request) {
        try {
            return CLIENT.send(
                    request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Scrape send(HttpRequest.Builder request) {
        HttpResponse<byte[]> response = raw(request);
        return new Scrape(
                response.statusCode(),
                response.headers().firstValue("Content-Type"),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return body.lines().toList();
    }

    /**
     * Every sample line, parsed.
     *
     * @throws IllegalStateException on a line that is neither a comment nor a sample, so that an
     *     unparseable exposition fails the test that reads it
     */
    List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            Matcher matcher = SAMPLE.matcher(line);
            if (!matcher.matches()) {
                throw new IllegalStateException("Not a sample line: " + line);
            }
            String labels = matcher.group(2);
            samples.add(
                    new Sample(
                            matcher.group(1),
                            labels == null ? Map.of() : parseLabels(labels, line),
                            matcher.group(3)));
        }
        return samples;
    }

    /** The samples called {@code name} whose labels include all of {@code labels}. */
    List<Sample> samples(String name, Map<String, String> labels) {
        return samples().stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    private static Map<String, String> parseLabels(String text, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf("=\"", i);
            if (equals < 0) {
                throw new IllegalStateException("Malformed labels: " + line);
            }
            String name = text.substring(i, equals);
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            for (; j < text.length() && text.charAt(j) != '"'; j++) {
                char c = text.charAt(j);
                if (c == '\\') {
                    char escaped = text.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            if (j >= text.length()) {
                throw new IllegalStateException("Unterminated label value: " + line);
            }
            if (labels.put(name, value.toString()) != null) {
                throw new IllegalStateException("Label " + name + " twice: " + line);
            }
            i = j + 1;
            if (i < text.length()) {
                if (text.charAt(i) != ',') {
                    throw new IllegalStateException("Malformed labels: " + line);
                }
                i++;
            }
        }
        return labels;
    }
}
