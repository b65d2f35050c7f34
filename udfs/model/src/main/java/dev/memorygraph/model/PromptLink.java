package dev.memorygraph.model;

import java.time.Instant;

/**
 * What a response takes from its prompt through the prompt–response join: a response event names
 * its prompt but carries no session, user, tenant or model of its own.
 *
 * @param promptTokens tokens of the prompt text as the text stage counted them ({@code null} when
 *     it had none), used for cost when the provider reported no usage
 */
public record PromptLink(
        String promptEventId,
        Instant promptTime,
        String sessionId,
        String userId,
        String tenantId,
        String modelId,
        String provider,
        Integer promptTokens) {

    /** The link a prompt gives its responses. */
    public static PromptLink of(EnrichedEvent prompt) {
        PromptEvent event = prompt.event().prompt();
        ModelRef model = event.model();
        return new PromptLink(
                event.eventId(),
                event.timestamp(),
                event.session().id(),
                event.session().userId(),
                event.tenantId(),
                model == null ? null : model.id(),
                model == null ? null : model.provider(),
                prompt.text() == null ? null : prompt.text().tokenCount());
    }
}
