package dev.memorygraph.operators.tenant;

import dev.memorygraph.model.InboundEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Tenant resolution as a pipeline fragment (between dedup and the text stage, so that PII, the lake
 * and the graph see the same tenant); see {@link TenantFunction} for the order of sources.
 */
public final class TenantStage {

    public static final String UID = "tenant";

    private TenantStage() {}

    public static DataStream<InboundEvent> apply(
            DataStream<InboundEvent> events, TenantOptions options) {
        return events.keyBy(TenantFunction::key, Types.STRING)
                .process(new TenantFunction(options.sessionTtl(), options.waitForSession()))
                .returns(events.getType())
                .uid(UID)
                .name("Resolve tenants by session");
    }
}
