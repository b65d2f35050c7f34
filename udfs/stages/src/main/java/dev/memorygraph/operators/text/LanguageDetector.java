package dev.memorygraph.operators.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Language identification with Apache OpenNLP's {@code langdetect-183} model (103 languages,
 * Leipzig corpora, a maximum-entropy model over character 1- to 3-grams), loaded once per JVM from
 * the {@code opennlp-models-langdetect} jar. Reports ISO 639-1 codes where one exists, otherwise
 * the model's ISO 639-3 code; {@code und} with confidence 0 for text with too few letters to judge.
 *
 * <p>The model is evaluated directly on n-grams built here rather than through {@code
 * LanguageDetectorME}, whose regex normalisers and n-gram model cost more than the evaluation
 * itself. The features are the model's own (lower-cased 1- to 3-grams of text with digits removed
 * and whitespace collapsed); URLs and e-mail addresses are not stripped first, which matters only
 * for text that is mostly addresses. Only the first {@value #SAMPLE_CHARS} characters are examined,
 * which bounds the cost of a 1 MB prompt and costs little accuracy on prose. Not thread-safe.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    static final int SAMPLE_CHARS = 240;
    private static final int MIN_GRAM = 1;
    private static final int MAX_GRAM = 3;
    private static final int MIN_LETTERS = 3;
    private static final String MODEL_RESOURCE = "langdetect-183.bin";

    private static volatile LanguageDetectorModel sharedModel;
    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private final MaxentModel maxent;
    private final String[] outcomes;
    private final StringBuilder sample = new StringBuilder(SAMPLE_CHARS);

    public LanguageDetector() {
        this.maxent = model().getMaxentModel();
        this.outcomes = new String[maxent.getNumOutcomes()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = toIso1(maxent.getOutcome(i));
        }
    }

    /** A detected language: ISO code and probability. */
    public record Detection(String language, double confidence) {}

    public Detection detect(String normalizedText) {
        int letters = sample(normalizedText);
        if (letters < MIN_LETTERS) {
            return new Detection(UNDETERMINED, 0.0);
        }
        double[] probabilities = maxent.eval(ngrams());
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Detection(outcomes[best], probabilities[best]);
    }

    /** The codes this detector can return. */
    public String[] supportedLanguages() {
        return outcomes.clone();
    }

    /** Fills {@link #sample}: lower case, no digits, single spaces; returns its letter count. */
    private int sample(String text) {
        sample.setLength(0);
        int letters = 0;
        boolean space = false;
        for (int i = 0; i < text.length() && sample.length() < SAMPLE_CHARS; i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = sample.length() > 0;
                continue;
            }
            if (space) {
                sample.append(' ');
                space = false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
            sample.append(Character.toLowerCase(c));
        }
        return letters;
    }

    private String[] ngrams() {
        int n = sample.length();
        int count = 0;
        for (int len = MIN_GRAM; len <= MAX_GRAM; len++) {
            count += Math.max(0, n - len + 1);
        }
        String[] grams = new String[count];
        int k = 0;
        for (int len = MIN_GRAM; len <= MAX_GRAM; len++) {
            for (int i = 0; i + len <= n; i++) {
                grams[k++] = sample.substring(i, i + len);
            }
        }
        return grams;
    }

    static String toIso1(String iso3) {
        return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
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
                // The JDK lists the withdrawn codes too (in, iw, ji); getLanguage() gives the
                // current one (id, he, yi) for both, so a three-letter code maps to it.
                Locale locale = Locale.forLanguageTag(iso1);
                map.put(locale.getISO3Language(), locale.getLanguage());
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
