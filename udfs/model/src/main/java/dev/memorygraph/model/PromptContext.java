package dev.memorygraph.model;

import java.util.List;

/** Conversation history and retrieved documents that accompanied a prompt. */
public record PromptContext(
        List<ConversationMessage> conversationHistory,
        List<ContextDocument> documents,
        String retrievalMethod) {}
