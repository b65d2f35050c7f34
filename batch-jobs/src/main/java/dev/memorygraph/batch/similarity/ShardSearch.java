package dev.memorygraph.batch.similarity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.InputSelectable;
import org.apache.flink.streaming.api.operators.InputSelection;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard of the similarity search. The first input is this shard's part of the corpus
 * (partitioned by prompt id), read to its end before anything else; the shard then sorts it by id
 * and builds its {@link VectorSearch}. The second input is every query (broadcast to all shards),
 * answered in blocks as it arrives: each query's best neighbours within this shard ({@link
 * Neighbours}, at most k, possibly none), for a keyed merge downstream. With {@link #REACHED}, the
 * shard also reports the ids of its prompts that some query scored above the threshold (the
 * incremental run recomputes those).
 */
final class ShardSearch extends AbstractStreamOperator<Neighbours>
        implements TwoInputStreamOperator<PromptVector, PromptVector, Neighbours>,
                InputSelectable,
                BoundedMultiInput {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShardSearch.class);

    static final OutputTag<String> REACHED = new OutputTag<>("reached") {};

    static final String ACC_CORPUS = "similarity.corpus";
    static final String ACC_SHARDS = "similarity.shards";
    static final String ACC_APPROXIMATE_SHARDS = "similarity.approximate-shards";

    private final SimilarityOptions.Settings settings;
    private final boolean reportReached;

    private transient List<PromptVector> corpus;
    private transient boolean corpusDone;
    private transient String[] ids;
    private transient Map<String, Integer> ordinals;
    private transient VectorSearch search;
    private transient BitSet reached;
    private transient List<PromptVector> block;

    ShardSearch(SimilarityOptions.Settings settings, boolean reportReached) {
        this.settings = settings;
        this.reportReached = reportReached;
    }

    @Override
    public void open() throws Exception {
        super.open();
        corpus = new ArrayList<>();
        block = new ArrayList<>(VectorSearch.QUERY_BLOCK);
    }

    @Override
    public InputSelection nextSelection() {
        return corpusDone ? InputSelection.SECOND : InputSelection.FIRST;
    }

    @Override
    public void processElement1(StreamRecord<PromptVector> element) {
        corpus.add(element.getValue());
    }

    @Override
    public void processElement2(StreamRecord<PromptVector> element) {
        if (!corpusDone) {
            throw new IllegalStateException("a query before the end of the corpus");
        }
        block.add(element.getValue());
        if (block.size() == VectorSearch.QUERY_BLOCK) {
            answer();
        }
    }

    @Override
    public void endInput(int inputId) {
        if (inputId == 1) {
            build();
        } else {
            if (!corpusDone) {
                build();
            }
            answer();
            if (reportReached) {
                for (int o = reached.nextSetBit(0); o >= 0; o = reached.nextSetBit(o + 1)) {
                    output.collect(REACHED, new StreamRecord<>(ids[o]));
                }
            }
        }
    }

    private void build() {
        corpus.sort(Comparator.comparing(v -> v.id));
        int n = corpus.size();
        ids = new String[n];
        float[][] vectors = new float[n][];
        ordinals = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            ids[i] = corpus.get(i).id;
            vectors[i] = corpus.get(i).vector;
            ordinals.put(ids[i], i);
        }
        corpus = null;
        long start = System.nanoTime();
        search = VectorSearch.over(vectors, settings.search());
        reached = reportReached ? new BitSet(n) : null;
        corpusDone = true;
        getRuntimeContext().getLongCounter(ACC_CORPUS).add(n);
        getRuntimeContext().getLongCounter(ACC_SHARDS).add(1);
        getRuntimeContext().getLongCounter(ACC_APPROXIMATE_SHARDS).add(search.exact() ? 0 : 1);
        LOG.info(
                "Similarity shard {}: {} prompts, {} search, built in {} ms",
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                n,
                search.exact() ? "exact" : "HNSW",
                (System.nanoTime() - start) / 1_000_000);
    }

    private void answer() {
        if (block.isEmpty()) {
            return;
        }
        int n = block.size();
        float[][] vectors = new float[n][];
        int[] exclude = new int[n];
        for (int q = 0; q < n; q++) {
            PromptVector query = block.get(q);
            vectors[q] = query.vector;
            exclude[q] = ordinals.getOrDefault(query.id, -1);
        }
        TopK[] found =
                search.nearest(
                        vectors, exclude, settings.maxNeighbours(), settings.threshold(), reached);
        for (int q = 0; q < n; q++) {
            TopK top = found[q];
            String[] neighbourIds = new String[top.size()];
            float[] scores = new float[top.size()];
            for (int i = 0; i < top.size(); i++) {
                neighbourIds[i] = ids[top.ordinal(i)];
                scores[i] = top.score(i);
            }
            output.collect(
                    new StreamRecord<>(new Neighbours(block.get(q).id, neighbourIds, scores)));
        }
        block.clear();
    }
}
