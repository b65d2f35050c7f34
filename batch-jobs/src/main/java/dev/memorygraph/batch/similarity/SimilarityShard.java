package dev.memorygraph.batch.similarity;

import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shard's corpus and search, outside Flink: the prompts sorted by id (so the search's order is
 * the same on every shard), their {@link VectorSearch}, and queries answered in blocks. {@link
 * ShardSearch} runs one per subtask; the benchmark runs them on threads.
 */
public final class SimilarityShard {

    private final SimilarityOptions.Settings settings;
    private final String[] ids;
    private final Map<String, Integer> ordinals;
    private final VectorSearch search;
    private final BitSet reached;

    /** Sorts {@code corpus} by id and builds its search. */
    public SimilarityShard(
            List<PromptVector> corpus, SimilarityOptions.Settings settings, boolean trackReached) {
        this.settings = settings;
        corpus.sort(Comparator.comparing(v -> v.id));
        int n = corpus.size();
        this.ids = new String[n];
        float[][] vectors = new float[n][];
        this.ordinals = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            ids[i] = corpus.get(i).id;
            vectors[i] = corpus.get(i).vector;
            ordinals.put(ids[i], i);
        }
        this.search = VectorSearch.over(vectors, settings.search());
        this.reached = trackReached ? new BitSet(n) : null;
    }

    public int size() {
        return ids.length;
    }

    public boolean exact() {
        return search.exact();
    }

    /**
     * Each query's best neighbours in this shard, at most {@link VectorSearch#QUERY_BLOCK} queries
     * at a time; a query is never its own neighbour.
     */
    public Neighbours[] answer(List<PromptVector> queries) {
        int n = queries.size();
        float[][] vectors = new float[n][];
        int[] exclude = new int[n];
        for (int q = 0; q < n; q++) {
            PromptVector query = queries.get(q);
            vectors[q] = query.vector;
            exclude[q] = ordinals.getOrDefault(query.id, -1);
        }
        TopK[] found =
                search.nearest(
                        vectors, exclude, settings.maxNeighbours(), settings.threshold(), reached);
        Neighbours[] out = new Neighbours[n];
        for (int q = 0; q < n; q++) {
            TopK top = found[q];
            String[] neighbourIds = new String[top.size()];
            float[] scores = new float[top.size()];
            for (int i = 0; i < top.size(); i++) {
                neighbourIds[i] = ids[top.ordinal(i)];
                scores[i] = top.score(i);
            }
            out[q] = new Neighbours(queries.get(q).id, neighbourIds, scores);
        }
        return out;
    }

    /** The ids of this shard's prompts some query scored above the threshold (when tracked). */
    public List<String> reached() {
        List<String> out = new java.util.ArrayList<>();
        for (int o = reached.nextSetBit(0); o >= 0; o = reached.nextSetBit(o + 1)) {
            out.add(ids[o]);
        }
        return out;
    }

    /** The shard of a prompt id among {@code shards}: the partitioning of the Flink job. */
    public static int of(String id, int shards) {
        return Math.floorMod(org.apache.flink.util.MathUtils.murmurHash(id.hashCode()), shards);
    }
}
