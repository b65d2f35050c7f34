package dev.memorygraph.operators.erasure;

import dev.memorygraph.model.EnrichedEvent;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The erasure filter as a pipeline fragment: after the prompt–response join (a response's user is
 * its prompt's) and before PII, embeddings and every store, so an erased user's events reach
 * nothing. Without {@code erasure.tombstones} the stream passes unchanged.
 */
public final class ErasureStage {

    public static final String UID = "erased-users";

    private ErasureStage() {}

    public static DataStream<EnrichedEvent> apply(
            DataStream<EnrichedEvent> events, ErasureOptions options) {
        if (options.tombstones().isEmpty()) {
            return events;
        }
        return events.filter(
                        new ErasedUsersFilter(
                                options.tombstones().get(), options.refreshInterval()))
                .uid(UID)
                .name("Drop erased users");
    }
}
