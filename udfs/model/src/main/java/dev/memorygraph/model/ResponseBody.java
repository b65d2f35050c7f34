package dev.memorygraph.model;

import java.util.List;

/** The generated output of a {@link ResponseEvent}. */
public record ResponseBody(
        String text, String finishReason, FunctionCall functionCall, List<ToolCall> toolCalls) {}
