package dev.memorygraph.operators.dedup;

import static dev.memorygraph.core.metrics.MetricNames.DUPLICATES_TOTAL;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_TOPIC;

import dev.memorygraph.core.state.StateTtl;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Stage 2: emits the first event seen for each event id and drops later copies, keyed by event id.
 *
 * <p>State is one {@code long} per id (the processing time it was first seen), expired by state TTL
 * after {@code dedup.ttl}; TTL here is the intended forgetting horizon, and it rolls back with
 * checkpoints, so a replay after failure never drops an event as a "duplicate" of itself. Metric:
 * {@code events_duplicate_total{topic}}.
 */
public class DedupFunction extends KeyedProcessFunction<String, InboundEvent, InboundEvent> {

    private static final long serialVersionUID = 1L;

    /** State name: part of the savepoint format, never rename. */
    static final String STATE_NAME = "dedup-first-seen-v1";

    private final Duration ttl;

    private transient ValueState<Long> firstSeen;
    private transient Map<EventType, Counter> duplicates;

    public DedupFunction(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("dedup.ttl must be positive");
        }
        this.ttl = ttl;
    }

    static ValueStateDescriptor<Long> stateDescriptor(Duration ttl) {
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>(STATE_NAME, Types.LONG);
        descriptor.enableTimeToLive(StateTtl.afterWrite(ttl));
        return descriptor;
    }

    @Override
    public void open(OpenContext openContext) {
        firstSeen = getRuntimeContext().getState(stateDescriptor(ttl));
        duplicates = new EnumMap<>(EventType.class);
    }

    @Override
    public void processElement(InboundEvent event, Context ctx, Collector<InboundEvent> out)
            throws Exception {
        if (firstSeen.value() != null) {
            duplicates
                    .computeIfAbsent(
                            event.type(),
                            type ->
                                    getRuntimeContext()
                                            .getMetricGroup()
                                            .addGroup(LABEL_TOPIC, event.origin().topic())
                                            .counter(DUPLICATES_TOTAL))
                    .inc();
            return;
        }
        firstSeen.update(ctx.timerService().currentProcessingTime());
        out.collect(event);
    }
}
