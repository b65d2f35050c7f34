package dev.memorygraph.batch.similarity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The similarity search's benchmark ({@code mvn -pl batch-jobs test-compile
 * exec:exec@similarity-benchmark}): on {@link SyntheticVectors} (384 dimensions, 30% of texts with
 * paraphrases), partitioned into two shards on two threads as the job runs with parallelism 2,
 *
 * <ol>
 *   <li>a sample ({@code bench.similarity.sample}, 100,000): the exact search and the job's default
 *       search (HNSW, as each shard holds more than {@code exact-max-vectors}), and the recall of
 *       the exact edges (pairs above 0.85 in the top 10);
 *   <li>the large set ({@code bench.similarity.vectors}, 1,000,000): the default search's wall
 *       time, build and search apart.
 * </ol>
 */
public final class SimilarityBenchmark {

    private SimilarityBenchmark() {}

    public static void main(String[] args) throws Exception {
        int sample = Integer.getInteger("bench.similarity.sample", 100_000);
        int large = Integer.getInteger("bench.similarity.vectors", 1_000_000);
        int shards = Integer.getInteger("bench.similarity.shards", 2);
        VectorSearch.Parameters defaults = VectorSearch.Parameters.defaults();
        System.out.printf(
                "similarity benchmark: %d dimensions, %d shards on %d cores, threshold 0.85, k 10,"
                        + " HNSW M=%d efConstruction=%d efSearch=%d%n",
                384,
                shards,
                Runtime.getRuntime().availableProcessors(),
                defaults.m(),
                defaults.efConstruction(),
                defaults.efSearch());

        // where the exact search stops paying: every prompt of the set queried, as a full run does
        for (int n : new int[] {2_000, 5_000, 10_000}) {
            List<PromptVector> set = SyntheticVectors.generate(n, 384, n);
            report(
                    "exact (blocked product)",
                    n,
                    ShardedSearch.run(set, shards, ShardedSearch.settings(defaults.exact())));
            report(
                    "HNSW",
                    n,
                    ShardedSearch.run(set, shards, ShardedSearch.settings(defaults.approximate())));
        }

        // recall on the sample: every prompt's list by the default search; the exact lists of a
        // random 5,000 of them (all of the sample's pairs would take the exact search ~n^2)
        List<PromptVector> vectors = SyntheticVectors.generate(sample, 384, 7);
        VectorSearch.Parameters spec =
                new VectorSearch.Parameters(defaults.exactMaxVectors(), 16, 200, 100, 42L);
        ShardedSearch.Run specRun =
                defaults.equals(spec)
                        ? null
                        : ShardedSearch.run(vectors, shards, ShardedSearch.settings(spec));
        ShardedSearch.Run approximate =
                ShardedSearch.run(vectors, shards, ShardedSearch.settings(defaults));
        List<PromptVector> queries = new java.util.ArrayList<>(vectors);
        java.util.Collections.shuffle(queries, new java.util.Random(11));
        queries = queries.subList(0, Math.min(5_000, queries.size()));
        ShardedSearch.Run exact =
                ShardedSearch.run(
                        vectors, queries, shards, ShardedSearch.settings(defaults.exact()));
        report("default (HNSW)", sample, approximate);
        System.out.printf(
                "  exact lists of %,d random prompts of the sample in %.1f s (%,.0f queries/s)%n",
                queries.size(),
                exact.buildSeconds() + exact.searchSeconds(),
                queries.size() / (exact.buildSeconds() + exact.searchSeconds()));
        recall("  default (HNSW) on them", approximate, queries, exact.lists());
        if (specRun != null) {
            report("HNSW efConstruction=200", sample, specRun);
            recall("  efConstruction=200 on them", specRun, queries, exact.lists());
        }
        vectors = null;
        approximate = null;

        if (large > 0) {
            List<PromptVector> big = SyntheticVectors.generate(large, 384, 8);
            report(
                    "default (HNSW)",
                    large,
                    ShardedSearch.run(big, shards, ShardedSearch.settings(defaults)));
        }
    }

    static void recall(
            String what,
            ShardedSearch.Run run,
            List<PromptVector> queries,
            Map<String, Neighbours> truth) {
        Map<String, Neighbours> found = new java.util.HashMap<>();
        for (PromptVector q : queries) {
            found.put(q.id, run.lists().get(q.id));
        }
        Set<String> expected = ShardedSearch.edges(truth);
        Set<String> edges = ShardedSearch.edges(found);
        Set<String> hit = new HashSet<>(edges);
        hit.retainAll(expected);
        System.out.printf(
                "%s: recall %.4f of %,d exact edges (pairs above 0.85 in the top 10), precision"
                        + " %.4f%n",
                what,
                (double) hit.size() / expected.size(),
                expected.size(),
                edges.isEmpty() ? 1.0 : (double) hit.size() / edges.size());
    }

    static void report(String what, int n, ShardedSearch.Run run) {
        Set<String> edges = ShardedSearch.edges(run.lists());
        long withNeighbours = run.lists().values().stream().filter(l -> l.size() > 0).count();
        double total = run.buildSeconds() + run.searchSeconds();
        System.out.printf(
                "%-24s %,9d vectors: build %7.1f s, search %7.1f s, total %7.1f s (%,.0f"
                        + " vectors/s); %,d with neighbours (%.1f%%), %,d edges%n",
                what,
                n,
                run.buildSeconds(),
                run.searchSeconds(),
                total,
                n / total,
                withNeighbours,
                100.0 * withNeighbours / n,
                edges.size());
    }
}
