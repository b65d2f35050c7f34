package dev.memorygraph.batch.retention;

import dev.memorygraph.sinks.pinecone.PineconeIndexConnection;
import dev.memorygraph.sinks.pinecone.PineconeOptions;
import io.pinecone.configs.PineconeConnection;
import io.pinecone.proto.DeleteRequest;
import io.pinecone.proto.FetchRequest;
import io.pinecone.proto.VectorServiceGrpc;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The vector store's side of archival: an archive's prompt vectors (id = event id, namespace = the
 * prompt's tenant or {@code pinecone.namespace.default}, as the sink writes them) are deleted by
 * id, a thousand per request (Pinecone's limit), and counted by fetching the same ids.
 */
final class PineconeArchive implements HotStore {

    private static final int BATCH = 1_000;

    private final PineconeConnection connection;
    private final VectorServiceGrpc.VectorServiceBlockingStub stub;
    private final String defaultNamespace;
    private final long timeoutMillis;

    PineconeArchive(ReadableConfig config) throws IOException {
        this.connection = PineconeIndexConnection.fromConfig(config).open();
        this.stub = connection.getBlockingStub();
        this.defaultNamespace = config.get(PineconeOptions.DEFAULT_NAMESPACE);
        this.timeoutMillis = config.get(PineconeOptions.RPC_TIMEOUT).toMillis();
    }

    @Override
    public String name() {
        return "pinecone";
    }

    @Override
    public long delete(Archive archive, ArchivedIds ids) {
        return inBatches(
                ids,
                (namespace, batch) -> {
                    long present = fetched(namespace, batch);
                    stub.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS)
                            .delete(
                                    DeleteRequest.newBuilder()
                                            .setNamespace(namespace)
                                            .addAllIds(batch)
                                            .build());
                    return present;
                });
    }

    @Override
    public long remaining(Archive archive, ArchivedIds ids) {
        return inBatches(ids, this::fetched);
    }

    /** {@code call} on each namespace's prompt ids, a thousand at a time; the sum of its counts. */
    private long inBatches(
            ArchivedIds ids, java.util.function.ToLongBiFunction<String, List<String>> call) {
        long total = 0;
        for (Map.Entry<String, List<String>> tenant : ids.promptsByTenant().entrySet()) {
            String namespace = tenant.getKey() == null ? defaultNamespace : tenant.getKey();
            List<String> prompts = tenant.getValue();
            for (int from = 0; from < prompts.size(); from += BATCH) {
                total +=
                        call.applyAsLong(
                                namespace,
                                prompts.subList(from, Math.min(prompts.size(), from + BATCH)));
            }
        }
        return total;
    }

    /** The user's vectors are their prompts': the lake names them. */
    @Override
    public long erase(UserErasure user) {
        return delete(null, user.ids());
    }

    @Override
    public long remainingOf(UserErasure user) {
        return remaining(null, user.ids());
    }

    /** Pinecone cannot count vectors by time: the report says "not checked". */
    @Override
    public long olderThan(java.time.Instant cutoff) {
        return -1;
    }

    private long fetched(String namespace, List<String> ids) {
        return stub.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS)
                .fetch(FetchRequest.newBuilder().setNamespace(namespace).addAllIds(ids).build())
                .getVectorsCount();
    }

    @Override
    public void close() {
        connection.close();
    }
}
