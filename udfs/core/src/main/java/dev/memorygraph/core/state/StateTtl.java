package dev.memorygraph.core.state;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/** The state TTL the pipeline's keyed operators use. */
public final class StateTtl {

    private StateTtl() {}

    /**
     * Expires a value {@code ttl} after it was last written (processing time); expired values are
     * never returned and are dropped from full snapshots.
     */
    public static StateTtlConfig afterWrite(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupFullSnapshot()
                .build();
    }
}
