package dev.memorygraph.sinks.influxdb.internal;

import com.influxdb.exceptions.InfluxException;
import dev.memorygraph.sinks.base.Classification;
import dev.memorygraph.sinks.base.FailureClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.flink.annotation.Internal;

/**
 * InfluxDB write failures by HTTP status: 429, 503, 500, 502, 504 and connection errors are
 * retried, after the server's {@code Retry-After} when a 429 or 503 has one and it is longer than
 * the schedule's delay; 401, 403 (token, permissions) and 404 (no such organisation or bucket) fail
 * the job; 400, 413 and 422 (a malformed or oversized point) reject the batch, which the writer
 * splits down to the point at fault. The code is the status and the exception type, never the
 * server's message.
 */
@Internal
public final class InfluxDbFailureClassifier implements FailureClassifier {

    private static final long serialVersionUID = 1L;

    /**
     * The {@code Retry-After} of a 429 or 503, in seconds or as an HTTP date; {@code null} when
     * absent or unreadable.
     */
    static Duration retryAfter(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        String value = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if ("retry-after".equalsIgnoreCase(header.getKey())) {
                value = header.getValue();
            }
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until =
                        Duration.between(
                                Instant.now(),
                                ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                        .toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    @Override
    public Classification classify(Throwable error) {
        if (error instanceof InfluxException influx && influx.status() > 0) {
            int status = influx.status();
            String code = status + " " + error.getClass().getSimpleName();
            if (status == 429 || status == 503) {
                return Classification.retryAfter(code, retryAfter(influx.headers()));
            }
            if (status == 500 || status == 502 || status == 504) {
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
