package dev.memorygraph.operators.metadata;

import dev.memorygraph.core.state.StateTtl;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.PromptLink;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins each response to its prompt, keyed by prompt event id, whichever arrives first. A response
 * event names its prompt ({@code promptEventId}) but carries no session, user, tenant or model; the
 * join gives it its prompt's ({@link PromptLink}), so that the response's PII policy, cost,
 * time-series tags and namespaces are its tenant's and model's.
 *
 * <ul>
 *   <li>A prompt passes on at once; its link stays in keyed state for {@code join.retention}.
 *   <li>A response whose prompt is known passes on {@code joined}.
 *   <li>A response whose prompt is not known waits, in keyed state, until its prompt arrives (then
 *       it passes on {@code joined}) or the event-time watermark passes the response's time plus
 *       {@code join.wait}: then it passes on with partial data, {@code prompt_missing}, with {@code
 *       prompt} in {@link Metadata#missing()}, counted in {@code join_prompt_missing_total}. It is
 *       kept for {@code join.retention}; when its prompt arrives within that time, the response
 *       passes on again, {@code completed}, and the stores (all idempotent by event id) overwrite
 *       the partial one.
 * </ul>
 *
 * <p>Sessions pass unchanged. In BATCH mode the same function joins the lake's prompts and
 * responses: the watermark jumps to the end of input, so only responses without a prompt in the
 * input pass on {@code prompt_missing}.
 */
public class PromptResponseJoin extends KeyedProcessFunction<String, EnrichedEvent, EnrichedEvent> {

    private static final long serialVersionUID = 1L;

    static final String PROMPT_STATE = "join-prompt";
    static final String WAITING_STATE = "join-waiting-responses";
    static final String PARTIAL_STATE = "join-partial-responses";
    public static final String PROMPT_MISSING_TOTAL = "join_prompt_missing_total";
    public static final String COMPLETED_TOTAL = "join_completed_total";

    private final Duration wait;
    private final Duration retention;

    private transient ValueState<PromptLink> prompt;
    private transient ListState<EnrichedEvent> waiting;
    private transient ListState<EnrichedEvent> partial;
    private transient Counter promptMissing;
    private transient Counter completed;

    public PromptResponseJoin(Duration wait, Duration retention) {
        this.wait = wait;
        this.retention = retention;
    }

    /** A prompt and its responses share a key; sessions are keyed by their own id. */
    public static String key(EnrichedEvent event) {
        return event.event().type() == EventType.RESPONSE
                ? event.event().response().promptEventId()
                : event.eventId();
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<PromptLink> link =
                new ValueStateDescriptor<>(PROMPT_STATE, TypeInformation.of(PromptLink.class));
        link.enableTimeToLive(StateTtl.afterWrite(retention));
        prompt = getRuntimeContext().getState(link);
        TypeInformation<EnrichedEvent> type = TypeInformation.of(EnrichedEvent.class);
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>(WAITING_STATE, type));
        ListStateDescriptor<EnrichedEvent> kept = new ListStateDescriptor<>(PARTIAL_STATE, type);
        kept.enableTimeToLive(StateTtl.afterWrite(retention));
        partial = getRuntimeContext().getListState(kept);
        promptMissing = getRuntimeContext().getMetricGroup().counter(PROMPT_MISSING_TOTAL);
        completed = getRuntimeContext().getMetricGroup().counter(COMPLETED_TOTAL);
    }

    @Override
    public void processElement(EnrichedEvent event, Context ctx, Collector<EnrichedEvent> out)
            throws Exception {
        switch (event.event().type()) {
            case PROMPT -> {
                out.collect(event);
                PromptLink link = PromptLink.of(event);
                prompt.update(link);
                for (EnrichedEvent response : waiting.get()) {
                    out.collect(linked(response, link, Metadata.JOINED));
                }
                waiting.clear();
                for (EnrichedEvent response : partial.get()) {
                    completed.inc();
                    out.collect(linked(response, link, Metadata.COMPLETED));
                }
                partial.clear();
            }
            case RESPONSE -> {
                PromptLink link = prompt.value();
                if (link != null) {
                    out.collect(linked(event, link, Metadata.JOINED));
                } else {
                    waiting.add(event);
                    ctx.timerService()
                            .registerEventTimeTimer(
                                    event.event().eventTime().toEpochMilli() + wait.toMillis());
                }
            }
            case SESSION -> out.collect(event);
        }
    }

    /** The wait of one or more responses is over: those whose time has come go on, partial. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedEvent> out)
            throws Exception {
        java.util.List<EnrichedEvent> still = new java.util.ArrayList<>();
        for (EnrichedEvent response : waiting.get()) {
            if (response.event().eventTime().toEpochMilli() + wait.toMillis() <= timestamp) {
                promptMissing.inc();
                EnrichedEvent partialResponse =
                        response.withMetadata(
                                response.metadataOrNone()
                                        .withPrompt(null, Metadata.PROMPT_MISSING)
                                        .missing(Metadata.MISSING_PROMPT));
                out.collect(partialResponse);
                partial.add(response);
            } else {
                still.add(response);
            }
        }
        waiting.update(still);
    }

    private static EnrichedEvent linked(EnrichedEvent response, PromptLink link, String join) {
        return response.withMetadata(response.metadataOrNone().withPrompt(link, join));
    }
}
