package dev.memorygraph.batch.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Embedding-like unit vectors with near-duplicates at known rates, for the search's tests and
 * benchmark. Sentence embeddings are not uniform noise: they share a common direction (unrelated
 * texts score about 0.1–0.2), texts on one topic score about 0.4–0.5, and paraphrases of one text
 * score 0.8–0.97. So each base text is the common direction, one of {@code topics} topic directions
 * and its own noise; {@link #PARAPHRASED} of the bases get 1–7 paraphrases (the base plus noise of
 * a random strength, so that pairs fall on both sides of 0.85); and a few are exact copies of
 * another vector (a text that differs only in case).
 */
final class SyntheticVectors {

    /** Share of base texts with paraphrases. */
    static final double PARAPHRASED = 0.3;

    private SyntheticVectors() {}

    static List<PromptVector> generate(int n, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int topics = Math.max(10, n / 500);
        float[] common = gaussian(random, dimension, 1);
        float[][] topic = new float[topics][];
        for (int t = 0; t < topics; t++) {
            topic[t] = gaussian(random, dimension, 1);
        }
        List<PromptVector> out = new ArrayList<>(n);
        while (out.size() < n) {
            float[] base = sum(common, 0.4f, topic[random.nextInt(topics)], 0.55f);
            base = sum(base, 1, gaussian(random, dimension, 1), 0.73f);
            add(out, base);
            if (random.nextDouble() < PARAPHRASED) {
                int paraphrases = 1 + random.nextInt(7);
                for (int p = 0; p < paraphrases && out.size() < n; p++) {
                    float strength = (float) (0.2 + 0.35 * random.nextDouble());
                    add(out, sum(base, 1, gaussian(random, dimension, 1), strength));
                }
            }
            if (random.nextDouble() < 0.01 && out.size() < n) {
                add(out, out.get(out.size() - 1).vector.clone());
            }
        }
        return out;
    }

    private static void add(List<PromptVector> out, float[] v) {
        String id = String.format("v%08d", out.size());
        out.add(new PromptVector(id, id, out.size(), PromptVector.unit(v)));
    }

    private static float[] gaussian(SplittableRandom random, int dimension, float norm) {
        float[] v = new float[dimension];
        double sum = 0;
        for (int i = 0; i < dimension; i++) {
            // Box-Muller
            double g =
                    Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                            * Math.cos(2 * Math.PI * random.nextDouble());
            v[i] = (float) g;
            sum += g * g;
        }
        float scale = (float) (norm / Math.sqrt(sum));
        for (int i = 0; i < dimension; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static float[] sum(float[] a, float wa, float[] b, float wb) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = wa * a[i] + wb * b[i];
        }
        return PromptVector.unit(out);
    }
}
