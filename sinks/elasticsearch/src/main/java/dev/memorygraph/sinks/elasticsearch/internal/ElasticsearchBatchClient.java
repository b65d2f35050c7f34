package dev.memorygraph.sinks.elasticsearch.internal;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import dev.memorygraph.sinks.base.BatchClient;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchConnection;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchIndex;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchItemException;
import dev.memorygraph.sinks.elasticsearch.IndexAction;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.flink.annotation.Internal;
import org.elasticsearch.client.RestClient;

/**
 * Writes a batch as one {@code _bulk} request of {@code index} operations (the document's bytes
 * sent as they are, no re-serialisation) and reports the items Elasticsearch refused, matched to
 * their actions by position. A request that fails as a whole completes exceptionally.
 */
@Internal
public final class ElasticsearchBatchClient implements BatchClient<IndexAction> {

    private final RestClient rest;
    private final ElasticsearchAsyncClient client;

    ElasticsearchBatchClient(RestClient rest) {
        this.rest = rest;
        this.client =
                new ElasticsearchAsyncClient(
                        new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    @Override
    public CompletionStage<List<ItemFailure<IndexAction>>> write(List<IndexAction> batch) {
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (IndexAction action : batch) {
            request.operations(
                    op ->
                            op.index(
                                    index ->
                                            index.index(action.index())
                                                    .id(action.id())
                                                    .document(
                                                            BinaryData.of(
                                                                    action.source(),
                                                                    ContentType
                                                                            .APPLICATION_JSON))));
        }
        return client.bulk(request.build())
                .thenApply(
                        response -> {
                            List<ItemFailure<IndexAction>> failed = new ArrayList<>();
                            if (!response.errors()) {
                                return failed;
                            }
                            List<BulkResponseItem> items = response.items();
                            for (int i = 0; i < items.size(); i++) {
                                BulkResponseItem item = items.get(i);
                                if (item.error() != null) {
                                    failed.add(
                                            new ItemFailure<>(
                                                    batch.get(i),
                                                    new ElasticsearchItemException(
                                                            item.status(), item.error().type())));
                                }
                            }
                            return failed;
                        });
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a client per writer, on the task manager, after bootstrapping {@code index} when it
     * is set.
     */
    public record Factory(ElasticsearchConnection connection, ElasticsearchIndex index)
            implements Serializable {
        public ElasticsearchBatchClient create() throws IOException {
            RestClient rest = connection.createRestClient();
            try {
                if (index != null) {
                    index.bootstrap(rest);
                }
            } catch (IOException | RuntimeException e) {
                rest.close();
                throw e;
            }
            return new ElasticsearchBatchClient(rest);
        }
    }
}
