package dev.memorygraph.operators.text;

import dev.memorygraph.core.hash.Sha256;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.TextFeatures;

/**
 * Stage 3 on one event: normalise whitespace, hash, detect the language, count tokens, find the
 * template. Not thread-safe: one instance per operator subtask.
 */
public final class TextEnricher {

    private final LanguageDetector languages;
    private final TokenCounter tokens;
    private final TemplateExtractor templates;

    public TextEnricher(TextOptions options) {
        this.languages = new LanguageDetector(options);
        this.tokens = new TokenCounter();
        this.templates = new TemplateExtractor();
    }

    /** Features of the event's text, or {@code null} when it has none (sessions, tool calls). */
    public TextFeatures enrich(InboundEvent event) {
        String text = event.text();
        if (text == null) {
            return null;
        }
        String normalized = TextNormalizer.normalize(text);
        LanguageDetector.Detection language = languages.detect(normalized);
        String modelId =
                event.type() == EventType.PROMPT && event.prompt().model() != null
                        ? event.prompt().model().id()
                        : null;
        TokenCounter.Count count = tokens.count(normalized, modelId);
        TemplateExtractor.Template template =
                event.type() == EventType.PROMPT
                        ? templates.extract(
                                normalized,
                                event.prompt().prompt().template(),
                                event.prompt().prompt().parameters())
                        : TemplateExtractor.Template.ABSENT;
        return new TextFeatures(
                Sha256.hex(normalized),
                normalized.length(),
                language.language(),
                language.confidence(),
                count.tokens(),
                count.encoding(),
                count.method(),
                template.template() == null ? null : Sha256.hex(template.template()),
                template.template(),
                template.source(),
                template.variables(),
                template.rendered());
    }
}
