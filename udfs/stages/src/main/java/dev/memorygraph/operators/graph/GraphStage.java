package dev.memorygraph.operators.graph;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.graph.GraphMutation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Stage 7 as a pipeline fragment: enriched events in, graph mutations out. */
public final class GraphStage {

    public static final String UID = "graph-extract";

    private GraphStage() {}

    public static DataStream<GraphMutation> apply(
            DataStream<EnrichedEvent> enriched, GraphOptions options) {
        return enriched.keyBy(GraphExtractionFunction::key, Types.STRING)
                .process(
                        new GraphExtractionFunction(
                                options.sessionTtl(), options.maxSessionPrompts()))
                .uid(UID)
                .name("Graph extraction (stage 7)");
    }
}
