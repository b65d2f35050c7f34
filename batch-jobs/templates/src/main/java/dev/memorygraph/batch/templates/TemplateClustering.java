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
 * template's thousand near-copies making every query return a thousand. Every point's neighbours
 * are found once, before DBSCAN runs, in blocks and on all cores.
 *
 * <p>The lists are nearest-k, not symmetric as a true range search is: a text whose list is full of
 * its own copies lists no other text, so a text sent once beside texts sent dozens of times can be
 * left alone ({@link TemplateExtraction#MAX_COPIES} bounds the copies to half a list). Making the
 * lists symmetric joined those, but the larger clusters it made were mined worse: 0.86 to 0.94 of
 * the true templates recovered on the benchmark's five days, against 0.91 to 0.94.
 */
final class TemplateClustering {

    /** Neighbours kept per point. */
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
        // every point's neighbours once, in blocks (the exact search's blocked product) and on all
        // cores; DBSCAN then reads them by point
        int blocks = (vectors.length + VectorSearch.QUERY_BLOCK - 1) / VectorSearch.QUERY_BLOCK;
        TopK[] neighbours = new TopK[vectors.length];
        java.util.stream.IntStream.range(0, blocks)
                .parallel()
                .forEach(
                        b -> {
                            int from = b * VectorSearch.QUERY_BLOCK;
                            int to = Math.min(vectors.length, from + VectorSearch.QUERY_BLOCK);
                            float[][] queries = java.util.Arrays.copyOfRange(vectors, from, to);
                            int[] exclude = new int[to - from];
                            for (int q = 0; q < exclude.length; q++) {
                                exclude[q] = from + q;
                            }
                            TopK[] found =
                                    index.nearest(queries, exclude, MAX_NEIGHBOURS, minScore, null);
                            System.arraycopy(found, 0, neighbours, from, found.length);
                        });
        java.util.IdentityHashMap<float[], Integer> position =
                new java.util.IdentityHashMap<>(vectors.length * 2);
        for (int i = 0; i < vectors.length; i++) {
            position.put(vectors[i], i);
        }
        RNNSearch<float[], float[]> range =
                (float[] q, double r, List<Neighbor<float[], float[]>> out) -> {
                    TopK found = neighbours[position.get(q)];
                    for (int i = 0; i < found.size(); i++) {
                        int o = found.ordinal(i);
                        out.add(new Neighbor<>(vectors[o], vectors[o], o, 1 - found.score(i)));
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
