package dev.memorygraph.operators.text;

import static dev.memorygraph.core.metrics.MetricNames.CACHE_HIT_RATE;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_LAYER;

import com.knuddels.jtokkit.api.EncodingType;
import dev.memorygraph.core.cache.BoundedCache;
import dev.memorygraph.core.hash.Sha256;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.TextFeatures;
import org.apache.flink.metrics.MetricGroup;

/**
 * Stage 3 on one event: normalise whitespace, hash, detect the language, count tokens, find the
 * template. Not thread-safe: one instance per operator subtask.
 *
 * <p>Language and token counts are kept by text hash (tokens by hash and encoding) in bounded
 * caches: prompts repeat, and both are pure functions of the normalised text, so a cached value is
 * the value computed again.
 */
public final class TextEnricher {

    public static final String LANGUAGE_CACHE = "language";
    public static final String TOKEN_CACHE = "tokens";

    private final LanguageDetector languages;
    private final TokenCounter tokens;
    private final TemplateExtractor templates;
    private final BoundedCache<String, LanguageDetector.Detection> languageCache;
    private final BoundedCache<TokenKey, Integer> tokenCache;

    private record TokenKey(String textHash, EncodingType encoding) {}

    public TextEnricher(TextOptions options) {
        this.languages = new LanguageDetector(options);
        this.tokens = new TokenCounter();
        this.templates = new TemplateExtractor();
        this.languageCache = new BoundedCache<>(options.cacheEntries());
        this.tokenCache = new BoundedCache<>(options.cacheEntries());
    }

    /** Features of the event's text, or {@code null} when it has none (sessions, tool calls). */
    public TextFeatures enrich(InboundEvent event) {
        String text = event.text();
        if (text == null) {
            return null;
        }
        String normalized = TextNormalizer.normalize(text);
        String hash = Sha256.hex(normalized);
        LanguageDetector.Detection language =
                languageCache.get(hash, ignored -> languages.detect(normalized));
        String modelId =
                event.type() == EventType.PROMPT && event.prompt().model() != null
                        ? event.prompt().model().id()
                        : null;
        TokenCounter.Choice encoding = tokens.choose(modelId);
        int count =
                tokenCache.get(
                        new TokenKey(hash, encoding.encoding()),
                        key -> tokens.countTokens(normalized, key.encoding()));
        TemplateExtractor.Template template =
                event.type() == EventType.PROMPT
                        ? templates.extract(
                                normalized,
                                event.prompt().prompt().template(),
                                event.prompt().prompt().parameters())
                        : TemplateExtractor.Template.ABSENT;
        return new TextFeatures(
                hash,
                normalized.length(),
                language.language(),
                language.confidence(),
                count,
                encoding.encoding().getName(),
                encoding.method(),
                template.template() == null ? null : Sha256.hex(template.template()),
                template.template(),
                template.source(),
                template.variables(),
                template.rendered());
    }

    /** {@code cache_hit_rate{layer="language"}} and {@code {layer="tokens"}}. */
    public void registerMetrics(MetricGroup operator) {
        operator.addGroup(LABEL_LAYER, LANGUAGE_CACHE)
                .gauge(CACHE_HIT_RATE, languageCache.hitRate());
        operator.addGroup(LABEL_LAYER, TOKEN_CACHE).gauge(CACHE_HIT_RATE, tokenCache.hitRate());
    }
}
