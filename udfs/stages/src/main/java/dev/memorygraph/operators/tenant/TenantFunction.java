package dev.memorygraph.operators.tenant;

import dev.memorygraph.core.state.StateTtl;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives every prompt a tenant, keyed by session. In this order:
 *
 * <ol>
 *   <li>the prompt's own {@code prompt.metadata.tenantId}, when it has one;
 *   <li>else the {@code tenantId} of its session's latest session event (kept in keyed state for
 *       {@code tenant.session-ttl} after that event), written into {@code prompt.metadata.tenantId}
 *       so that the PII policy, the lake's {@code tenant_id} and the graph all read the same value.
 *       Prompts and session events come from different topics and partitions, so a session's first
 *       prompts often arrive just before its {@code started} event: a prompt whose session has no
 *       tenant yet waits for it up to {@code tenant.wait} (in arrival order, in keyed state);
 *   <li>else none: the prompt goes on after the wait with no tenant and gets {@code
 *       pii.policy.default}, counted in {@code tenant_unresolved_total}.
 * </ol>
 *
 * <p>Session events and responses (which carry no session) pass unchanged.
 */
public class TenantFunction extends KeyedProcessFunction<String, InboundEvent, InboundEvent> {

    private static final long serialVersionUID = 1L;

    static final String STATE_NAME = "session-tenant";
    static final String WAITING_STATE_NAME = "prompts-waiting-for-tenant";
    static final String TIMER_STATE_NAME = "tenant-wait-timer";
    public static final String UNRESOLVED_TOTAL = "tenant_unresolved_total";

    private final Duration ttl;
    private final Duration wait;

    private transient ValueState<String> tenant;
    private transient ListState<InboundEvent> waiting;
    private transient ValueState<Long> timer;
    private transient Counter unresolved;

    public TenantFunction(Duration ttl, Duration wait) {
        this.ttl = ttl;
        this.wait = wait;
    }

    /** Events of one session go together; events without a session are keyed by their own id. */
    public static String key(InboundEvent event) {
        String session = event.sessionId();
        return session != null ? session : event.eventId();
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<String> descriptor =
                new ValueStateDescriptor<>(STATE_NAME, Types.STRING);
        descriptor.enableTimeToLive(StateTtl.afterWrite(ttl));
        tenant = getRuntimeContext().getState(descriptor);
        waiting =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        WAITING_STATE_NAME,
                                        TypeInformation.of(InboundEvent.class)));
        timer =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(TIMER_STATE_NAME, Types.LONG));
        unresolved = getRuntimeContext().getMetricGroup().counter(UNRESOLVED_TOTAL);
    }

    @Override
    public void processElement(InboundEvent event, Context ctx, Collector<InboundEvent> out)
            throws Exception {
        if (event.type() == EventType.SESSION) {
            out.collect(event);
            String own = event.session().tenantId();
            if (own != null && !own.isBlank()) {
                tenant.update(own);
                release(ctx, out, own);
            }
        } else if (event.type() == EventType.PROMPT && event.tenantId() == null) {
            String known = tenant.value();
            if (known != null) {
                out.collect(withTenant(event, known));
            } else if (wait.isZero()) {
                unresolved.inc();
                out.collect(event);
            } else {
                waiting.add(event);
                if (timer.value() == null) {
                    long at = ctx.timerService().currentProcessingTime() + wait.toMillis();
                    ctx.timerService().registerProcessingTimeTimer(at);
                    timer.update(at);
                }
            }
        } else {
            out.collect(event);
        }
    }

    /** The wait is over: the prompts go on without a tenant. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<InboundEvent> out)
            throws Exception {
        timer.clear();
        for (InboundEvent prompt : waiting.get()) {
            unresolved.inc();
            out.collect(prompt);
        }
        waiting.clear();
    }

    private void release(Context ctx, Collector<InboundEvent> out, String tenantId)
            throws Exception {
        Long pending = timer.value();
        if (pending == null) {
            return;
        }
        for (InboundEvent prompt : waiting.get()) {
            out.collect(withTenant(prompt, tenantId));
        }
        waiting.clear();
        ctx.timerService().deleteProcessingTimeTimer(pending);
        timer.clear();
    }

    private static InboundEvent withTenant(InboundEvent prompt, String tenantId) {
        return InboundEvent.of(prompt.prompt().withTenant(tenantId), prompt.origin());
    }
}
