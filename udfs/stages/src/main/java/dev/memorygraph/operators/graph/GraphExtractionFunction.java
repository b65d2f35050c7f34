package dev.memorygraph.operators.graph;

import static dev.memorygraph.core.metrics.MetricNames.ENRICHMENT_DURATION_SECONDS;
import static dev.memorygraph.core.metrics.MetricNames.GRAPH_MUTATIONS_TOTAL;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STAGE;

import dev.memorygraph.core.metrics.DurationHistogram;
import dev.memorygraph.core.state.StateTtl;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.RelationshipType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Stage 7: graph mutations for each enriched event, keyed by session.
 *
 * <p>Besides what {@link GraphExtractor} emits, a prompt is placed in its session's {@link
 * PromptTimeline} by event time, and {@code FOLLOWS} {@link GraphMutation.Kind#SEQUENCE_LINK}s tie
 * it to its neighbours there. A sequence link replaces whatever {@code FOLLOWS} its ends had, so
 * the chain in the graph is the event-time order whatever order prompts arrive in, and replaying
 * from a checkpoint (the timeline is keyed state) converges to the same chain.
 *
 * <p>Responses carry no session id; they are keyed by their own id and use no state.
 */
public class GraphExtractionFunction
        extends KeyedProcessFunction<String, EnrichedEvent, GraphMutation> {

    private static final long serialVersionUID = 1L;

    /** State name: part of the savepoint format, never rename. */
    static final String STATE_NAME = "graph-prompt-timeline-v1";

    private final Duration sessionTtl;
    private final int maxSessionPrompts;

    private transient GraphExtractor extractor;
    private transient ValueState<PromptTimeline> timeline;
    private transient Counter mutations;
    private transient DurationHistogram duration;

    public GraphExtractionFunction(Duration sessionTtl, int maxSessionPrompts) {
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("graph.session-ttl must be positive");
        }
        if (maxSessionPrompts < 2) {
            throw new IllegalArgumentException("graph.max-session-prompts must be at least 2");
        }
        this.sessionTtl = sessionTtl;
        this.maxSessionPrompts = maxSessionPrompts;
    }

    /** The key events are partitioned by: the session, or the event itself for responses. */
    public static String key(EnrichedEvent enriched) {
        String session = enriched.event().sessionId();
        return session != null ? session : enriched.eventId();
    }

    static ValueStateDescriptor<PromptTimeline> stateDescriptor(Duration ttl) {
        ValueStateDescriptor<PromptTimeline> descriptor =
                new ValueStateDescriptor<>(STATE_NAME, TypeInformation.of(PromptTimeline.class));
        descriptor.enableTimeToLive(StateTtl.afterWrite(ttl));
        return descriptor;
    }

    @Override
    public void open(OpenContext openContext) {
        extractor = new GraphExtractor();
        timeline = getRuntimeContext().getState(stateDescriptor(sessionTtl));
        mutations = getRuntimeContext().getMetricGroup().counter(GRAPH_MUTATIONS_TOTAL);
        duration =
                getRuntimeContext()
                        .getMetricGroup()
                        .addGroup(LABEL_STAGE, "graph")
                        .histogram(ENRICHMENT_DURATION_SECONDS, new DurationHistogram(1024));
    }

    @Override
    public void processElement(EnrichedEvent enriched, Context ctx, Collector<GraphMutation> out)
            throws Exception {
        long start = System.nanoTime();
        List<GraphMutation> extracted = extractor.extract(enriched);
        for (GraphMutation mutation : extracted) {
            out.collect(mutation);
        }
        long emitted = extracted.size();
        if (enriched.event().type() == EventType.PROMPT) {
            emitted += sequence(enriched.event().prompt(), out);
        }
        mutations.inc(emitted);
        duration.recordSince(start);
    }

    private int sequence(PromptEvent prompt, Collector<GraphMutation> out) throws Exception {
        PromptTimeline current = timeline.value();
        if (current == null) {
            current = PromptTimeline.empty();
        }
        long time = prompt.timestamp().toEpochMilli();
        String id = prompt.eventId();
        int found = current.find(time, id);
        if (found >= 0) {
            return 0; // seen before: its links were emitted then
        }
        int position = -found - 1;
        int emitted = 0;
        if (position > 0) {
            out.collect(follows(current, position - 1, time, id, prompt.eventId()));
            emitted++;
        }
        if (position < current.size()) {
            long nextTime = current.times()[position];
            out.collect(
                    GraphMutation.sequenceLink(
                            RelationshipType.FOLLOWS,
                            id,
                            current.ids()[position],
                            Map.of("gapMs", nextTime - time),
                            prompt.eventId()));
            emitted++;
        }
        timeline.update(current.insert(position, time, id, maxSessionPrompts));
        return emitted;
    }

    private static GraphMutation follows(
            PromptTimeline timeline, int previous, long time, String id, String source) {
        return GraphMutation.sequenceLink(
                RelationshipType.FOLLOWS,
                timeline.ids()[previous],
                id,
                Map.of("gapMs", time - timeline.times()[previous]),
                source);
    }
}
