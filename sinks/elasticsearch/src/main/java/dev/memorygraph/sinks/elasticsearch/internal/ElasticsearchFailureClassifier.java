package dev.memorygraph.sinks.elasticsearch.internal;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import dev.memorygraph.sinks.base.Classification;
import dev.memorygraph.sinks.base.FailureClassifier;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchItemException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.flink.annotation.Internal;
import org.elasticsearch.client.ResponseException;

/**
 * Elasticsearch failures, of one bulk item or of the whole request, by HTTP status and error type:
 *
 * <ul>
 *   <li>429 (queue full, circuit breaker), 408, 502, 503, 504 and 500, connection errors and
 *       timeouts: retry with the transient schedule;
 *   <li>401, 403 (credentials, privileges) and 404 {@code index_not_found_exception} (the alias is
 *       missing and the user may not create it): fail the job, naming the status and type;
 *   <li>any other 4xx of an item (a mapping conflict, a document too deep or too large): the
 *       document is rejected, to the dead-letter queue with the status and type only.
 * </ul>
 *
 * Unlike the Flink Elasticsearch 8 connector (FLINK-35546), a rejected item is never retried; and a
 * whole-request failure is classified by what it is (FLINK-37831), not retried blindly. The code is
 * {@code status type}, never the server's reason, which can quote the document.
 */
@Internal
public final class ElasticsearchFailureClassifier implements FailureClassifier {

    private static final long serialVersionUID = 1L;

    @Override
    public Classification classify(Throwable error) {
        if (error instanceof ElasticsearchItemException item) {
            return byStatus(item.status(), item.type(), true);
        }
        if (error instanceof ElasticsearchException es) {
            String type = es.error() == null ? null : es.error().type();
            return byStatus(es.status(), type, false);
        }
        if (error instanceof ResponseException response) {
            return byStatus(response.getResponse().getStatusLine().getStatusCode(), null, false);
        }
        if (error instanceof TransportException transport && transport.statusCode() > 0) {
            return byStatus(transport.statusCode(), null, false);
        }
        if (error instanceof IOException
                || error instanceof TimeoutException
                || error instanceof TransportException) {
            return Classification.retry(error.getClass().getName());
        }
        return Classification.fail(error.getClass().getName());
    }

    private static Classification byStatus(int status, String type, boolean item) {
        String code = type == null ? String.valueOf(status) : status + " " + type;
        if (status == 429
                || status == 408
                || status == 500
                || status == 502
                || status == 503
                || status == 504) {
            return Classification.retry(code);
        }
        if (status == 401
                || status == 403
                || status == 404 && "index_not_found_exception".equals(type)) {
            return Classification.fail(code);
        }
        if (status >= 400 && status < 500) {
            // a whole request refused with a 4xx is about the request, not one document
            return item ? Classification.reject(code) : Classification.fail(code);
        }
        return Classification.retry(code);
    }
}
