package dev.memorygraph.operators.embed;

import static dev.memorygraph.core.metrics.MetricNames.CACHE_HIT_RATE;
import static dev.memorygraph.core.metrics.MetricNames.EMBEDDINGS_TOTAL;
import static dev.memorygraph.core.metrics.MetricNames.ENRICHMENT_DURATION_SECONDS;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_LAYER;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STAGE;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STATUS;

import dev.memorygraph.core.metrics.DurationHistogram;
import dev.memorygraph.core.state.StateTtl;
import dev.memorygraph.model.Embedding;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.Metadata;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 5 on a stream keyed by {@link EmbeddingStage#key model and text}: an asynchronous operator
 * whose cache is keyed state, so identical text is embedded once within {@code
 * embedding.cache.ttl}, across users and sessions, and the cache rolls back with checkpoints.
 *
 * <p>Per key: a cached vector is attached at once; otherwise the event waits in keyed state and one
 * request is sent for the key, however many events of the same text arrive meanwhile, and its
 * answer is cached and attached to all of them. Requests run on the embedder's threads; answers are
 * applied on the task thread through the mailbox (as Flink's own async operator does), at most
 * {@code embedding.max-in-flight} at a time. Waiting events are checkpointed with the keys that had
 * a request out, and a restored subtask asks again for the keys of its key groups. Watermarks are
 * held back until every event that arrived before them has gone out.
 *
 * <p>A text the provider refuses, or a provider down past its retries, lets the events go on
 * without a vector (counted by status); nothing is held back or dropped, and nothing is cached.
 */
@Internal
public final class EmbeddingOperator extends AbstractStreamOperator<EnrichedEvent>
        implements OneInputStreamOperator<EnrichedEvent, EnrichedEvent>, BoundedOneInput {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingOperator.class);

    static final String STAGE = "embedding";

    private final EmbeddingOptions options;
    private final transient MailboxExecutor mailbox;

    private transient Embedder embedder;
    private transient ValueState<float[]> cache;
    private transient ListState<Waiting> waiting;
    private transient ListState<String> pendingKeysState;
    private transient Set<String> pending;
    private transient List<String> restoredKeys;
    private transient TreeSet<Long> inFlight;
    private transient long sequence;
    private transient Deque<HeldWatermark> heldWatermarks;

    private transient Counter hits;
    private transient Counter embedded;
    private transient Counter rejected;
    private transient Counter failed;
    private transient DurationHistogram duration;

    /** An event waiting for its text's vector, with its record's timestamp. */
    public record Waiting(EnrichedEvent event, Long timestamp) {}

    private record HeldWatermark(Watermark watermark, long afterSequence) {}

    EmbeddingOperator(
            StreamOperatorParameters<EnrichedEvent> parameters,
            EmbeddingOptions options,
            MailboxExecutor mailbox) {
        super(parameters);
        this.options = options;
        this.mailbox = mailbox;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        ValueStateDescriptor<float[]> cacheDescriptor =
                new ValueStateDescriptor<>(
                        "embedding-cache", PrimitiveArrayTypeInfo.FLOAT_PRIMITIVE_ARRAY_TYPE_INFO);
        cacheDescriptor.enableTimeToLive(StateTtl.afterWrite(options.cacheTtl()));
        cache = getKeyedStateStore().getState(cacheDescriptor);
        waiting =
                getKeyedStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "embedding-waiting", TypeInformation.of(Waiting.class)));
        pendingKeysState =
                context.getOperatorStateStore()
                        .getUnionListState(
                                new ListStateDescriptor<>("embedding-pending-keys", Types.STRING));
        pending = new HashSet<>();
        inFlight = new TreeSet<>();
        heldWatermarks = new ArrayDeque<>();
        restoredKeys = new ArrayList<>();
        if (context.isRestored()) {
            org.apache.flink.api.common.TaskInfo task = getRuntimeContext().getTaskInfo();
            int maxParallelism = task.getMaxNumberOfParallelSubtasks();
            KeyGroupRange mine =
                    KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                            maxParallelism,
                            task.getNumberOfParallelSubtasks(),
                            task.getIndexOfThisSubtask());
            for (String key : pendingKeysState.get()) {
                if (mine.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism))) {
                    restoredKeys.add(key);
                }
            }
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        embedder = options.embedder().create();
        MetricGroup metrics = getMetricGroup();
        MetricGroup counts = metrics.addGroup(LABEL_STAGE, STAGE);
        hits = counts.addGroup(LABEL_STATUS, "cached").counter(EMBEDDINGS_TOTAL);
        embedded = counts.addGroup(LABEL_STATUS, "embedded").counter(EMBEDDINGS_TOTAL);
        rejected = counts.addGroup(LABEL_STATUS, "rejected").counter(EMBEDDINGS_TOTAL);
        failed = counts.addGroup(LABEL_STATUS, "unavailable").counter(EMBEDDINGS_TOTAL);
        duration = counts.histogram(ENRICHMENT_DURATION_SECONDS, new DurationHistogram(1024));
        metrics.addGroup(LABEL_LAYER, STAGE).gauge(CACHE_HIT_RATE, (Gauge<Double>) this::hitRate);
        for (String key : restoredKeys) {
            setCurrentKey(key);
            Waiting first = first();
            if (first != null) {
                pending.add(key);
                request(key, EmbeddingStage.textOf(first.event(), options.maxChars()));
            }
        }
        restoredKeys.clear();
    }

    private double hitRate() {
        long cached = hits.getCount();
        long all = cached + embedded.getCount() + rejected.getCount() + failed.getCount();
        return all == 0 ? 0.0 : (double) cached / all;
    }

    @Override
    public void processElement(StreamRecord<EnrichedEvent> record) throws Exception {
        String key = (String) getCurrentKey();
        float[] vector = cache.value();
        if (vector != null) {
            hits.inc();
            output.collect(
                    record.replace(
                            record.getValue()
                                    .withEmbedding(new Embedding(embedder.model(), vector))));
            return;
        }
        waiting.add(
                new Waiting(
                        record.getValue(), record.hasTimestamp() ? record.getTimestamp() : null));
        if (pending.add(key)) {
            while (inFlight.size() >= options.maxInFlight()) {
                mailbox.yield();
            }
            setCurrentKey(key); // answers applied while yielding switched it
            request(key, EmbeddingStage.textOf(record.getValue(), options.maxChars()));
        }
    }

    private void request(String key, String text) {
        long id = ++sequence;
        inFlight.add(id);
        long start = System.nanoTime();
        embedder.embed(text)
                .whenComplete(
                        (vector, error) ->
                                mailbox.execute(
                                        () -> answered(key, id, start, vector, error),
                                        "embedding answer"));
    }

    private void answered(String key, long id, long start, float[] vector, Throwable error)
            throws Exception {
        setCurrentKey(key);
        Embedding embedding = null;
        Throwable cause =
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
        if (cause == null) {
            duration.recordSince(start);
            cache.update(vector);
            embedding = new Embedding(embedder.model(), vector);
        } else {
            LOG.warn(
                    "Embedding failed ({}); the events of this text go on without a vector",
                    cause.getClass().getSimpleName());
        }
        int events = 0;
        for (Waiting w : waiting.get()) {
            EnrichedEvent event;
            if (embedding != null) {
                event = w.event().withEmbedding(embedding);
            } else if (cause instanceof Embedder.RejectedTextException) {
                event = w.event(); // refused for good: asking again would not help
            } else {
                // the provider did not answer: the re-enrichment job completes the event later
                event =
                        w.event()
                                .withMetadata(
                                        w.event()
                                                .metadataOrNone()
                                                .missing(Metadata.MISSING_EMBEDDING));
            }
            output.collect(
                    w.timestamp() == null
                            ? new StreamRecord<>(event)
                            : new StreamRecord<>(event, w.timestamp()));
            events++;
        }
        if (cause == null) {
            embedded.inc();
            hits.inc(Math.max(0, events - 1)); // the others of the same text were served by it
        } else if (cause instanceof Embedder.RejectedTextException) {
            rejected.inc(events);
        } else {
            failed.inc(events);
        }
        waiting.clear();
        pending.remove(key);
        inFlight.remove(id);
        releaseWatermarks();
    }

    private Waiting first() throws Exception {
        for (Waiting w : waiting.get()) {
            return w;
        }
        return null;
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (inFlight.isEmpty() && heldWatermarks.isEmpty()) {
            super.processWatermark(mark);
        } else {
            heldWatermarks.add(new HeldWatermark(mark, sequence));
        }
    }

    /** Sends on the held watermarks whose events have all gone out. */
    private void releaseWatermarks() throws Exception {
        while (!heldWatermarks.isEmpty()
                && (inFlight.isEmpty()
                        || inFlight.first() > heldWatermarks.peekFirst().afterSequence())) {
            super.processWatermark(heldWatermarks.pollFirst().watermark());
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        pendingKeysState.update(new ArrayList<>(pending));
    }

    @Override
    public void endInput() throws Exception {
        while (!inFlight.isEmpty()) {
            mailbox.yield();
        }
        releaseWatermarks();
    }

    @Override
    public void finish() throws Exception {
        endInput();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        try {
            if (embedder != null) {
                embedder.close();
            }
        } finally {
            super.close();
        }
    }
}
