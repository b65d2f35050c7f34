package dev.memorygraph.batch.similarity;

import java.util.Arrays;

/**
 * The best {@code k} of a stream of (ordinal, score) candidates above a threshold, in one total
 * order: score descending, then ordinal ascending. A shard's ordinals follow its prompts' ids, so
 * the order is the same on every shard and a merge of shards' lists equals one list over all.
 */
public final class TopK {

    private final int k;
    private final float threshold;
    private final int[] ordinals;
    private final float[] scores;
    private int size;

    TopK(int k, float threshold) {
        this.k = k;
        this.threshold = threshold;
        this.ordinals = new int[k];
        this.scores = new float[k];
    }

    /** The least score a candidate must beat (or tie with a lower ordinal) to get in. */
    float floor() {
        return size < k ? threshold : scores[size - 1];
    }

    void offer(int ordinal, float score) {
        if (!(score > threshold)) {
            return;
        }
        if (size == k && !before(score, ordinal, scores[k - 1], ordinals[k - 1])) {
            return;
        }
        int i = size < k ? size++ : k - 1;
        while (i > 0 && before(score, ordinal, scores[i - 1], ordinals[i - 1])) {
            scores[i] = scores[i - 1];
            ordinals[i] = ordinals[i - 1];
            i--;
        }
        scores[i] = score;
        ordinals[i] = ordinal;
    }

    static boolean before(float score, int ordinal, float otherScore, int otherOrdinal) {
        return score > otherScore || (score == otherScore && ordinal < otherOrdinal);
    }

    public int size() {
        return size;
    }

    public int ordinal(int i) {
        return ordinals[i];
    }

    public float score(int i) {
        return scores[i];
    }

    int[] ordinals() {
        return Arrays.copyOf(ordinals, size);
    }
}
