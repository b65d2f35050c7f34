package dev.memorygraph.model;

/** One earlier turn of the conversation sent along with a prompt. */
public record ConversationMessage(String role, String content) {}
