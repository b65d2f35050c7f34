package dev.memorygraph.operators.dedup;

import dev.memorygraph.model.InboundEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Pipeline fragment for stage 2. In STREAMING mode an id is forgotten {@code dedup.ttl} after it
 * was first seen; in BATCH mode all records of one id are processed together, so the bounded input
 * is deduplicated as a whole and the TTL does not matter. Which copy survives is then not defined
 * by arrival order; copies carry the same payload and differ only in their Kafka coordinates.
 */
public final class DedupStage {

    public static final String UID = "dedup";

    private DedupStage() {}

    public static DataStream<InboundEvent> apply(
            DataStream<InboundEvent> events, DedupOptions options) {
        return events.keyBy(InboundEvent::eventId, Types.STRING)
                .process(new DedupFunction(options.ttl()))
                .uid(UID)
                .name("Deduplicate by eventId (stage 2)");
    }
}
