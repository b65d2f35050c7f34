package dev.memorygraph.operators.metadata;

import dev.memorygraph.model.EnrichedEvent;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Stage 6, metadata lookup, as two pipeline fragments: {@link #join} (before the PII stage, so a
 * response's PII policy is its prompt's tenant's) and {@link #lookUpModels} (after the embedding
 * stage): the registry's model data and each response's cost.
 */
public final class MetadataStage {

    public static final String JOIN_UID = "prompt-response-join";
    public static final String REGISTRY_UID = "model-registry";
    public static final String USER_UID = "user-directory";

    private MetadataStage() {}

    /**
     * Gives each response its prompt's session, user, tenant and model; see {@link
     * PromptResponseJoin}.
     */
    public static DataStream<EnrichedEvent> join(
            DataStream<EnrichedEvent> events, MetadataOptions options) {
        return events.keyBy(PromptResponseJoin::key, Types.STRING)
                .process(new PromptResponseJoin(options.joinWait(), options.joinRetention()))
                .returns(events.getType())
                .uid(JOIN_UID)
                .name("Join responses to prompts");
    }

    /**
     * The user directory's answer for each prompt and session, and the user's tenant for a prompt
     * that has none yet (see {@link UserLookupFunction}); the events unchanged without {@code
     * user.url}. Runs before {@link #join}, so that responses get the resolved tenant.
     */
    public static DataStream<EnrichedEvent> lookUpUsers(
            DataStream<EnrichedEvent> events, MetadataOptions options) {
        UserDirectorySettings users = options.users();
        if (!users.configured()) {
            return events;
        }
        // every attempt's timeout, the retries' waits and a margin
        long timeoutMillis =
                users.timeout().toMillis() * (users.retry().maxRetries() + 1)
                        + users.retry().maxTotalDelay().toMillis()
                        + 1_000;
        return AsyncDataStream.unorderedWait(
                        events,
                        new UserLookupFunction(users),
                        timeoutMillis,
                        TimeUnit.MILLISECONDS,
                        users.capacity())
                .returns(events.getType())
                .uid(USER_UID)
                .name("User directory (stage 6)");
    }

    /** Model data and cost; see {@link ModelLookupFunction}. */
    public static DataStream<EnrichedEvent> lookUpModels(
            DataStream<EnrichedEvent> events, MetadataOptions options) {
        RegistrySettings registry = options.registry();
        // past the batch wait and both attempts of the call, so that timeouts are the call's
        long timeoutMillis =
                registry.batchDelay().toMillis()
                        + 2 * registry.timeout().toMillis()
                        + ModelLookupFunction.RETRY_DELAY_MILLIS
                        + 1_000;
        return AsyncDataStream.unorderedWait(
                        events,
                        new ModelLookupFunction(registry, options.prices()),
                        timeoutMillis,
                        TimeUnit.MILLISECONDS,
                        registry.capacity())
                .returns(events.getType())
                .uid(REGISTRY_UID)
                .name("Model registry and cost (stage 6)");
    }
}
