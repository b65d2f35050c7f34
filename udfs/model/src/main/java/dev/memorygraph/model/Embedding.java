package dev.memorygraph.model;

import java.util.Objects;

/**
 * A text's embedding: the model that made it and the vector (unit length for the models the
 * pipeline uses, so cosine similarity is a dot product).
 *
 * @param model the embedding model, e.g. {@code all-minilm-l6-v2-q}
 */
public record Embedding(String model, float[] vector) {

    public Embedding {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(vector, "vector");
    }

    public int dimension() {
        return vector.length;
    }

    /** Never prints the vector. */
    @Override
    public String toString() {
        return "Embedding{" + model + ", " + vector.length + " dimensions}";
    }
}
