package dev.memorygraph.sinks.base;

import java.io.Serializable;

/**
 * Decides what a failed write means, from the store client's own exception types. One small,
 * unit-tested classifier per sink; {@link BatchingSinkWriter} acts on its verdict.
 */
@FunctionalInterface
public interface FailureClassifier extends Serializable {

    /** The verdict on {@code error}, already unwrapped from completion wrappers. */
    Classification classify(Throwable error);
}
