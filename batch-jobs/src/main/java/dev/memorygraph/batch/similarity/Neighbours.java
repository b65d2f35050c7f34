package dev.memorygraph.batch.similarity;

import java.util.Arrays;

/**
 * A prompt's nearest neighbours above the threshold, best first (score descending, then id
 * ascending), at most k: from one shard, or merged over shards ({@link #merge}). A Flink POJO.
 */
public final class Neighbours {

    public String id;
    public String[] ids;
    public float[] scores;

    public Neighbours() {}

    public Neighbours(String id, String[] ids, float[] scores) {
        this.id = id;
        this.ids = ids;
        this.scores = scores;
    }

    public int size() {
        return ids.length;
    }

    /** The best {@code k} of both lists, in the same order. */
    public static Neighbours merge(Neighbours a, Neighbours b, int k) {
        int n = Math.min(k, a.size() + b.size());
        String[] ids = new String[n];
        float[] scores = new float[n];
        int i = 0;
        int j = 0;
        for (int out = 0; out < n; out++) {
            boolean takeA =
                    j >= b.size()
                            || (i < a.size()
                                    && before(a.scores[i], a.ids[i], b.scores[j], b.ids[j]));
            if (takeA) {
                ids[out] = a.ids[i];
                scores[out] = a.scores[i++];
            } else {
                ids[out] = b.ids[j];
                scores[out] = b.scores[j++];
            }
        }
        return new Neighbours(a.id, ids, scores);
    }

    static boolean before(float score, String id, float otherScore, String otherId) {
        return score > otherScore || (score == otherScore && id.compareTo(otherId) < 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Neighbours other
                && id.equals(other.id)
                && Arrays.equals(ids, other.ids)
                && Arrays.equals(scores, other.scores);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "Neighbours{" + id + " " + Arrays.toString(ids) + "}";
    }
}
