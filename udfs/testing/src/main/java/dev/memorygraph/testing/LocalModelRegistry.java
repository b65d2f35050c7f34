package dev.memorygraph.testing;

import com.google.protobuf.Timestamp;
import dev.memorygraph.registry.v1.BatchGetModelsRequest;
import dev.memorygraph.registry.v1.BatchGetModelsResponse;
import dev.memorygraph.registry.v1.GetModelRequest;
import dev.memorygraph.registry.v1.GetModelResponse;
import dev.memorygraph.registry.v1.Model;
import dev.memorygraph.registry.v1.ModelUpdate;
import dev.memorygraph.registry.v1.RegistryServiceGrpc;
import dev.memorygraph.registry.v1.StreamModelUpdatesRequest;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real LLM-Registry gRPC server ({@code llm.registry.v1.RegistryService}, spec §5.2) on a local
 * port, for tests and the local run: it serves the models it holds, pushes each {@link #publish} to
 * every open update stream, counts the calls and the ids asked, and can be stopped and started
 * again on the same port to stage an outage.
 */
public final class LocalModelRegistry implements AutoCloseable {

    private final Map<String, Model> models = new ConcurrentHashMap<>();
    private final List<ServerCallStreamObserver<ModelUpdate>> streams =
            new CopyOnWriteArrayList<>();
    private final AtomicInteger batchCalls = new AtomicInteger();
    private final AtomicInteger idsAsked = new AtomicInteger();
    private final AtomicInteger streamsOpened = new AtomicInteger();
    private final int port;
    private Server server;

    private LocalModelRegistry(int port) throws IOException {
        this.server = build(port).start();
        this.port = server.getPort();
    }

    /** A registry on a free loopback port, holding no models. */
    public static LocalModelRegistry start() throws IOException {
        return new LocalModelRegistry(0);
    }

    /** A registry on {@code port} (0: a free one). */
    public static LocalModelRegistry start(int port) throws IOException {
        return new LocalModelRegistry(port);
    }

    /** The gRPC target, {@code 127.0.0.1:port}. */
    public String address() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
    }

    public LocalModelRegistry put(Model model) {
        models.put(model.getId(), model);
        return this;
    }

    /** Stores {@code model} and pushes the update to every open stream. */
    public void publish(ModelUpdate.UpdateType type, Model model, Instant at) {
        models.put(model.getId(), model);
        ModelUpdate update =
                ModelUpdate.newBuilder()
                        .setType(type)
                        .setModel(model)
                        .setTimestamp(timestamp(at))
                        .build();
        for (ServerCallStreamObserver<ModelUpdate> stream : streams) {
            synchronized (stream) {
                if (!stream.isCancelled()) {
                    stream.onNext(update);
                }
            }
        }
    }

    /** Stops serving (open streams fail with UNAVAILABLE); {@link #resume} starts again. */
    public synchronized void stop() throws InterruptedException {
        for (ServerCallStreamObserver<ModelUpdate> stream : streams) {
            try {
                stream.onError(Status.UNAVAILABLE.withDescription("registry down").asException());
            } catch (IllegalStateException alreadyClosed) {
                // cancelled by the client
            }
        }
        streams.clear();
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Serves again on the same port. */
    public synchronized void resume() throws IOException {
        server = build(port).start();
    }

    public int batchCalls() {
        return batchCalls.get();
    }

    public int idsAsked() {
        return idsAsked.get();
    }

    public int streamsOpened() {
        return streamsOpened.get();
    }

    /** Streams open now. */
    public int openStreams() {
        return (int) streams.stream().filter(s -> !s.isCancelled()).count();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder()
                .setSeconds(at.getEpochSecond())
                .setNanos(at.getNano())
                .build();
    }

    /** A model with list prices per 1,000 tokens. */
    public static Model model(
            String id, String provider, String family, double inputPer1k, double outputPer1k) {
        return Model.newBuilder()
                .setId(id)
                .setProvider(provider)
                .setFamily(family)
                .setVersion("1")
                .setContextWindow(128_000)
                .setMaxOutputTokens(16_384)
                .setInputCostPer1K(inputPer1k)
                .setOutputCostPer1K(outputPer1k)
                .addCapabilities("chat")
                .setReleasedAt(timestamp(Instant.parse("2024-01-01T00:00:00Z")))
                .build();
    }

    /**
     * The traffic generator's models with realistic prices, except {@code llama-3.1-70b-instruct}
     * (self-hosted, unknown to the registry: its responses are unpriced); {@code gpt-4} is
     * deprecated.
     */
    public LocalModelRegistry withGeneratorModels() {
        put(
                model("gpt-4o", "openai", "gpt-4o", 0.0025, 0.01).toBuilder()
                        .putMetadata("cached_input_cost_per_1k", "0.00125")
                        .build());
        put(model("gpt-4o-mini", "openai", "gpt-4o", 0.00015, 0.0006));
        put(model("gpt-4.1", "openai", "gpt-4.1", 0.002, 0.008));
        put(
                model("o3-mini", "openai", "o3", 0.0011, 0.0044).toBuilder()
                        .addCapabilities("reasoning")
                        .build());
        put(
                model("gpt-4", "openai", "gpt-4", 0.03, 0.06).toBuilder()
                        .setDeprecatedAt(timestamp(Instant.parse("2025-06-06T00:00:00Z")))
                        .build());
        put(model("gpt-3.5-turbo", "openai", "gpt-3.5", 0.0005, 0.0015));
        put(model("claude-3-5-sonnet", "anthropic", "claude-3.5", 0.003, 0.015));
        put(model("mistral-large", "mistral", "mistral-large", 0.002, 0.006));
        return this;
    }

    private Server build(int port) {
        return NettyServerBuilder.forAddress(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .addService(new Service())
                .build();
    }

    private final class Service extends RegistryServiceGrpc.RegistryServiceImplBase {

        @Override
        public void getModel(GetModelRequest request, StreamObserver<GetModelResponse> response) {
            Model model = models.get(request.getModelId());
            if (model == null) {
                response.onError(Status.NOT_FOUND.asException());
                return;
            }
            response.onNext(GetModelResponse.newBuilder().setModel(model).build());
            response.onCompleted();
        }

        @Override
        public void batchGetModels(
                BatchGetModelsRequest request, StreamObserver<BatchGetModelsResponse> response) {
            batchCalls.incrementAndGet();
            idsAsked.addAndGet(request.getModelIdsCount());
            BatchGetModelsResponse.Builder answer = BatchGetModelsResponse.newBuilder();
            for (String id : request.getModelIdsList()) {
                Model model = models.get(id);
                if (model != null) {
                    answer.putModels(id, model);
                }
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void streamModelUpdates(
                StreamModelUpdatesRequest request, StreamObserver<ModelUpdate> response) {
            ServerCallStreamObserver<ModelUpdate> stream =
                    (ServerCallStreamObserver<ModelUpdate>) response;
            stream.setOnCancelHandler(() -> streams.remove(stream));
            streams.add(stream);
            streamsOpened.incrementAndGet();
        }
    }
}
