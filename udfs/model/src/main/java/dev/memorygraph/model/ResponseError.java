package dev.memorygraph.model;

/** The provider error a response ended with, if any. */
public record ResponseError(String code, String message, String type, Boolean recoverable) {}
