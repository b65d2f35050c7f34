package dev.memorygraph.model;

/** The model a prompt was sent to. */
public record ModelRef(String id, String provider, String version, ModelParameters parameters) {}
