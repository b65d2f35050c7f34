package dev.memorygraph.batch.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Nearest-neighbour search over one shard's unit vectors, by cosine similarity (their dot product).
 * Two implementations, switched by size ({@link #over}):
 *
 * <ul>
 *   <li><b>exact</b>: a blocked matrix product: a block of queries, which stays in cache, against
 *       each corpus vector in turn;
 *   <li><b>approximate</b>: Lucene's HNSW graph ({@link HnswGraphBuilder}, on heap, no index files)
 *       searched for {@code efSearch} candidates, which are then re-scored exactly, so that every
 *       score reported is the exact cosine, whichever search found it.
 * </ul>
 *
 * <p>Both score with {@link DotProduct}, the graph's construction too: SIMD where the JVM has the
 * vector API (Lucene's own scorers are scalar on Java 17).
 *
 * <p>Both report the same total order ({@link TopK}): score descending, then ordinal ascending.
 * Ordinals are the corpus's positions; callers sort the corpus by prompt id so that the order is
 * the same on every shard.
 */
public abstract class VectorSearch {

    /** How a shard's search is built; {@link #defaults()} are the spec's (§3.2). */
    public record Parameters(
            int exactMaxVectors, int m, int efConstruction, int efSearch, long seed)
            implements java.io.Serializable {

        public static Parameters defaults() {
            return new Parameters(20_000, 16, 100, 100, 42L);
        }

        /** These parameters, exact whatever the size (tests, the benchmark's baseline). */
        public Parameters exact() {
            return new Parameters(Integer.MAX_VALUE, m, efConstruction, efSearch, seed);
        }

        /** These parameters, approximate whatever the size. */
        public Parameters approximate() {
            return new Parameters(0, m, efConstruction, efSearch, seed);
        }
    }

    /** Queries scored together against each block of the corpus. */
    public static final int QUERY_BLOCK = 64;

    final float[][] vectors;

    VectorSearch(float[][] vectors) {
        this.vectors = vectors;
    }

    /** Exact when the corpus has at most {@code exactMaxVectors}, else HNSW. */
    public static VectorSearch over(float[][] vectors, Parameters parameters) {
        return vectors.length <= parameters.exactMaxVectors()
                ? new Exact(vectors)
                : new Hnsw(vectors, parameters);
    }

    public int size() {
        return vectors.length;
    }

    public abstract boolean exact();

    /**
     * For each query (at most {@link #QUERY_BLOCK}), up to {@code k} corpus vectors scoring above
     * {@code threshold}, best first, leaving out the ordinal {@code exclude[q]} (the query itself
     * when it is in this corpus; {@code -1} for none). When {@code reached} is given, every ordinal
     * seen scoring above the threshold is set in it (all of them when exact; those among the
     * candidates when approximate): the prompts a query may have become a neighbour of.
     */
    public abstract TopK[] nearest(
            float[][] queries, int[] exclude, int k, float threshold, BitSet reached);

    /**
     * The ordinals of the corpus vectors scoring at least {@code minScore} against {@code query},
     * ascending: all of them when exact; when approximate, the candidate list is widened until it
     * ends below {@code minScore}.
     */
    public abstract int[] within(float[] query, float minScore);

    /** The exact score of a query against an ordinal. */
    public float score(float[] query, int ordinal) {
        return DotProduct.dot(query, vectors[ordinal]);
    }

    static TopK[] lists(int queries, int k, float threshold) {
        TopK[] out = new TopK[queries];
        for (int q = 0; q < queries; q++) {
            out[q] = new TopK(k, threshold);
        }
        return out;
    }

    /** The blocked matrix product. */
    static final class Exact extends VectorSearch {

        Exact(float[][] vectors) {
            super(vectors);
        }

        @Override
        public boolean exact() {
            return true;
        }

        @Override
        public TopK[] nearest(
                float[][] queries, int[] exclude, int k, float threshold, BitSet reached) {
            TopK[] out = lists(queries.length, k, threshold);
            // each corpus vector once per block of queries, scored against all of them while it
            // is in L1; the block of queries (64 × 1.5 KB at 384 dimensions) stays in L2
            for (int c = 0; c < vectors.length; c++) {
                float[] candidate = vectors[c];
                for (int q = 0; q < queries.length; q++) {
                    float score = DotProduct.dot(queries[q], candidate);
                    if (score > threshold && c != exclude[q]) {
                        out[q].offer(c, score);
                        if (reached != null) {
                            reached.set(c);
                        }
                    }
                }
            }
            return out;
        }

        @Override
        public int[] within(float[] query, float minScore) {
            int[] hits = new int[16];
            int n = 0;
            for (int c = 0; c < vectors.length; c++) {
                if (DotProduct.dot(query, vectors[c]) >= minScore) {
                    if (n == hits.length) {
                        hits = Arrays.copyOf(hits, n * 2);
                    }
                    hits[n++] = c;
                }
            }
            return Arrays.copyOf(hits, n);
        }
    }

    /** Lucene's HNSW graph, candidates re-scored exactly. */
    static final class Hnsw extends VectorSearch {

        private final OnHeapHnswGraph graph;
        private final int efSearch;

        Hnsw(float[][] vectors, Parameters parameters) {
            super(vectors);
            this.efSearch = parameters.efSearch();
            RandomVectorScorerSupplier scorers =
                    new RandomVectorScorerSupplier() {
                        @Override
                        public RandomVectorScorer scorer(int ord) {
                            return new Scorer(vectors, vectors[ord]);
                        }

                        @Override
                        public RandomVectorScorerSupplier copy() {
                            return this; // stateless
                        }
                    };
            try {
                this.graph =
                        HnswGraphBuilder.create(
                                        scorers,
                                        parameters.m(),
                                        parameters.efConstruction(),
                                        parameters.seed())
                                .build(vectors.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // on-heap vectors: not thrown
            }
        }

        /** Lucene's scale for a dot product, {@code (1 + dot) / 2}, never below 0. */
        record Scorer(float[][] vectors, float[] query) implements RandomVectorScorer {
            @Override
            public float score(int node) {
                return Math.max(0f, (1 + DotProduct.dot(query, vectors[node])) / 2);
            }

            @Override
            public int maxOrd() {
                return vectors.length;
            }
        }

        @Override
        public boolean exact() {
            return false;
        }

        /** Up to {@code ef} candidates' ordinals, by Lucene's (approximate) order. */
        private int[] candidates(float[] query, int ef) {
            try {
                KnnCollector collector =
                        HnswGraphSearcher.search(
                                new Scorer(vectors, query), ef, graph, null, Integer.MAX_VALUE);
                ScoreDoc[] docs = collector.topDocs().scoreDocs;
                int[] out = new int[docs.length];
                for (int i = 0; i < docs.length; i++) {
                    out[i] = docs[i].doc;
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public TopK[] nearest(
                float[][] queries, int[] exclude, int k, float threshold, BitSet reached) {
            TopK[] out = lists(queries.length, k, threshold);
            if (vectors.length == 0) {
                return out;
            }
            int ef = Math.max(efSearch, k + 1);
            for (int q = 0; q < queries.length; q++) {
                for (int c : candidates(queries[q], ef)) {
                    float score = DotProduct.dot(queries[q], vectors[c]);
                    if (score > threshold && c != exclude[q]) {
                        out[q].offer(c, score);
                        if (reached != null) {
                            reached.set(c);
                        }
                    }
                }
            }
            return out;
        }

        @Override
        public int[] within(float[] query, float minScore) {
            if (vectors.length == 0) {
                return new int[0];
            }
            int ef = efSearch;
            while (true) {
                int[] found = candidates(query, ef);
                int[] hits = new int[found.length];
                int n = 0;
                for (int c : found) {
                    if (DotProduct.dot(query, vectors[c]) >= minScore) {
                        hits[n++] = c;
                    }
                }
                if (n < found.length || found.length >= vectors.length || ef >= 1 << 16) {
                    int[] out = Arrays.copyOf(hits, n);
                    Arrays.sort(out);
                    return out;
                }
                ef *= 2; // every candidate was in range: there may be more
            }
        }
    }
}
