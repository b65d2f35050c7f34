package dev.memorygraph.operators.pii;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds {@link PiiType#PERSON}, {@link PiiType#ORG} and {@link PiiType#GPE} in a text. Two
 * implementations: {@link ContextRecognizer} in-process (the default), and {@link
 * PresidioRecognizer} for a Presidio Analyzer service. Implementations are created per subtask.
 */
public interface NamedEntityRecognizer extends AutoCloseable {

    /** The entities in {@code text}; {@code language} is an ISO 639-1 code or {@code null}. */
    CompletableFuture<List<PiiFinding>> recognize(String text, String language);

    @Override
    default void close() {}
}
