package dev.memorygraph.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local user directory speaking the job's REST contract ({@code GET /v1/users/{id}} with a bearer
 * token; 200 with {@code userId}, {@code tenantId}, {@code orgId}, {@code attributes}, or 404), for
 * tests and the local run. Users come from a table or a rule; it counts requests and can answer 503
 * until told otherwise.
 */
public final class LocalUserDirectory implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One user as the directory holds it. */
    public record User(
            String userId, String tenantId, String orgId, Map<String, String> attributes) {}

    private final HttpServer server;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final String key;
    private volatile Function<String, User> rule = id -> null;
    private volatile boolean down;

    private LocalUserDirectory(int port, String key) throws IOException {
        this.key = key;
        server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(
                "/v1/users/",
                exchange -> {
                    requests.incrementAndGet();
                    int status;
                    byte[] body = new byte[0];
                    String auth = exchange.getRequestHeaders().getFirst("Authorization");
                    if (down) {
                        status = 503;
                    } else if (key != null && !("Bearer " + key).equals(auth)) {
                        status = 401;
                    } else {
                        String raw = exchange.getRequestURI().getRawPath();
                        String id =
                                URLDecoder.decode(
                                        raw.substring("/v1/users/".length()),
                                        StandardCharsets.UTF_8);
                        User user = users.containsKey(id) ? users.get(id) : rule.apply(id);
                        if (user == null) {
                            status = 404;
                        } else {
                            ObjectNode json =
                                    JSON.createObjectNode()
                                            .put("userId", user.userId())
                                            .put("tenantId", user.tenantId())
                                            .put("orgId", user.orgId())
                                            // a directory sends more than the job keeps
                                            .put("displayName", "Display Name of " + id)
                                            .put("email", id + "@example.com");
                            ObjectNode attributes = json.putObject("attributes");
                            user.attributes().forEach(attributes::put);
                            status = 200;
                            body = JSON.writeValueAsBytes(json);
                        }
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                    if (body.length > 0) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                    exchange.close();
                });
        server.start();
    }

    /** A directory on a free loopback port; {@code key} is the bearer token it wants (or none). */
    public static LocalUserDirectory start(String key) throws IOException {
        return new LocalUserDirectory(0, key);
    }

    public static LocalUserDirectory start(int port, String key) throws IOException {
        return new LocalUserDirectory(port, key);
    }

    public URI uri() {
        return URI.create(
                "http://"
                        + InetAddress.getLoopbackAddress().getHostAddress()
                        + ":"
                        + server.getAddress().getPort());
    }

    public LocalUserDirectory put(User user) {
        users.put(user.userId(), user);
        return this;
    }

    /** Answers ids not in the table by {@code rule} (null: unknown). */
    public LocalUserDirectory withRule(Function<String, User> rule) {
        this.rule = rule;
        return this;
    }

    /**
     * The traffic generator's users ({@code user-N}): tenant {@code acme}, {@code globex} or {@code
     * initech} by N, a team and a role; ids of another shape are unknown.
     */
    public LocalUserDirectory withGeneratorUsers() {
        String[] tenants = {"acme", "globex", "initech"};
        String[] teams = {"search", "support", "platform", "billing"};
        return withRule(
                id -> {
                    if (!id.matches("user-\\d+")) {
                        return null;
                    }
                    int n = Integer.parseInt(id.substring(5));
                    return new User(
                            id,
                            tenants[n % tenants.length],
                            tenants[n % tenants.length] + "-org-" + (n % 2),
                            Map.of("team", teams[n % teams.length], "role", "engineer"));
                });
    }

    public void setDown(boolean down) {
        this.down = down;
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
