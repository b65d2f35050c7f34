package dev.memorygraph.operators.pii;

import dev.memorygraph.model.ContextDocument;
import dev.memorygraph.model.ConversationMessage;
import dev.memorygraph.model.FunctionCall;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptContext;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.ResponseBody;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The free-text fields of an event, in a fixed order, and the same event rebuilt with new values
 * for them. Index 0 is the main text (prompt or response text, possibly {@code null}); then, for
 * prompts, template parameters, conversation history and RAG documents; for responses, function and
 * tool-call arguments. Sessions have none.
 */
public final class EventTexts {

    private EventTexts() {}

    public static List<String> of(InboundEvent event) {
        List<String> texts = new ArrayList<>();
        switch (event.type()) {
            case PROMPT -> {
                Prompt p = event.prompt().prompt();
                texts.add(p.text());
                texts.add(p.parameters());
                PromptContext c = event.prompt().context();
                if (c != null && c.conversationHistory() != null) {
                    c.conversationHistory().forEach(m -> texts.add(m.content()));
                }
                if (c != null && c.documents() != null) {
                    c.documents().forEach(d -> texts.add(d.content()));
                }
            }
            case RESPONSE -> {
                ResponseBody r = event.response().response();
                texts.add(r == null ? null : r.text());
                if (r != null && r.functionCall() != null) {
                    texts.add(r.functionCall().arguments());
                }
                if (r != null && r.toolCalls() != null) {
                    r.toolCalls()
                            .forEach(
                                    t ->
                                            texts.add(
                                                    t.function() == null
                                                            ? null
                                                            : t.function().arguments()));
                }
            }
            case SESSION -> {}
        }
        return texts;
    }

    /** Whether text {@code index} of {@code event} is raw JSON (parameters, call arguments). */
    public static boolean isJson(InboundEvent event, int index) {
        return switch (event.type()) {
            case PROMPT -> index == 1;
            case RESPONSE -> index >= 1;
            case SESSION -> false;
        };
    }

    /** {@code event} with its texts replaced by {@code texts} (same order as {@link #of}). */
    public static InboundEvent with(InboundEvent event, List<String> texts) {
        int[] i = {0};
        return switch (event.type()) {
            case PROMPT -> {
                PromptEvent e = event.prompt();
                Prompt p = e.prompt();
                Prompt prompt =
                        new Prompt(
                                texts.get(i[0]++),
                                p.template(),
                                texts.get(i[0]++),
                                p.images(),
                                p.metadata());
                PromptContext c = e.context();
                PromptContext context = c;
                if (c != null) {
                    List<ConversationMessage> history = null;
                    if (c.conversationHistory() != null) {
                        history = new ArrayList<>();
                        for (ConversationMessage m : c.conversationHistory()) {
                            history.add(new ConversationMessage(m.role(), texts.get(i[0]++)));
                        }
                    }
                    List<ContextDocument> documents = null;
                    if (c.documents() != null) {
                        documents = new ArrayList<>();
                        for (ContextDocument d : c.documents()) {
                            documents.add(
                                    new ContextDocument(
                                            d.id(), texts.get(i[0]++), d.relevanceScore()));
                        }
                    }
                    context = new PromptContext(history, documents, c.retrievalMethod());
                }
                yield InboundEvent.of(
                        new PromptEvent(
                                e.eventId(),
                                e.timestamp(),
                                prompt,
                                e.session(),
                                e.model(),
                                context,
                                e.tags(),
                                e.traceContext()),
                        event.origin());
            }
            case RESPONSE -> {
                ResponseEvent e = event.response();
                ResponseBody r = e.response();
                ResponseBody body = null;
                if (r != null) {
                    String text = texts.get(i[0]++);
                    FunctionCall call =
                            r.functionCall() == null
                                    ? null
                                    : new FunctionCall(r.functionCall().name(), texts.get(i[0]++));
                    List<ToolCall> tools = null;
                    if (r.toolCalls() != null) {
                        tools = new ArrayList<>();
                        for (ToolCall t : r.toolCalls()) {
                            String arguments = texts.get(i[0]++);
                            tools.add(
                                    new ToolCall(
                                            t.id(),
                                            t.type(),
                                            t.function() == null
                                                    ? null
                                                    : new FunctionCall(
                                                            t.function().name(), arguments)));
                        }
                    }
                    body = new ResponseBody(text, r.finishReason(), call, tools);
                }
                yield InboundEvent.of(
                        new ResponseEvent(
                                e.eventId(),
                                e.timestamp(),
                                e.promptEventId(),
                                body,
                                e.usage(),
                                e.metrics(),
                                e.error(),
                                e.tags(),
                                e.traceContext()),
                        event.origin());
            }
            case SESSION -> event;
        };
    }
}
