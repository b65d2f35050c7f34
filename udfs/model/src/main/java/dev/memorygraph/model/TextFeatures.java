package dev.memorygraph.model;

import java.util.List;

/**
 * What the text stage derived from a prompt or response text.
 *
 * @param textHash SHA-256, lower-case hex, of the normalised text
 * @param language ISO 639-1 code ({@code und} when undetermined)
 * @param languageConfidence probability of {@code language}, 0 to 1
 * @param tokenCount tokens of the normalised text under {@code tokenEncoding}
 * @param tokenEncoding the tiktoken encoding used, e.g. {@code o200k_base}
 * @param tokenMethod {@code exact} when the encoding is the model's own, {@code approximate} when
 *     it is the documented fallback for models with another tokenizer
 * @param templateId SHA-256 hex of the template, {@code null} without one
 * @param template the template text with {@code {{variables}}}, {@code null} without one
 * @param templateSource {@code provided} (from the event), {@code detected} (placeholders in the
 *     text) or {@code none}
 * @param templateVariables variable names in order of first appearance
 * @param templateRendered for a provided template with parameters: whether rendering it gives the
 *     text; {@code null} when there is nothing to check
 */
public record TextFeatures(
        String textHash,
        int normalizedLength,
        String language,
        double languageConfidence,
        int tokenCount,
        String tokenEncoding,
        String tokenMethod,
        String templateId,
        String template,
        String templateSource,
        List<String> templateVariables,
        Boolean templateRendered) {}
