package dev.memorygraph.sinks.pinecone.internal;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.memorygraph.sinks.base.BatchClient;
import dev.memorygraph.sinks.pinecone.PineconeIndexConnection;
import dev.memorygraph.sinks.pinecone.VectorRecord;
import io.pinecone.configs.PineconeConnection;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.UpsertResponse;
import io.pinecone.proto.Vector;
import io.pinecone.proto.VectorServiceGrpc;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.Internal;

/**
 * Upserts a batch through the client's gRPC {@code VectorService} stub, one request per namespace
 * (an upsert names one), all in flight at once. Upserts overwrite by id, so when any request fails
 * the batch fails as a whole with that error and the writer retries or splits it: re-sending the
 * namespaces that did succeed changes nothing.
 */
@Internal
public final class PineconeBatchClient implements BatchClient<VectorRecord> {

    private final PineconeConnection connection;
    private final VectorServiceGrpc.VectorServiceFutureStub stub;
    private final Duration rpcTimeout;

    PineconeBatchClient(PineconeConnection connection, Duration rpcTimeout) {
        this.connection = connection;
        this.stub = connection.getAsyncStub();
        this.rpcTimeout = rpcTimeout;
    }

    @Override
    public CompletionStage<List<ItemFailure<VectorRecord>>> write(List<VectorRecord> batch) {
        Map<String, UpsertRequest.Builder> requests = new LinkedHashMap<>();
        try {
            for (VectorRecord record : batch) {
                requests.computeIfAbsent(
                                record.namespace(),
                                namespace -> UpsertRequest.newBuilder().setNamespace(namespace))
                        .addVectors(Vector.parseFrom(record.vector()));
            }
        } catch (InvalidProtocolBufferException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<ListenableFuture<UpsertResponse>> calls = new ArrayList<>(requests.size());
        for (UpsertRequest.Builder request : requests.values()) {
            calls.add(
                    stub.withDeadlineAfter(rpcTimeout.toMillis(), TimeUnit.MILLISECONDS)
                            .upsert(request.build()));
        }
        CompletableFuture<List<ItemFailure<VectorRecord>>> result = new CompletableFuture<>();
        Futures.addCallback(
                Futures.allAsList(calls),
                new FutureCallback<List<UpsertResponse>>() {
                    @Override
                    public void onSuccess(List<UpsertResponse> responses) {
                        result.complete(List.of());
                    }

                    @Override
                    public void onFailure(Throwable error) {
                        result.completeExceptionally(error);
                    }
                },
                MoreExecutors.directExecutor());
        return result;
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Opens a connection per writer, on the task manager. */
    public record Factory(PineconeIndexConnection connection) implements Serializable {
        public PineconeBatchClient create() throws IOException {
            return new PineconeBatchClient(connection.open(), connection.rpcTimeout());
        }
    }
}
