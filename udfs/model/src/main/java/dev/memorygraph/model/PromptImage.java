package dev.memorygraph.model;

/** A multi-modal image input of a prompt, by URL or inline base64. */
public record PromptImage(String url, String base64, String mimeType) {}
