package dev.memorygraph.operators.embed;

import java.io.IOException;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/**
 * Turns text into a vector, asynchronously. One per operator subtask, made by its {@link Factory}
 * on the task manager.
 */
public interface Embedder extends AutoCloseable {

    /** The model name recorded with every vector, e.g. {@code all-minilm-l6-v2-q}. */
    String model();

    /** Length of the vectors. */
    int dimension();

    /**
     * The vector of {@code text}. Fails with {@link RejectedTextException} when the provider
     * refuses this text for good (the event goes on without a vector); any other failure means the
     * provider is unavailable after its retries.
     */
    CompletableFuture<float[]> embed(String text);

    @Override
    void close();

    /** Creates the embedder of an operator subtask. */
    interface Factory extends Serializable {
        Embedder create() throws IOException;
    }

    /** The provider refused one text (a 4xx other than 429); no retry helps. */
    final class RejectedTextException extends IOException {
        private static final long serialVersionUID = 1L;

        public RejectedTextException(String message) {
            super(message);
        }
    }
}
