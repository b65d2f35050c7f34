package dev.memorygraph.sinks.pinecone.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Value;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.pinecone.proto.DeleteRequest;
import io.pinecone.proto.DeleteResponse;
import io.pinecone.proto.DescribeIndexStatsRequest;
import io.pinecone.proto.DescribeIndexStatsResponse;
import io.pinecone.proto.FetchRequest;
import io.pinecone.proto.FetchResponse;
import io.pinecone.proto.NamespaceSummary;
import io.pinecone.proto.QueryRequest;
import io.pinecone.proto.QueryResponse;
import io.pinecone.proto.ScoredVector;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.UpsertResponse;
import io.pinecone.proto.Vector;
import io.pinecone.proto.VectorServiceGrpc;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A fake Pinecone, the project's only fake store (Pinecone has no local server): the gRPC {@code
 * VectorService} data plane the client's stubs speak, on a loopback port through the client's own
 * Netty transport, and the two REST control-plane calls the sink makes ({@code GET
 * /indexes/{name}}, {@code POST /indexes}). It proves the client-to-wire path and enforces
 * Pinecone's documented limits; it does not emulate Pinecone's consistency, filters or sparse
 * vectors.
 *
 * <p>Enforced, as Pinecone answers them: the {@code api-key} header ({@code UNAUTHENTICATED}); at
 * most 1,000 vectors and 2 MB per upsert, the index dimension, non-empty ids of at most 512 bytes,
 * metadata of at most 40 KB whose values are strings, numbers, booleans or lists of strings ({@code
 * INVALID_ARGUMENT}). Faults can be injected ({@link #failNext}, {@link #setDown}, {@link
 * #setDelay}) and every upsert is recorded ({@link #upserts()}).
 */
public final class PineconeFake implements AutoCloseable {

    public static final int MAX_VECTORS_PER_UPSERT = 1_000;
    public static final int MAX_UPSERT_BYTES = 2 * 1024 * 1024;
    public static final int MAX_METADATA_BYTES = 40 * 1024;
    public static final int MAX_ID_BYTES = 512;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Metadata.Key<String> API_KEY =
            Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

    private final String apiKey;
    private final Server grpc;
    private final HttpServer control;
    private final Map<String, Map<String, Vector>> namespaces = new ConcurrentHashMap<>();
    private final List<Upsert> upserts = new CopyOnWriteArrayList<>();
    private final Deque<Status> faults = new ArrayDeque<>();
    private volatile Integer dimension;
    private volatile boolean indexExists;
    private volatile String indexName;
    private volatile boolean down;
    private volatile Duration delay = Duration.ZERO;

    private PineconeFake(String apiKey, String indexName, Integer dimension) throws IOException {
        this.apiKey = apiKey;
        this.indexName = indexName;
        this.dimension = dimension;
        this.indexExists = dimension != null;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.grpc =
                NettyServerBuilder.forAddress(new InetSocketAddress(loopback, 0))
                        // larger than Pinecone's limit, so the limit is answered as Pinecone does
                        .maxInboundMessageSize(4 * MAX_UPSERT_BYTES)
                        .addService(ServerInterceptors.intercept(new Service(), new ApiKeyCheck()))
                        .build()
                        .start();
        this.control = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        control.createContext("/indexes", this::controlPlane);
        control.start();
    }

    /** A fake holding one index of {@code dimension}, as if created beforehand. */
    public static PineconeFake start(String apiKey, String indexName, int dimension)
            throws IOException {
        return new PineconeFake(apiKey, indexName, dimension);
    }

    /** A fake with no index yet: the control plane answers 404 until one is created. */
    public static PineconeFake startWithoutIndex(String apiKey) throws IOException {
        return new PineconeFake(apiKey, null, null);
    }

    /** The data-plane host, plaintext: {@code http://127.0.0.1:port}. */
    public String dataPlaneUrl() {
        return "http://" + hostAndPort(grpc.getPort());
    }

    /** The control-plane base URL: {@code http://127.0.0.1:port}. */
    public String controlPlaneUrl() {
        return "http://" + hostAndPort(control.getAddress().getPort());
    }

    private static String hostAndPort(int port) {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
    }

    /** The next {@code times} calls fail with {@code status}. */
    public synchronized void failNext(Status status, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(status);
        }
    }

    /** While down, every data-plane call fails with {@code UNAVAILABLE}, as in an outage. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** Every data-plane call waits this long before it is answered. */
    public void setDelay(Duration delay) {
        this.delay = delay;
    }

    /** Every upsert that was answered OK, in order. */
    public List<Upsert> upserts() {
        return List.copyOf(upserts);
    }

    /** The stored vectors of {@code namespace} by id. */
    public Map<String, Vector> vectors(String namespace) {
        return Map.copyOf(namespaces.getOrDefault(namespace, Map.of()));
    }

    public int totalVectors() {
        return namespaces.values().stream().mapToInt(Map::size).sum();
    }

    public Optional<Integer> dimension() {
        return Optional.ofNullable(dimension);
    }

    /** Drops every vector and recorded upsert; keeps the index. */
    public void clear() {
        namespaces.clear();
        upserts.clear();
        synchronized (this) {
            faults.clear();
        }
        down = false;
        delay = Duration.ZERO;
    }

    @Override
    public void close() throws InterruptedException {
        control.stop(0);
        grpc.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    /** One accepted upsert: its namespace, vector count and size on the wire. */
    public record Upsert(String namespace, int vectors, int bytes) {}

    private Status beforeCall() {
        Duration wait = delay;
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (down) {
            return Status.UNAVAILABLE.withDescription("fake outage");
        }
        synchronized (this) {
            Status fault = faults.poll();
            if (fault != null) {
                return fault;
            }
        }
        if (!indexExists) {
            return Status.NOT_FOUND.withDescription("index not found");
        }
        return null;
    }

    private String invalid(UpsertRequest request) {
        if (request.getVectorsCount() == 0) {
            return "no vectors";
        }
        if (request.getVectorsCount() > MAX_VECTORS_PER_UPSERT) {
            return "more than " + MAX_VECTORS_PER_UPSERT + " vectors in one upsert";
        }
        if (request.getSerializedSize() > MAX_UPSERT_BYTES) {
            return "request larger than 2 MB";
        }
        for (Vector vector : request.getVectorsList()) {
            int idBytes = vector.getId().getBytes(StandardCharsets.UTF_8).length;
            if (idBytes == 0 || idBytes > MAX_ID_BYTES) {
                return "vector id must be 1 to 512 bytes";
            }
            if (vector.getValuesCount() != dimension) {
                return "Vector dimension "
                        + vector.getValuesCount()
                        + " does not match the dimension of the index "
                        + dimension;
            }
            if (vector.getMetadata().getSerializedSize() > MAX_METADATA_BYTES) {
                return "metadata larger than 40 KB";
            }
            for (Value value : vector.getMetadata().getFieldsMap().values()) {
                if (!validMetadata(value)) {
                    return "metadata values must be strings, numbers, booleans or lists of strings";
                }
            }
        }
        return null;
    }

    private static boolean validMetadata(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE, NUMBER_VALUE, BOOL_VALUE -> true;
            case LIST_VALUE ->
                    value.getListValue().getValuesList().stream()
                            .allMatch(item -> item.getKindCase() == Value.KindCase.STRING_VALUE);
            default -> false;
        };
    }

    private final class Service extends VectorServiceGrpc.VectorServiceImplBase {

        @Override
        public void upsert(UpsertRequest request, StreamObserver<UpsertResponse> response) {
            Status fault = beforeCall();
            if (fault == null) {
                String invalid = invalid(request);
                if (invalid != null) {
                    fault = Status.INVALID_ARGUMENT.withDescription(invalid);
                }
            }
            if (fault != null) {
                response.onError(fault.asRuntimeException());
                return;
            }
            Map<String, Vector> namespace =
                    namespaces.computeIfAbsent(
                            request.getNamespace(), n -> new ConcurrentHashMap<>());
            for (Vector vector : request.getVectorsList()) {
                namespace.put(vector.getId(), vector);
            }
            upserts.add(
                    new Upsert(
                            request.getNamespace(),
                            request.getVectorsCount(),
                            request.getSerializedSize()));
            response.onNext(
                    UpsertResponse.newBuilder()
                            .setUpsertedCount(request.getVectorsCount())
                            .build());
            response.onCompleted();
        }

        @Override
        public void query(QueryRequest request, StreamObserver<QueryResponse> response) {
            Status fault = beforeCall();
            if (fault != null) {
                response.onError(fault.asRuntimeException());
                return;
            }
            Map<String, Vector> namespace =
                    namespaces.getOrDefault(request.getNamespace(), Map.of());
            List<Float> query =
                    request.getId().isEmpty()
                            ? request.getVectorList()
                            : Optional.ofNullable(namespace.get(request.getId()))
                                    .map(Vector::getValuesList)
                                    .orElse(List.of());
            List<ScoredVector> matches = new ArrayList<>();
            for (Vector vector : namespace.values()) {
                ScoredVector.Builder match =
                        ScoredVector.newBuilder()
                                .setId(vector.getId())
                                .setScore((float) cosine(query, vector.getValuesList()));
                if (request.getIncludeMetadata()) {
                    match.setMetadata(vector.getMetadata());
                }
                if (request.getIncludeValues()) {
                    match.addAllValues(vector.getValuesList());
                }
                matches.add(match.build());
            }
            matches.sort(Comparator.comparingDouble(ScoredVector::getScore).reversed());
            response.onNext(
                    QueryResponse.newBuilder()
                            .setNamespace(request.getNamespace())
                            .addAllMatches(
                                    matches.subList(0, Math.min(request.getTopK(), matches.size())))
                            .build());
            response.onCompleted();
        }

        @Override
        public void fetch(FetchRequest request, StreamObserver<FetchResponse> response) {
            Status fault = beforeCall();
            if (fault != null) {
                response.onError(fault.asRuntimeException());
                return;
            }
            Map<String, Vector> namespace =
                    namespaces.getOrDefault(request.getNamespace(), Map.of());
            FetchResponse.Builder fetched =
                    FetchResponse.newBuilder().setNamespace(request.getNamespace());
            for (String id : request.getIdsList()) {
                Vector vector = namespace.get(id);
                if (vector != null) {
                    fetched.putVectors(id, vector);
                }
            }
            response.onNext(fetched.build());
            response.onCompleted();
        }

        @Override
        public void delete(DeleteRequest request, StreamObserver<DeleteResponse> response) {
            Status fault = beforeCall();
            if (fault != null) {
                response.onError(fault.asRuntimeException());
                return;
            }
            if (request.getDeleteAll()) {
                namespaces.remove(request.getNamespace());
            } else {
                Map<String, Vector> namespace = namespaces.get(request.getNamespace());
                if (namespace != null) {
                    request.getIdsList().forEach(namespace::remove);
                }
            }
            response.onNext(DeleteResponse.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void describeIndexStats(
                DescribeIndexStatsRequest request,
                StreamObserver<DescribeIndexStatsResponse> response) {
            Status fault = beforeCall();
            if (fault != null) {
                response.onError(fault.asRuntimeException());
                return;
            }
            DescribeIndexStatsResponse.Builder stats =
                    DescribeIndexStatsResponse.newBuilder()
                            .setDimension(dimension)
                            .setMetric("cosine")
                            .setVectorType("dense")
                            .setTotalVectorCount(totalVectors());
            namespaces.forEach(
                    (name, vectors) ->
                            stats.putNamespaces(
                                    name,
                                    NamespaceSummary.newBuilder()
                                            .setVectorCount(vectors.size())
                                            .build()));
            response.onNext(stats.build());
            response.onCompleted();
        }
    }

    private static double cosine(List<Float> a, List<Float> b) {
        if (a.size() != b.size() || a.isEmpty()) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += a.get(i) * b.get(i);
            na += a.get(i) * a.get(i);
            nb += b.get(i) * b.get(i);
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private final class ApiKeyCheck implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            if (!apiKey.equals(headers.get(API_KEY))) {
                call.close(
                        Status.UNAUTHENTICATED.withDescription("invalid API key"), new Metadata());
                return new ServerCall.Listener<>() {};
            }
            return next.startCall(call, headers);
        }
    }

    // ---- control plane (REST), the two calls the sink makes ----

    private void controlPlane(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("Api-Key"))) {
                respond(exchange, 401, error("UNAUTHENTICATED", "Invalid API Key"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.startsWith("/indexes/")) {
                String name = path.substring("/indexes/".length());
                if (indexExists && name.equals(indexName)) {
                    respond(exchange, 200, indexModel());
                } else {
                    respond(exchange, 404, error("NOT_FOUND", "Resource " + name + " not found"));
                }
            } else if ("POST".equals(method) && "/indexes".equals(path)) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                synchronized (this) {
                    if (indexExists) {
                        respond(exchange, 409, error("ALREADY_EXISTS", "Resource already exists"));
                        return;
                    }
                    indexName = body.path("name").asText();
                    dimension = body.path("dimension").asInt();
                    indexExists = true;
                }
                tags = body.path("tags");
                respond(exchange, 201, indexModel());
            } else {
                respond(exchange, 404, error("NOT_FOUND", "no such route"));
            }
        }
    }

    private volatile JsonNode tags;

    /** The tags the index was created with (by the control plane), if any. */
    public Optional<JsonNode> createdTags() {
        return Optional.ofNullable(tags);
    }

    private byte[] indexModel() throws IOException {
        ObjectNode model = JSON.createObjectNode();
        model.put("name", indexName);
        model.put("dimension", dimension);
        model.put("metric", "cosine");
        // as Pinecone does: the data-plane host without a scheme
        model.put("host", hostAndPort(grpc.getPort()));
        model.put("deletion_protection", "disabled");
        model.put("vector_type", "dense");
        if (tags != null) {
            model.set("tags", tags);
        }
        ObjectNode serverless = model.putObject("spec").putObject("serverless");
        serverless.put("cloud", "aws");
        serverless.put("region", "us-east-1");
        ObjectNode capacity = serverless.putObject("read_capacity");
        capacity.put("mode", "OnDemand");
        capacity.putObject("status").put("state", "Ready");
        ObjectNode status = model.putObject("status");
        status.put("ready", true);
        status.put("state", "Ready");
        return JSON.writeValueAsBytes(model);
    }

    private static byte[] error(String code, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        body.put("status", 0);
        return JSON.writeValueAsBytes(body);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
