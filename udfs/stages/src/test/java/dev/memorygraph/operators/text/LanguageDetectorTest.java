package dev.memorygraph.operators.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    /** Current ISO 639-1 codes, never the withdrawn ones the JDK still lists (in, iw, ji). */
    @ParameterizedTest
    @CsvSource({"ind,id", "heb,he", "yid,yi", "eng,en", "deu,de", "cmn,zh", "zlm,ms"})
    void reportsCurrentIsoCodes(String iso3, String iso1) {
        assertThat(LanguageDetector.toIso1(iso3)).isEqualTo(iso1);
    }
}
