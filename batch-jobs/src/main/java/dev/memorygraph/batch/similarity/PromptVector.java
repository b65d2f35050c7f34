package dev.memorygraph.batch.similarity;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.PromptEvent;

/**
 * What the bounded jobs over embeddings know of one prompt: its id, the hash of its normalised
 * text, its time and its embedding, scaled to unit length (so cosine similarity is a dot product).
 * A Flink POJO; no text.
 */
public final class PromptVector {

    public String id;
    public String textHash;
    public long time;
    public float[] vector;

    public PromptVector() {}

    public PromptVector(String id, String textHash, long time, float[] vector) {
        this.id = id;
        this.textHash = textHash;
        this.time = time;
        this.vector = vector;
    }

    /**
     * The vector of a prompt event with an embedding and a text hash; {@code null} for responses,
     * sessions, prompts the embedding stage did not embed, and vectors of zero length or with a
     * non-finite value (they have no direction to compare).
     */
    public static PromptVector of(EnrichedEvent enriched) {
        PromptEvent prompt = enriched.event().prompt();
        if (prompt == null
                || enriched.embedding() == null
                || enriched.text() == null
                || enriched.text().textHash() == null) {
            return null;
        }
        float[] unit = unit(enriched.embedding().vector());
        if (unit == null) {
            return null;
        }
        return new PromptVector(
                prompt.eventId(),
                enriched.text().textHash(),
                prompt.timestamp().toEpochMilli(),
                unit);
    }

    /** {@code v} scaled to unit length, or {@code null} when it has none or a non-finite value. */
    public static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return null;
            }
            sum += (double) x * x;
        }
        if (sum == 0 || v.length == 0) {
            return null;
        }
        double norm = Math.sqrt(sum);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /**
     * The prompt that stands for its text: the earliest, then the least id. Identical texts are
     * linked through their {@code PromptText} node already; the similarity graph links one prompt
     * per text.
     */
    public static PromptVector representative(PromptVector a, PromptVector b) {
        if (a.time != b.time) {
            return a.time < b.time ? a : b;
        }
        return a.id.compareTo(b.id) <= 0 ? a : b;
    }

    /** Ids only. */
    @Override
    public String toString() {
        return "PromptVector{" + id + "}";
    }
}
