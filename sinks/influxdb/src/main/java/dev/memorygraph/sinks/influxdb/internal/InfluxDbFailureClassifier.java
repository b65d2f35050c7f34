package dev.memorygraph.sinks.influxdb.internal;

import com.influxdb.exceptions.InfluxException;
import dev.memorygraph.sinks.base.Classification;
import dev.memorygraph.sinks.base.FailureClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import org.apache.flink.annotation.Internal;

/**
 * InfluxDB write failures by HTTP status: 429, 503, 500, 502, 504 and connection errors are
 * retried; 401, 403 (token, permissions) and 404 (no such organisation or bucket) fail the job;
 * 400, 413 and 422 (a malformed or oversized point) reject the batch, which the writer splits down
 * to the point at fault. The code is the status and the exception type, never the server's message.
 */
@Internal
public final class InfluxDbFailureClassifier implements FailureClassifier {

    private static final long serialVersionUID = 1L;

    @Override
    public Classification classify(Throwable error) {
        if (error instanceof InfluxException influx && influx.status() > 0) {
            int status = influx.status();
            String code = status + " " + error.getClass().getSimpleName();
            if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
                return Classification.retry(code);
            }
            if (status == 401 || status == 403 || status == 404) {
                return Classification.fail(code);
            }
            if (status == 400 || status == 413 || status == 422) {
                return Classification.reject(code);
            }
            return Classification.fail(code);
        }
        Throwable cause =
                error instanceof InfluxException || error instanceof UncheckedIOException
                        ? error.getCause()
                        : error;
        if (cause instanceof IOException || cause instanceof TimeoutException) {
            return Classification.retry(cause.getClass().getName());
        }
        return Classification.fail(error.getClass().getName());
    }
}
