package dev.memorygraph.core.retry;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Sends a request with the JDK client and retries connection failures, timeouts, 429 and 5xx on the
 * shared {@link RetryPolicy} (1 s, 2 s, 4 s by default). Other answers complete the future as they
 * are; the caller decides what a 4xx means.
 */
public final class HttpRetry {

    /** The request failed for good after its retries; the message names no content. */
    public static final class UnavailableException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient client;
    private final RetryPolicy retries;
    private final String service;

    public HttpRetry(HttpClient client, RetryPolicy retries, String service) {
        this.client = client;
        this.retries = retries;
        this.service = service;
    }

    public CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return attempt(request, 0);
    }

    private CompletableFuture<HttpResponse<String>> attempt(HttpRequest request, int retry) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle(
                        (response, error) -> {
                            boolean retryable =
                                    error != null
                                            || response.statusCode() == 429
                                            || response.statusCode() >= 500;
                            if (!retryable) {
                                return CompletableFuture.completedFuture(response);
                            }
                            String cause =
                                    error != null
                                            ? describe(error)
                                            : "HTTP " + response.statusCode();
                            if (!retries.canRetry(retry)) {
                                return CompletableFuture.<HttpResponse<String>>failedFuture(
                                        new UnavailableException(
                                                service
                                                        + " unavailable after "
                                                        + retries.maxRetries()
                                                        + " retries ("
                                                        + cause
                                                        + ")",
                                                error));
                            }
                            Executor later =
                                    CompletableFuture.delayedExecutor(
                                            retries.delay(retry).toMillis(), TimeUnit.MILLISECONDS);
                            return CompletableFuture.supplyAsync(() -> null, later)
                                    .thenCompose(ignored -> attempt(request, retry + 1));
                        })
                .thenCompose(next -> next);
    }

    private static String describe(Throwable error) {
        Throwable t =
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
        return t instanceof HttpTimeoutException ? "timeout" : t.getClass().getSimpleName();
    }
}
