package dev.memorygraph.model;

/** Latency (ms), time to first token (ms), throughput (tokens/s) and cost (USD) of a response. */
public record ResponseMetrics(Long latency, Long ttft, Double throughput, Double cost) {}
