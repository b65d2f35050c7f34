package dev.memorygraph.model;

import java.util.List;

/** Sampling parameters the model was called with. */
public record ModelParameters(
        Double temperature,
        Double topP,
        Integer topK,
        Integer maxTokens,
        List<String> stopSequences,
        Double presencePenalty,
        Double frequencyPenalty) {}
