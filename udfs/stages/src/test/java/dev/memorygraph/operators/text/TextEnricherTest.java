package dev.memorygraph.operators.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.memorygraph.model.TextFeatures;
import dev.memorygraph.testing.TestEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextEnricherTest {

    static final Instant T = Instant.parse("2026-11-26T08:00:00Z");
    private final TextEnricher enricher = new TextEnricher(TextOptions.defaults());

    @Test
    void hashesTheNormalisedTextWithSha256() {
        TextFeatures a = enricher.enrich(TestEvents.prompt("a", T, "  hello   world "));
        TextFeatures b = enricher.enrich(TestEvents.prompt("b", T, "hello world"));

        // sha256("hello world")
        assertThat(a.textHash())
                .isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
        assertThat(b.textHash()).isEqualTo(a.textHash());
        assertThat(a.normalizedLength()).isEqualTo(11);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "How do I reset my password if I no longer have access to my email account?|en",
                "Wie kann ich meine Rechnung für den letzten Monat herunterladen?|de",
                "Pouvez-vous m'expliquer comment fonctionne la photosynthèse chez les plantes ?|fr",
                "¿Cuál es la mejor manera de aprender a programar en Java desde cero?|es",
                "Qual è la differenza tra un mutuo a tasso fisso e uno a tasso variabile?|it",
                "Hoe kan ik mijn abonnement opzeggen voordat de proefperiode afloopt?|nl",
                "Как настроить двухфакторную аутентификацию для моей учётной записи?|ru",
                "私のアカウントで二要素認証を設定するにはどうすればよいですか？|ja",
            })
    void detectsTheLanguageAsIso6391(String text, String expected) {
        TextFeatures f = enricher.enrich(TestEvents.prompt("a", T, text));

        assertThat(f.language()).isEqualTo(expected);
        assertThat(f.languageConfidence()).isBetween(0.0, 1.0);
    }

    @Test
    void tooLittleTextIsUndetermined() {
        TextFeatures f = enricher.enrich(TestEvents.prompt("a", T, "?? 42 !"));

        assertThat(f.language()).isEqualTo(LanguageDetector.UNDETERMINED);
        assertThat(f.languageConfidence()).isZero();
    }

    @Test
    void everyModelLanguageMapsToACode() {
        assertThat(LanguageDetector.knownLanguages())
                .hasSizeGreaterThan(95)
                .contains("en", "de", "zh", "fa", "ms", "ja")
                .allMatch(code -> code.length() == 2 || code.length() == 3);
    }

    @ParameterizedTest
    @CsvSource({
        "gpt-4o, o200k_base, exact",
        "gpt-4o-mini-2024-07-18, o200k_base, exact",
        "openai/gpt-4.1, o200k_base, exact",
        "o3-mini, o200k_base, exact",
        "gpt-4, cl100k_base, exact",
        "gpt-4-turbo, cl100k_base, exact",
        "gpt-3.5-turbo, cl100k_base, exact",
        "claude-3-5-sonnet, cl100k_base, approximate",
        "llama-3.1-70b-instruct, cl100k_base, approximate",
    })
    void countsTokensWithTheModelFamilyEncoding(String model, String encoding, String method) {
        TextFeatures f =
                enricher.enrich(
                        TestEvents.prompt("a", T, "Hello, world! How are you?", "s", model));

        assertThat(f.tokenEncoding()).isEqualTo(encoding);
        assertThat(f.tokenMethod()).isEqualTo(method);
        assertThat(f.tokenCount()).isBetween(6, 9);
    }

    @Test
    void o200kAndCl100kCountDifferentlyOnNonEnglishText() {
        String text = "私のアカウントで二要素認証を設定するにはどうすればよいですか？";
        int o200k = enricher.enrich(TestEvents.prompt("a", T, text, "s", "gpt-4o")).tokenCount();
        int cl100k = enricher.enrich(TestEvents.prompt("a", T, text, "s", "gpt-4")).tokenCount();

        assertThat(o200k).isLessThan(cl100k);
    }

    @Test
    void responsesCountApproximatelyUntilTheirModelIsKnown() {
        TextFeatures f = enricher.enrich(TestEvents.response("r", T, "p", "Sure, here you go."));

        assertThat(f.tokenMethod()).isEqualTo(TokenCounter.APPROXIMATE);
        assertThat(f.templateSource()).isEqualTo(TemplateExtractor.NONE);
    }

    @Test
    void keepsAProvidedTemplateAndChecksItRenders() {
        TextFeatures ok =
                enricher.enrich(
                        TestEvents.templatedPrompt(
                                "a",
                                T,
                                "Translate 'good morning' into German.",
                                "Translate '{{sentence}}' into {{ language }}.",
                                "{\"sentence\":\"good morning\",\"language\":\"German\"}"));
        TextFeatures mismatch =
                enricher.enrich(
                        TestEvents.templatedPrompt(
                                "b",
                                T,
                                "Translate 'good night' into German.",
                                "Translate '{{sentence}}' into {{ language }}.",
                                "{\"sentence\":\"good morning\",\"language\":\"German\"}"));

        assertThat(ok.templateSource()).isEqualTo(TemplateExtractor.PROVIDED);
        assertThat(ok.templateVariables()).containsExactly("sentence", "language");
        assertThat(ok.templateRendered()).isTrue();
        assertThat(ok.templateId()).isEqualTo(mismatch.templateId()).hasSize(64);
        assertThat(mismatch.templateRendered()).isFalse();
    }

    @Test
    void missingParameterMeansTheTemplateDoesNotRender() {
        TextFeatures f =
                enricher.enrich(
                        TestEvents.templatedPrompt(
                                "a", T, "Hi Bob", "Hi {{name}}", "{\"other\":\"x\"}"));

        assertThat(f.templateRendered()).isFalse();
    }

    @Test
    void detectsPlaceholdersLeftInTheText() {
        TextFeatures f =
                enricher.enrich(
                        TestEvents.prompt(
                                "a",
                                T,
                                "Dear {{customer_name}}, ticket {{ticket_id}} for {{customer_name}} is closed."));

        assertThat(f.templateSource()).isEqualTo(TemplateExtractor.DETECTED);
        assertThat(f.templateVariables()).containsExactly("customer_name", "ticket_id");
        assertThat(f.templateRendered()).isNull();
    }

    @Test
    void plainTextHasNoTemplate() {
        TextFeatures f = enricher.enrich(TestEvents.prompt("a", T, "No {{ braces here } really"));

        assertThat(f.templateSource()).isEqualTo(TemplateExtractor.NONE);
        assertThat(f.template()).isNull();
        assertThat(f.templateVariables()).isEqualTo(List.of());
    }

    @Test
    void sessionsHaveNoTextFeatures() {
        assertThat(enricher.enrich(TestEvents.session("s", T, "session-1"))).isNull();
    }

    @Test
    void handlesAMegabyteOfText() {
        String text = "word ".repeat(200_000);
        TextFeatures f = enricher.enrich(TestEvents.prompt("a", T, text));

        assertThat(f.language()).isNotNull();
        assertThat(f.tokenCount()).isGreaterThan(100_000);
        assertThat(f.languageConfidence()).isCloseTo(0.5, within(0.5));
    }
}
