package dev.memorygraph.testing;

import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventOrigin;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.model.ResponseBody;
import dev.memorygraph.model.ResponseError;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.ResponseMetrics;
import dev.memorygraph.model.SessionEvent;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.model.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small, valid events built in code for operator tests. */
public final class TestEvents {

    private TestEvents() {}

    public static InboundEvent prompt(String eventId, Instant time, String text) {
        return prompt(eventId, time, text, "session-1", "gpt-4o");
    }

    public static InboundEvent prompt(
            String eventId, Instant time, String text, String sessionId, String model) {
        return InboundEvent.of(
                new PromptEvent(
                        eventId,
                        time,
                        new Prompt(text, null, null, null, null),
                        new SessionRef(sessionId, "user-1", "app-1", "chat"),
                        new ModelRef(model, "openai", null, null),
                        null,
                        List.of("test"),
                        null),
                origin("llm.prompts.v1", time));
    }

    public static InboundEvent templatedPrompt(
            String eventId, Instant time, String text, String template, String parametersJson) {
        return InboundEvent.of(
                new PromptEvent(
                        eventId,
                        time,
                        new Prompt(text, template, parametersJson, null, null),
                        new SessionRef("session-1", "user-1", null, null),
                        new ModelRef("gpt-4o", null, null, null),
                        null,
                        null,
                        null),
                origin("llm.prompts.v1", time));
    }

    public static InboundEvent response(
            String eventId, Instant time, String promptEventId, String text) {
        return InboundEvent.of(
                new ResponseEvent(
                        eventId,
                        time,
                        promptEventId,
                        new ResponseBody(text, "stop", null, null),
                        new Usage(10L, 5L, 15L),
                        null,
                        null,
                        null,
                        null),
                origin("llm.responses.v1", time));
    }

    public static InboundEvent session(String eventId, Instant time, String sessionId) {
        return InboundEvent.of(
                new SessionEvent(
                        eventId,
                        time,
                        sessionId,
                        "user-1",
                        "tenant-1",
                        "app-1",
                        "chat",
                        "started",
                        time,
                        null,
                        "{\"client\":\"web\"}"),
                origin("llm.sessions.v1", time));
    }

    private static EventOrigin origin(String topic, Instant time) {
        return new EventOrigin(topic, 0, 0L, time.toEpochMilli(), "1.0", "test", time);
    }

    /**
     * {@code count} responses joined to their prompts, at random times within {@code span} of
     * {@code start}: tenants {@code acme}, {@code globex} or none, two models, 20 users, one in 40
     * failed (no latency), one in 10 unpriced.
     */
    public static List<EnrichedEvent> joinedResponses(
            int count, Random random, Instant start, java.time.Duration span) {
        String[] tenants = {"acme", "globex", null};
        String[] models = {"gpt-4o", "claude-3-5-sonnet"};
        List<EnrichedEvent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = start.plusSeconds(random.nextInt((int) span.toSeconds()));
            boolean error = random.nextInt(40) == 0;
            out.add(
                    joinedResponse(
                            "r" + i,
                            time,
                            tenants[random.nextInt(tenants.length)],
                            models[random.nextInt(models.length)],
                            "user-" + random.nextInt(20),
                            error ? null : (long) (200 + random.nextInt(4_000)),
                            random.nextInt(10) == 0 ? null : random.nextInt(5_000) / 1e6,
                            error));
        }
        return out;
    }

    /** A response joined to its prompt, priced at {@code usd} (unpriced when {@code null}). */
    public static EnrichedEvent joinedResponse(
            String id,
            Instant time,
            String tenant,
            String model,
            String user,
            Long latency,
            Double usd,
            boolean error) {
        return joinedResponse(
                id,
                time,
                time,
                tenant,
                model,
                "openai",
                user,
                "s1",
                120,
                300,
                420,
                latency,
                latency == null ? null : latency / 4,
                null,
                usd,
                error ? new ResponseError("rate_limited", null, null, true) : null,
                null,
                0,
                0L);
    }

    /**
     * A response joined to its prompt ({@code "p-" + id}), with every measurement given; priced at
     * {@code usd} (unpriced when {@code null}).
     */
    public static EnrichedEvent joinedResponse(
            String id,
            Instant time,
            Instant promptTime,
            String tenant,
            String model,
            String provider,
            String user,
            String session,
            long promptTokens,
            long completionTokens,
            long totalTokens,
            Long latency,
            Long ttft,
            Double throughput,
            Double usd,
            ResponseError error,
            ResponseBody body,
            int partition,
            long offset) {
        String promptId = "p-" + id;
        ResponseEvent response =
                new ResponseEvent(
                        id,
                        time,
                        promptId,
                        body,
                        new Usage(promptTokens, completionTokens, totalTokens),
                        new ResponseMetrics(latency, ttft, throughput, null),
                        error,
                        null,
                        null);
        Cost cost =
                usd == null
                        ? new Cost(
                                null,
                                Cost.UNPRICED,
                                Cost.TOKENS_PROVIDER,
                                null,
                                null,
                                promptTokens,
                                completionTokens,
                                0,
                                0)
                        : new Cost(
                                usd,
                                Cost.PRICED,
                                Cost.TOKENS_PROVIDER,
                                Cost.PRICES_REGISTRY,
                                null,
                                promptTokens,
                                completionTokens,
                                0,
                                0);
        Metadata metadata =
                new Metadata(
                        new PromptLink(
                                promptId,
                                promptTime,
                                session,
                                user,
                                tenant,
                                model,
                                provider,
                                (int) Math.min(Integer.MAX_VALUE, promptTokens)),
                        Metadata.JOINED,
                        null,
                        cost,
                        null,
                        List.of());
        InboundEvent event =
                InboundEvent.of(
                        response,
                        new EventOrigin(
                                "llm.responses.v1",
                                partition,
                                offset,
                                time.toEpochMilli(),
                                null,
                                null,
                                time));
        return new EnrichedEvent(event, null, null, null, metadata);
    }
}
