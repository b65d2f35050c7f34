package dev.memorygraph.batch.similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The similarity job's shape without Flink, for tests and the benchmark: the corpus partitioned by
 * {@link SimilarityShard#of}, one {@link SimilarityShard} per shard on its own thread, every query
 * to every shard, lists merged per query.
 */
final class ShardedSearch {

    /** What a run took, in seconds, and what it found. */
    record Run(double buildSeconds, double searchSeconds, Map<String, Neighbours> lists) {}

    private ShardedSearch() {}

    static Run run(List<PromptVector> vectors, int shards, SimilarityOptions.Settings settings)
            throws Exception {
        return run(vectors, vectors, shards, settings);
    }

    /** {@code queries} against {@code vectors}. */
    static Run run(
            List<PromptVector> vectors,
            List<PromptVector> queries,
            int shards,
            SimilarityOptions.Settings settings)
            throws Exception {
        List<List<PromptVector>> parts = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            parts.add(new ArrayList<>());
        }
        for (PromptVector v : vectors) {
            parts.get(SimilarityShard.of(v.id, shards)).add(v);
        }
        ExecutorService threads = Executors.newFixedThreadPool(shards);
        try {
            long start = System.nanoTime();
            List<Future<SimilarityShard>> built = new ArrayList<>();
            for (List<PromptVector> part : parts) {
                built.add(
                        threads.submit(
                                () -> new SimilarityShard(new ArrayList<>(part), settings, false)));
            }
            List<SimilarityShard> all = new ArrayList<>();
            for (Future<SimilarityShard> f : built) {
                all.add(f.get());
            }
            long afterBuild = System.nanoTime();
            List<Future<Neighbours[]>> answered = new ArrayList<>();
            for (SimilarityShard shard : all) {
                answered.add(
                        threads.submit(
                                () -> {
                                    Neighbours[] out = new Neighbours[queries.size()];
                                    for (int q = 0;
                                            q < queries.size();
                                            q += VectorSearch.QUERY_BLOCK) {
                                        List<PromptVector> block =
                                                queries.subList(
                                                        q,
                                                        Math.min(
                                                                queries.size(),
                                                                q + VectorSearch.QUERY_BLOCK));
                                        Neighbours[] found = shard.answer(block);
                                        System.arraycopy(found, 0, out, q, found.length);
                                    }
                                    return out;
                                }));
            }
            Map<String, Neighbours> lists = new HashMap<>(queries.size() * 2);
            for (Future<Neighbours[]> f : answered) {
                for (Neighbours n : f.get()) {
                    lists.merge(
                            n.id, n, (a, b) -> Neighbours.merge(a, b, settings.maxNeighbours()));
                }
            }
            long end = System.nanoTime();
            return new Run((afterBuild - start) / 1e9, (end - afterBuild) / 1e9, lists);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The edges of the lists, {@code "from -> to"}. */
    static java.util.Set<String> edges(Map<String, Neighbours> lists) {
        java.util.Set<String> out = new java.util.HashSet<>();
        lists.values()
                .forEach(
                        n -> {
                            for (String to : n.ids) {
                                out.add(n.id + " -> " + to);
                            }
                        });
        return out;
    }

    static SimilarityOptions.Settings settings(VectorSearch.Parameters search) {
        return new SimilarityOptions.Settings(
                SimilarityOptions.Mode.FULL,
                java.time.Duration.ofDays(30),
                0.85f,
                10,
                java.time.Duration.ofDays(90),
                search);
    }
}
