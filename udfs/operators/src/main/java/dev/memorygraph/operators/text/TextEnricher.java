package dev.memorygraph.operators.text;

import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.TextFeatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stage 3 on one event: normalise whitespace, hash, detect the language, count tokens, find the
 * template. Not thread-safe: one instance per operator subtask.
 */
public final class TextEnricher {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final LanguageDetector languages;
    private final TokenCounter tokens;
    private final TemplateExtractor templates;

    public TextEnricher() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        this.languages = new LanguageDetector();
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
                sha256Hex(normalized),
                normalized.length(),
                language.language(),
                language.confidence(),
                count.tokens(),
                count.encoding(),
                count.method(),
                template.template() == null ? null : sha256Hex(template.template()),
                template.template(),
                template.source(),
                template.variables(),
                template.rendered());
    }

    /** SHA-256 of the UTF-8 bytes, lower-case hex. */
    public String sha256Hex(String text) {
        return HEX.formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
