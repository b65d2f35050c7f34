package dev.memorygraph.testing;

import dev.memorygraph.model.EventOrigin;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.ResponseBody;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.SessionEvent;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.model.Usage;
import java.time.Instant;
import java.util.List;

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
}
