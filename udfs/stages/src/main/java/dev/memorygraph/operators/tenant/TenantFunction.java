package dev.memorygraph.operators.tenant;

import dev.memorygraph.core.state.StateTtl;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
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
 *       so that the PII policy, the lake's {@code tenant_id} and the graph all read the same value;
 *   <li>else none: the prompt gets {@code pii.policy.default} and no tenant, counted in {@code
 *       tenant_unresolved_total}. A session event that arrives after its prompts does not change
 *       them (their PII policy has been applied).
 * </ol>
 *
 * <p>Session events and responses (which carry no session) pass unchanged.
 */
public class TenantFunction extends KeyedProcessFunction<String, InboundEvent, InboundEvent> {

    private static final long serialVersionUID = 1L;

    static final String STATE_NAME = "session-tenant";
    public static final String UNRESOLVED_TOTAL = "tenant_unresolved_total";

    private final Duration ttl;

    private transient ValueState<String> tenant;
    private transient Counter unresolved;

    public TenantFunction(Duration ttl) {
        this.ttl = ttl;
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
        unresolved = getRuntimeContext().getMetricGroup().counter(UNRESOLVED_TOTAL);
    }

    @Override
    public void processElement(InboundEvent event, Context ctx, Collector<InboundEvent> out)
            throws Exception {
        if (event.type() == EventType.SESSION) {
            String own = event.session().tenantId();
            if (own != null && !own.isBlank()) {
                tenant.update(own);
            }
            out.collect(event);
        } else if (event.type() == EventType.PROMPT && event.tenantId() == null) {
            String known = tenant.value();
            if (known != null) {
                out.collect(InboundEvent.of(event.prompt().withTenant(known), event.origin()));
            } else {
                unresolved.inc();
                out.collect(event);
            }
        } else {
            out.collect(event);
        }
    }
}
