package dev.memorygraph.batch.similarity;

import java.util.ArrayList;
import java.util.List;
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
 * One shard of the similarity search, as a Flink operator. The first input is this shard's part of
 * the corpus (partitioned by {@link SimilarityShard#of}), read to its end before anything else
 * ({@link InputSelectable}); the shard then builds its {@link SimilarityShard}. The second input is
 * every query (broadcast to all shards), answered in blocks as it arrives: each query's best
 * neighbours within this shard ({@link Neighbours}, at most k, possibly none), for a keyed merge
 * downstream. With {@link #REACHED}, the shard also reports the ids of its prompts that some query
 * scored above the threshold (the incremental run recomputes those).
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
    private transient SimilarityShard shard;
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
        return shard == null ? InputSelection.FIRST : InputSelection.SECOND;
    }

    @Override
    public void processElement1(StreamRecord<PromptVector> element) {
        corpus.add(element.getValue());
    }

    @Override
    public void processElement2(StreamRecord<PromptVector> element) {
        if (shard == null) {
            throw new IllegalStateException("a query before the end of the corpus");
        }
        block.add(element.getValue());
        if (block.size() == VectorSearch.QUERY_BLOCK) {
            answer();
        }
    }

    @Override
    public void endInput(int inputId) {
        if (shard == null) {
            build();
        }
        if (inputId == 2) {
            answer();
            if (reportReached) {
                for (String id : shard.reached()) {
                    output.collect(REACHED, new StreamRecord<>(id));
                }
            }
        }
    }

    private void build() {
        long start = System.nanoTime();
        shard = new SimilarityShard(corpus, settings, reportReached);
        corpus = null;
        getRuntimeContext().getLongCounter(ACC_CORPUS).add(shard.size());
        getRuntimeContext().getLongCounter(ACC_SHARDS).add(1);
        getRuntimeContext().getLongCounter(ACC_APPROXIMATE_SHARDS).add(shard.exact() ? 0 : 1);
        LOG.info(
                "Similarity shard {}: {} prompts, {} search, built in {} ms",
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                shard.size(),
                shard.exact() ? "exact" : "HNSW",
                (System.nanoTime() - start) / 1_000_000);
    }

    private void answer() {
        if (block.isEmpty()) {
            return;
        }
        for (Neighbours found : shard.answer(block)) {
            output.collect(new StreamRecord<>(found));
        }
        block.clear();
    }
}
