package dev.memorygraph.batch.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exact search against a plain loop, the HNSW search against the exact one, shards against one,
 * and the switch by size, on {@link SyntheticVectors} (near-duplicates at known rates).
 */
class VectorSearchTest {

    static final VectorSearch.Parameters EXACT = VectorSearch.Parameters.defaults().exact();
    static final VectorSearch.Parameters APPROXIMATE =
            VectorSearch.Parameters.defaults().approximate();

    @Test
    void theBlockedProductFindsWhatAPlainLoopFinds() throws Exception {
        List<PromptVector> vectors = SyntheticVectors.generate(1_500, 384, 1);
        Map<String, Neighbours> lists =
                ShardedSearch.run(vectors, 1, ShardedSearch.settings(EXACT)).lists();

        int compared = 0;
        for (PromptVector q : vectors) {
            List<Object[]> plain = new ArrayList<>();
            for (PromptVector c : vectors) {
                double dot = 0;
                for (int i = 0; i < q.vector.length; i++) {
                    dot += (double) q.vector[i] * c.vector[i];
                }
                if (c != q && dot > 0.85) {
                    plain.add(new Object[] {c.id, dot});
                }
            }
            plain.sort(
                    Comparator.comparing((Object[] o) -> -(Double) o[1])
                            .thenComparing(o -> (String) o[0]));
            Neighbours found = lists.get(q.id);
            List<Object[]> top = plain.subList(0, Math.min(10, plain.size()));
            if (top.size() == found.size()) {
                for (int i = 0; i < top.size(); i++) {
                    assertThat((double) found.scores[i])
                            .isCloseTo(
                                    (Double) top.get(i)[1],
                                    org.assertj.core.data.Offset.offset(1e-5));
                    if (!found.ids[i].equals(top.get(i)[0])) {
                        // only a tie within rounding may swap two neighbours
                        assertThat(Math.abs((Double) top.get(i)[1] - found.scores[i]))
                                .isLessThan(1e-5);
                    }
                }
            } else {
                // a score within rounding of the threshold
                double edge =
                        (Double)
                                (top.size() > found.size() ? top.get(found.size()) : plain.get(0))
                                        [1];
                assertThat(Math.abs(edge - 0.85)).isLessThan(1e-5);
            }
            compared += found.size();
        }
        assertThat(compared).as("pairs above the threshold").isGreaterThan(500);
    }

    @Test
    void shardsMergedGiveTheListsOfOne() throws Exception {
        List<PromptVector> vectors = SyntheticVectors.generate(3_000, 384, 2);
        Map<String, Neighbours> one =
                ShardedSearch.run(vectors, 1, ShardedSearch.settings(EXACT)).lists();
        Map<String, Neighbours> three =
                ShardedSearch.run(vectors, 3, ShardedSearch.settings(EXACT)).lists();

        assertThat(three).isEqualTo(one);
    }

    @Test
    void hnswFindsAtLeast99PercentOfTheExactPairsWithTheirExactScores() throws Exception {
        List<PromptVector> vectors = SyntheticVectors.generate(5_000, 384, 3);
        Map<String, Neighbours> exact =
                ShardedSearch.run(vectors, 2, ShardedSearch.settings(EXACT)).lists();
        Map<String, Neighbours> approximate =
                ShardedSearch.run(vectors, 2, ShardedSearch.settings(APPROXIMATE)).lists();

        Set<String> truth = ShardedSearch.edges(exact);
        Set<String> found = ShardedSearch.edges(approximate);
        Set<String> hit = new HashSet<>(found);
        hit.retainAll(truth);
        assertThat((double) hit.size() / truth.size()).isGreaterThanOrEqualTo(0.99);
        // re-scored exactly: a pair both found has the same score
        approximate.forEach(
                (id, n) -> {
                    for (int i = 0; i < n.size(); i++) {
                        String to = n.ids[i];
                        Neighbours e = exact.get(id);
                        for (int j = 0; j < e.size(); j++) {
                            if (e.ids[j].equals(to)) {
                                assertThat(n.scores[i]).isEqualTo(e.scores[j]);
                            }
                        }
                    }
                });
    }

    @Test
    void identicalVectorsAreOrderedByIdAndNoPromptIsItsOwnNeighbour() {
        float[] v = PromptVector.unit(new float[] {1, 2, 3, 4});
        List<PromptVector> corpus =
                new ArrayList<>(
                        List.of(
                                new PromptVector("c", "c", 0, v.clone()),
                                new PromptVector("a", "a", 0, v.clone()),
                                new PromptVector("b", "b", 0, v.clone()),
                                new PromptVector(
                                        "z",
                                        "z",
                                        0,
                                        PromptVector.unit(new float[] {4, -3, 2, -1}))));
        for (VectorSearch.Parameters p : List.of(EXACT, APPROXIMATE)) {
            SimilarityShard shard =
                    new SimilarityShard(new ArrayList<>(corpus), ShardedSearch.settings(p), false);
            Neighbours[] found = shard.answer(List.of(corpus.get(2), corpus.get(3)));
            assertThat(found[0].ids).containsExactly("a", "c");
            assertThat(found[1].ids).isEmpty();
        }
    }

    @Test
    void theSearchIsExactUpToTheSizeAndApproximateAbove() {
        float[][] ten = new float[10][];
        for (int i = 0; i < 10; i++) {
            ten[i] = PromptVector.unit(new float[] {1, i, 2});
        }
        VectorSearch.Parameters p = new VectorSearch.Parameters(10, 16, 200, 100, 42L);
        assertThat(VectorSearch.over(ten, p).exact()).isTrue();
        assertThat(VectorSearch.over(java.util.Arrays.copyOf(ten, 9), p).exact()).isTrue();
        float[][] eleven = java.util.Arrays.copyOf(ten, 11);
        eleven[10] = PromptVector.unit(new float[] {3, 1, 2});
        assertThat(VectorSearch.over(eleven, p).exact()).isFalse();
    }

    @Test
    void aRangeSearchFindsEveryVectorInRangeOnBothSearches() {
        List<PromptVector> vectors = SyntheticVectors.generate(5_000, 384, 4);
        float[][] all = vectors.stream().map(v -> v.vector).toArray(float[][]::new);
        VectorSearch exact = VectorSearch.over(all, EXACT);
        VectorSearch hnsw = VectorSearch.over(all, APPROXIMATE);
        long inRange = 0;
        long found = 0;
        for (int q = 0; q < all.length; q += 10) {
            int[] truth = exact.within(all[q], 0.8f);
            int[] approx = hnsw.within(all[q], 0.8f);
            assertThat(truth).contains(q);
            Set<Integer> t = new HashSet<>();
            for (int o : truth) {
                t.add(o);
            }
            for (int o : approx) {
                assertThat(t).contains(o);
                found++;
            }
            inRange += truth.length;
        }
        assertThat((double) found / inRange).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void mergingKeepsTheBestKInOneOrder() {
        Neighbours a = new Neighbours("q", new String[] {"x", "b"}, new float[] {0.99f, 0.9f});
        Neighbours b = new Neighbours("q", new String[] {"a", "y"}, new float[] {0.9f, 0.86f});
        Neighbours merged = Neighbours.merge(a, b, 3);
        assertThat(merged.ids).containsExactly("x", "a", "b");
        assertThat(Neighbours.merge(b, a, 3)).isEqualTo(merged);
    }
}
