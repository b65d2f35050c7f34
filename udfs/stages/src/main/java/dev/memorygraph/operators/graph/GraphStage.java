package dev.memorygraph.operators.graph;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.GraphMutationTypeInfoFactory.GraphMutationTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Stage 7 as a pipeline fragment: enriched events in, graph mutations out, in three streams, each
 * for its own sink.
 *
 * <ul>
 *   <li>{@link Output#sessions()}: everything a session's events write (its prompts, the session,
 *       their relationships, {@code FOLLOWS} links), keyed by session and in extraction order;
 *       write it with a sink chained to this stage, one batch in flight.
 *   <li>{@link Output#responses()}: responses and {@code GENERATED} / {@code CALLED}, partitioned
 *       by response. A response event names its prompt but not its session, so these cannot go with
 *       the session's writes; partitioned by response, each response has one writer.
 *   <li>{@link Output#reference()}: reference data shared by sessions (users, models, tenants,
 *       templates, tools, documents, prompt texts, and {@code BELONGS_TO} between them),
 *       partitioned by the shared node it writes, so each shared node's properties have one writer.
 * </ul>
 *
 * <p>Why: a transaction that sets a node's properties or links to it holds its write lock until it
 * commits, and every session's batch used to set the same users, models and texts, so the writers
 * of different subtasks waited for and deadlocked on each other. Now a session writer only links to
 * shared nodes (creating them by id if missing), in one lock order; their properties come through
 * one owner each.
 */
public final class GraphStage {

    public static final String UID = "graph-extract";
    public static final String SPLIT_UID = "graph-split";

    static final OutputTag<GraphMutation> REFERENCE =
            new OutputTag<>("graph-reference", GraphMutationTypeInfo.INSTANCE);
    static final OutputTag<GraphMutation> RESPONSES =
            new OutputTag<>("graph-responses", GraphMutationTypeInfo.INSTANCE);

    private GraphStage() {}

    /** The stage's three outputs; see the class comment. */
    public record Output(
            DataStream<GraphMutation> sessions,
            DataStream<GraphMutation> responses,
            DataStream<GraphMutation> reference) {}

    public static Output apply(DataStream<EnrichedEvent> enriched, GraphOptions options) {
        SingleOutputStreamOperator<GraphMutation> sessions =
                enriched.keyBy(GraphExtractionFunction::key, Types.STRING)
                        .process(
                                new GraphExtractionFunction(
                                        options.sessionTtl(), options.maxSessionPrompts()))
                        .uid(UID)
                        .name("Graph extraction (stage 7)")
                        .process(new ReferenceSplit())
                        .returns(GraphMutationTypeInfo.INSTANCE)
                        .uid(SPLIT_UID)
                        .name("Graph writes by owner");
        DataStream<GraphMutation> reference =
                sessions.getSideOutput(REFERENCE).keyBy(GraphMutation::referenceKey, Types.STRING);
        DataStream<GraphMutation> responses =
                sessions.getSideOutput(RESPONSES).keyBy(GraphMutation::responseKey, Types.STRING);
        return new Output(sessions, responses, reference);
    }

    /** Sends reference and response writes to side outputs; the rest stays in order. */
    static final class ReferenceSplit extends ProcessFunction<GraphMutation, GraphMutation> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(
                GraphMutation mutation, Context ctx, Collector<GraphMutation> out) {
            if (mutation.isReference()) {
                ctx.output(REFERENCE, mutation);
            } else if (mutation.isResponseWrite()) {
                ctx.output(RESPONSES, mutation);
            } else {
                out.collect(mutation);
            }
        }
    }
}
