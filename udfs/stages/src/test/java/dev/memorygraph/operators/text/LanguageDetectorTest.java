package dev.memorygraph.operators.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector(TextOptions.defaults());

    /** Current ISO 639-1 codes, never the withdrawn ones the JDK still lists (in, iw, ji). */
    @ParameterizedTest
    @CsvSource({"ind,id", "heb,he", "yid,yi", "eng,en", "deu,de", "cmn,zh", "zlm,ms"})
    void reportsCurrentIsoCodes(String iso3, String iso1) {
        assertThat(LanguageDetector.toIso1(iso3)).isEqualTo(iso1);
    }

    /**
     * Short prompt-like English the model alone labelled Volapük, Latin, Malagasy, Māori... (issue
     * 8, defect 3). These lines are not in either evaluation set.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "summarise this thread",
                "add unit tests for the parser",
                "shorter please",
                "what is a mutex",
                "refactor getUserById to use async/await",
                "why does pip install numpy hang",
            })
    void labelsShortPromptLikeEnglish(String text) {
        assertThat(detector.detect(text).language()).isEqualTo("en");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "안녕하세요, 도와주실 수 있나요?|ko",
                "สวัสดีครับ ช่วยแปลประโยคนี้หน่อย|th",
                "Καλημέρα, μπορείς να με βοηθήσεις;|el",
                "שלום, אתה יכול לעזור לי?|he",
                "Python 和 Java 有什么区别|zh",
                "لماذا لا يعمل هذا البرنامج؟|ar",
            })
    void aScriptWithOneCandidateOrTheModelWithinItDecides(String text, String expected) {
        assertThat(detector.detect(text).language()).isEqualTo(expected);
    }

    @Test
    void belowTheConfidenceThresholdTheLanguageIsUndetermined() {
        LanguageDetector strict =
                new LanguageDetector(
                        new TextOptions(Set.copyOf(TextOptions.DEFAULT_CANDIDATES), 0.9));

        LanguageDetector.Detection guess = strict.detect("ok ok");
        assertThat(guess.language()).isEqualTo(LanguageDetector.UNDETERMINED);
        assertThat(guess.confidence()).isBetween(0.0, 0.9);
        assertThat(detector.detect("?? 42 !").language()).isEqualTo(LanguageDetector.UNDETERMINED);
        assertThat(detector.detect("?? 42 !").confidence()).isZero();
    }

    @Test
    void answersOnlyCandidatesAndUndForAScriptNoCandidateIsWrittenIn() {
        LanguageDetector two = new LanguageDetector(new TextOptions(Set.of("en", "de"), 0.02));

        assertThat(two.detect("¿Dónde está la estación de tren más cercana?").language())
                .isIn("en", "de", LanguageDetector.UNDETERMINED);
        assertThat(two.detect("Как настроить двухфакторную аутентификацию?").language())
                .isEqualTo(LanguageDetector.UNDETERMINED);
    }

    @Test
    void identifiersCarryNoLanguage() {
        assertThat(LanguageDetector.isCode("OrderService.java", 0, 17)).isTrue();
        assertThat(LanguageDetector.isCode("useEffect", 0, 9)).isTrue();
        assertThat(LanguageDetector.isCode("(HTTP),", 0, 7)).isTrue();
        assertThat(LanguageDetector.isCode("gpt-4o", 0, 6)).isTrue();
        assertThat(LanguageDetector.isCode("what's", 0, 6)).isFalse();
        assertThat(LanguageDetector.isCode("Kotlin,", 0, 7)).isFalse();
        assertThat(LanguageDetector.isCode("naïve", 0, 5)).isFalse();
    }

    @Test
    void refusesCandidatesTheModelDoesNotKnowNamingTheKey() {
        Configuration config = new Configuration();
        config.set(TextOptions.LANGUAGE_CANDIDATES, List.of("en", "klingon"));
        assertThatThrownBy(() -> TextOptions.fromConfig(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text.language.candidates")
                .hasMessageContaining("klingon");

        Configuration confidence = new Configuration();
        confidence.set(TextOptions.LANGUAGE_MIN_CONFIDENCE, 1.5);
        assertThatThrownBy(() -> TextOptions.fromConfig(confidence))
                .hasMessageContaining("text.language.min-confidence");
    }
}
