package dev.memorygraph.batch.templates;

import dev.memorygraph.batch.similarity.TopK;
import dev.memorygraph.batch.similarity.VectorSearch;
import java.util.List;
import smile.clustering.DBSCAN;
import smile.clustering.PartitionClustering;
import smile.neighbor.Neighbor;
import smile.neighbor.RNNSearch;

/**
 * DBSCAN from Smile on unit embeddings, with cosine distance ({@code 1 - cos}) and its range search
 * answered by the similarity job's {@link VectorSearch} (exact when small, HNSW when large) instead
 * of Smile's linear scan, which is O(n²) at 384 dimensions. The range search returns at most {@link
 * #MAX_NEIGHBOURS} nearest points within the radius: enough to tell a core point (minPts is far
 * smaller) and for DBSCAN to chain a dense cluster through its core points, without a popular
 * template's thousand near-copies making every query return a thousand.
 */
final class TemplateClustering {

    static final int MAX_NEIGHBOURS = 64;

    private TemplateClustering() {}

    /**
     * The cluster of each vector ({@code 0..k-1}), or -1 for noise.
     *
     * @param radius the cosine distance within which two prompts are neighbours
     */
    static int[] clusters(
            float[][] vectors, double radius, int minPoints, VectorSearch.Parameters search) {
        if (vectors.length == 0) {
            return new int[0];
        }
        VectorSearch index = VectorSearch.over(vectors, search);
        float minScore = (float) (1 - radius);
        RNNSearch<float[], float[]> range =
                (float[] q, double r, List<Neighbor<float[], float[]>> out) -> {
                    float[][] one = {q};
                    int[] exclude = {-1};
                    TopK found = index.nearest(one, exclude, MAX_NEIGHBOURS + 1, minScore, null)[0];
                    for (int i = 0; i < found.size(); i++) {
                        int o = found.ordinal(i);
                        if (vectors[o] != q && out.size() < MAX_NEIGHBOURS) {
                            out.add(new Neighbor<>(vectors[o], vectors[o], o, 1 - found.score(i)));
                        }
                    }
                };
        DBSCAN<float[]> dbscan = DBSCAN.fit(vectors, range, minPoints, radius);
        int[] out = new int[vectors.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = dbscan.y[i] == PartitionClustering.OUTLIER ? -1 : dbscan.y[i];
        }
        return out;
    }
}
