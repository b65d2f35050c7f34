package dev.memorygraph.operators.text;

import dev.memorygraph.core.config.JobConfig;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Configuration of stage 3 (text features): which languages the detector may answer and how sure it
 * must be, and how many texts' features each subtask keeps. Checked when the job is built, so a bad
 * value is refused before submission.
 */
public record TextOptions(
        Set<String> languageCandidates, double languageMinConfidence, int cacheEntries)
        implements Serializable {

    /**
     * The languages claimed by default: the 29 most used in prompts that the model knows and the
     * evaluation sets measure (see the README). A smaller set is more accurate on short text.
     */
    public static final List<String> DEFAULT_CANDIDATES =
            List.of(
                    "en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sv", "da",
                    "nb", "fi", "tr", "ar", "fa", "he", "hi", "zh", "ja", "ko", "vi", "id", "th",
                    "el", "ro", "hu");

    public static final ConfigOption<List<String>> LANGUAGE_CANDIDATES =
            ConfigOptions.key("text.language.candidates")
                    .stringType()
                    .asList()
                    .defaultValues(DEFAULT_CANDIDATES.toArray(new String[0]))
                    .withDescription(
                            "The languages the detector may answer, as ISO 639-1 codes (ISO 639-3"
                                    + " where a language has none), separated by ';'. Text in"
                                    + " another language is labelled with the closest candidate"
                                    + " or 'und'. Every code must be one the model knows.");

    public static final ConfigOption<Double> LANGUAGE_MIN_CONFIDENCE =
            ConfigOptions.key("text.language.min-confidence")
                    .doubleType()
                    .defaultValue(0.02)
                    .withDescription(
                            "Below this confidence (0 to 1, among the candidates) the language is"
                                    + " 'und' (undetermined) instead of a guess.");

    public static final ConfigOption<Integer> CACHE_ENTRIES =
            ConfigOptions.key("text.cache-entries")
                    .intType()
                    .defaultValue(65_536)
                    .withDescription(
                            "Texts whose language and token counts each subtask keeps, by text"
                                    + " hash (least recently used out; about 200 bytes each)."
                                    + " Prompts repeat: on the local run's traffic 98% of texts"
                                    + " were seen before. A cached value is the value computed"
                                    + " again, so this only changes the cost. 0 turns the caches"
                                    + " off.");

    public TextOptions(Set<String> languageCandidates, double languageMinConfidence) {
        this(languageCandidates, languageMinConfidence, CACHE_ENTRIES.defaultValue());
    }

    public TextOptions {
        if (languageCandidates == null || languageCandidates.isEmpty()) {
            throw JobConfig.invalid(
                    LANGUAGE_CANDIDATES.key(), languageCandidates, "name at least one language");
        }
        Set<String> known = new TreeSet<>(List.of(LanguageDetector.knownLanguages()));
        Set<String> codes = new LinkedHashSet<>();
        for (String candidate : languageCandidates) {
            String code = candidate == null ? "" : candidate.strip().toLowerCase(Locale.ROOT);
            if (!known.contains(code)) {
                throw JobConfig.invalid(
                        LANGUAGE_CANDIDATES.key(),
                        candidate,
                        "not a language the detector knows; known codes: " + known);
            }
            codes.add(code);
        }
        languageCandidates = Set.copyOf(codes);
        if (!(languageMinConfidence >= 0.0 && languageMinConfidence < 1.0)) {
            throw JobConfig.invalid(
                    LANGUAGE_MIN_CONFIDENCE.key(),
                    languageMinConfidence,
                    "must be at least 0 and below 1");
        }
        if (cacheEntries < 0) {
            throw JobConfig.invalid(CACHE_ENTRIES.key(), cacheEntries, "must be 0 or more");
        }
    }

    public static TextOptions defaults() {
        return new TextOptions(
                Set.copyOf(DEFAULT_CANDIDATES), LANGUAGE_MIN_CONFIDENCE.defaultValue());
    }

    public static TextOptions fromConfig(ReadableConfig config) {
        return new TextOptions(
                new LinkedHashSet<>(config.get(LANGUAGE_CANDIDATES)),
                config.get(LANGUAGE_MIN_CONFIDENCE),
                config.get(CACHE_ENTRIES));
    }
}
