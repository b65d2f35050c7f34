package dev.memorygraph.operators.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language identification with Apache OpenNLP's {@code langdetect-183} model (103 languages,
 * Leipzig corpora, character n-grams), loaded once per JVM from the {@code
 * opennlp-models-langdetect} jar. Reports ISO 639-1 codes where one exists, otherwise the model's
 * ISO 639-3 code; {@code und} with confidence 0 for text with too few letters to judge.
 *
 * <p>Only the first {@value #SAMPLE_CHARS} characters are examined: language does not change the
 * cost of a prompt, and this bounds the cost of a 1 MB one. Not thread-safe.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    static final int SAMPLE_CHARS = 600;
    private static final int MIN_LETTERS = 3;
    private static final String MODEL_RESOURCE = "langdetect-183.bin";

    private static volatile LanguageDetectorModel sharedModel;
    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private final LanguageDetectorME detector;

    public LanguageDetector() {
        this.detector = new LanguageDetectorME(model());
    }

    /** A detected language: ISO code and probability. */
    public record Detection(String language, double confidence) {}

    public Detection detect(String normalizedText) {
        String sample =
                normalizedText.length() > SAMPLE_CHARS
                        ? normalizedText.substring(0, SAMPLE_CHARS)
                        : normalizedText;
        if (countLetters(sample) < MIN_LETTERS) {
            return new Detection(UNDETERMINED, 0.0);
        }
        Language best = detector.predictLanguage(sample);
        if (best == null) {
            return new Detection(UNDETERMINED, 0.0);
        }
        return new Detection(toIso1(best.getLang()), best.getConfidence());
    }

    /** The codes this detector can return. */
    public String[] supportedLanguages() {
        String[] iso3 = detector.getSupportedLanguages();
        String[] codes = new String[iso3.length];
        for (int i = 0; i < iso3.length; i++) {
            codes[i] = toIso1(iso3[i]);
        }
        return codes;
    }

    static String toIso1(String iso3) {
        return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
    }

    private static int countLetters(String s) {
        int letters = 0;
        for (int i = 0; i < s.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }

    private static LanguageDetectorModel model() {
        LanguageDetectorModel model = sharedModel;
        if (model == null) {
            synchronized (LanguageDetector.class) {
                model = sharedModel;
                if (model == null) {
                    try (InputStream in =
                            LanguageDetector.class
                                    .getClassLoader()
                                    .getResourceAsStream(MODEL_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException(
                                    MODEL_RESOURCE + " not on the classpath");
                        }
                        model = new LanguageDetectorModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot load " + MODEL_RESOURCE, e);
                    }
                    sharedModel = model;
                }
            }
        }
        return model;
    }

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code known to the JDK
            }
        }
        // Individual languages the model uses for macrolanguages with a 639-1 code.
        map.put("cmn", "zh");
        map.put("pes", "fa");
        map.put("zlm", "ms");
        map.put("lvs", "lv");
        map.put("ekk", "et");
        map.put("khk", "mn");
        map.put("uzn", "uz");
        map.put("swh", "sw");
        map.put("azj", "az");
        map.put("plt", "mg");
        map.put("gug", "gn");
        map.put("ydd", "yi");
        map.put("npi", "ne");
        map.put("nob", "nb");
        map.put("nno", "nn");
        return Map.copyOf(map);
    }
}
