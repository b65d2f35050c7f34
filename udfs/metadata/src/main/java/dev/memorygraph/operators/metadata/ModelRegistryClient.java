package dev.memorygraph.operators.metadata;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import dev.memorygraph.registry.v1.BatchGetModelsRequest;
import dev.memorygraph.registry.v1.BatchGetModelsResponse;
import dev.memorygraph.registry.v1.Model;
import dev.memorygraph.registry.v1.ModelUpdate;
import dev.memorygraph.registry.v1.RegistryServiceGrpc;
import dev.memorygraph.registry.v1.StreamModelUpdatesRequest;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC client of the LLM-Registry ({@code llm.registry.v1.RegistryService}, spec §5.2): batched
 * lookups with a deadline, and the update stream, reopened with exponential backoff whenever it
 * ends or fails. One per subtask of the metadata stage.
 */
public final class ModelRegistryClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistryClient.class);

    private final ManagedChannel channel;
    private final RegistryServiceGrpc.RegistryServiceFutureStub lookups;
    private final RegistryServiceGrpc.RegistryServiceStub updates;
    private final Duration timeout;
    private final OutageBackoff reconnects;
    private final ScheduledExecutorService scheduler;

    private volatile boolean closed;
    private volatile ClientCallStreamObserver<StreamModelUpdatesRequest> stream;

    public ModelRegistryClient(RegistrySettings settings) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(settings.address());
        if (settings.tls()) {
            builder.useTransportSecurity();
        } else {
            builder.usePlaintext();
        }
        this.channel = builder.build();
        // connect now, so that the first lookups do not spend their deadline on the handshake
        channel.getState(true);
        this.lookups = RegistryServiceGrpc.newFutureStub(channel);
        this.updates = RegistryServiceGrpc.newStub(channel);
        this.timeout = settings.timeout();
        this.reconnects = new OutageBackoff(settings.initialBackoff(), settings.maxBackoff());
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "registry-updates");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * {@code BatchGetModels} for {@code modelIds}: the models the registry knows, by id (an id it
     * does not know is absent). Fails with the call's {@link Status} after {@code
     * registry.timeout}.
     */
    public CompletableFuture<Map<String, Model>> batchGet(Collection<String> modelIds) {
        CompletableFuture<Map<String, Model>> result = new CompletableFuture<>();
        reconnectNow();
        Futures.addCallback(
                lookups.withWaitForReady()
                        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .batchGetModels(
                                BatchGetModelsRequest.newBuilder()
                                        .addAllModelIds(modelIds)
                                        .build()),
                new FutureCallback<BatchGetModelsResponse>() {
                    @Override
                    public void onSuccess(BatchGetModelsResponse response) {
                        result.complete(response.getModelsMap());
                    }

                    @Override
                    public void onFailure(Throwable error) {
                        result.completeExceptionally(error);
                    }
                },
                MoreExecutors.directExecutor());
        return result;
    }

    /**
     * Opens {@code StreamModelUpdates} and hands every update to {@code onUpdate} (on a gRPC
     * thread). When the stream ends or fails it is reopened after a backoff that doubles from
     * {@code registry.reconnect.initial-backoff} to {@code registry.reconnect.max-backoff} and
     * starts over once an update arrives.
     */
    public void watch(Consumer<ModelUpdate> onUpdate) {
        if (closed) {
            return;
        }
        reconnectNow();
        updates.streamModelUpdates(
                StreamModelUpdatesRequest.getDefaultInstance(),
                new ClientResponseObserver<StreamModelUpdatesRequest, ModelUpdate>() {
                    @Override
                    public void beforeStart(
                            ClientCallStreamObserver<StreamModelUpdatesRequest> call) {
                        stream = call;
                    }

                    @Override
                    public void onNext(ModelUpdate update) {
                        reconnects.succeeded();
                        onUpdate.accept(update);
                    }

                    @Override
                    public void onError(Throwable error) {
                        reopen(onUpdate, Status.fromThrowable(error).getCode());
                    }

                    @Override
                    public void onCompleted() {
                        reopen(onUpdate, Status.Code.OK);
                    }
                });
    }

    /**
     * A channel that failed to connect waits out gRPC's own backoff (up to 2 min) before it tries
     * again, and fails calls meanwhile; a lookup or a stream reopening after our pause tries now.
     * Calls wait for the connection up to their deadline.
     */
    private void reconnectNow() {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
    }

    private void reopen(Consumer<ModelUpdate> onUpdate, Status.Code code) {
        if (closed) {
            return;
        }
        long delay = reconnects.failed(System.currentTimeMillis());
        LOG.warn("Registry update stream ended ({}); reopening in {} ms", code, delay);
        try {
            scheduler.schedule(() -> watch(onUpdate), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closed meanwhile
        }
    }

    @Override
    public void close() {
        closed = true;
        ClientCallStreamObserver<StreamModelUpdatesRequest> open = stream;
        if (open != null) {
            open.cancel("closing", null);
        }
        scheduler.shutdownNow();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
