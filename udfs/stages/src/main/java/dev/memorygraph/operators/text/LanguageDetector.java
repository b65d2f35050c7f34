package dev.memorygraph.operators.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Language identification over a configured set of candidate languages ({@link TextOptions}), in
 * two steps:
 *
 * <ol>
 *   <li><b>Script.</b> The letters' Unicode scripts decide first: a script only one candidate is
 *       written in settles the language (Hangul, kana, Thai, Greek, Hebrew...), a script no
 *       candidate is written in gives {@code und}.
 *   <li><b>Model.</b> Otherwise Apache OpenNLP's {@code langdetect-183} model (103 languages,
 *       Leipzig corpora, maximum entropy over character 1- to 3-grams, loaded once per JVM from the
 *       {@code opennlp-models-langdetect} jar) is evaluated, and its probabilities are summed per
 *       candidate and renormalised over the candidates written in that script.
 * </ol>
 *
 * The model reads the first {@value #SAMPLE_CHARS} characters, lower-cased, digits removed and
 * whitespace collapsed (its own features, built here rather than through {@code
 * LanguageDetectorME}, whose normalisers cost more than the evaluation). Words that carry no
 * language, such as identifiers, file names, acronyms and URLs ({@code OrderService.java}, {@code
 * useEffect}, {@code HTTP}, {@code gpt-4o}), are left out of that sample unless nothing else is
 * left. Below the configured confidence the answer is {@code und}, with the confidence found.
 *
 * <p>Codes are ISO 639-1 where one exists, otherwise the model's ISO 639-3 code. Not thread-safe.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    static final int SAMPLE_CHARS = 240;
    private static final int MIN_GRAM = 1;
    private static final int MAX_GRAM = 3;
    private static final int MIN_LETTERS = 3;
    private static final String MODEL_RESOURCE = "langdetect-183.bin";

    /**
     * Word-level evidence for English, as likelihood ratios of a Latin-script word being (or not
     * being) in the English word list when the text is English versus when it is another language:
     * about 90 % of the words of English prompts are in the list (the rest are names, slang,
     * identifiers), against about 25 % of the words of other Latin-script languages (short words
     * and loans the languages share). Fixed from those rates, not fitted to an evaluation set.
     */
    private static final double ENGLISH_HIT = 0.90 / 0.25;

    private static final double ENGLISH_MISS = 0.10 / 0.75;

    /** Letters of these scripts are weighed as this many Latin letters: one is about a word. */
    private static final int IDEOGRAPHIC_WEIGHT = 3;

    private static volatile LanguageDetectorModel sharedModel;
    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();
    private static final Map<String, Set<UnicodeScript>> SCRIPTS = scripts();
    private static final UnicodeScript[] ALL_SCRIPTS = UnicodeScript.values();
    private static final int SCRIPT_COUNT = ALL_SCRIPTS.length;

    private final MaxentModel maxent;
    private final double minConfidence;
    private final String[] candidates;
    private final Set<UnicodeScript>[] candidateScripts;

    /** For each model outcome, the index of its candidate, or -1. */
    private final int[] outcomeCandidate;

    private final int english;
    private final Set<String> englishList;

    private final StringBuilder sample = new StringBuilder(SAMPLE_CHARS);
    private final StringBuilder word = new StringBuilder();
    private int words;
    private int englishWords;
    private final java.util.HashSet<String> grams = new java.util.HashSet<>();
    private final int[] scriptLetters = new int[SCRIPT_COUNT];
    private final double[] candidateProbability;

    public LanguageDetector(TextOptions options) {
        this.maxent = model().getMaxentModel();
        this.minConfidence = options.languageMinConfidence();
        this.candidates = new TreeSet<>(options.languageCandidates()).toArray(new String[0]);
        @SuppressWarnings("unchecked")
        Set<UnicodeScript>[] scripts = new Set[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            scripts[i] = SCRIPTS.getOrDefault(candidates[i], EnumSet.of(UnicodeScript.LATIN));
        }
        this.candidateScripts = scripts;
        this.outcomeCandidate = new int[maxent.getNumOutcomes()];
        List<String> candidateList = List.of(candidates);
        for (int i = 0; i < outcomeCandidate.length; i++) {
            outcomeCandidate[i] = candidateList.indexOf(toIso1(maxent.getOutcome(i)));
        }
        this.candidateProbability = new double[candidates.length];
        this.english = candidateList.indexOf("en");
        this.englishList = english >= 0 ? EnglishWords.list() : Set.of();
    }

    /** A detected language: ISO code (or {@value #UNDETERMINED}) and confidence in [0, 1]. */
    public record Detection(String language, double confidence) {}

    public Detection detect(String normalizedText) {
        int letters = sample(normalizedText, true);
        if (letters < MIN_LETTERS) {
            letters = sample(normalizedText, false);
        }
        if (letters < MIN_LETTERS) {
            return new Detection(UNDETERMINED, 0.0);
        }
        UnicodeScript script = dominantScript();
        int weighted = 0;
        for (int count : scriptLetters) {
            weighted += count;
        }
        double share = scriptLetters[script.ordinal()] / (double) weighted;
        int only = -1;
        int written = 0;
        for (int i = 0; i < candidates.length; i++) {
            if (candidateScripts[i].contains(script)) {
                only = i;
                written++;
            }
        }
        if (written == 0) {
            return new Detection(UNDETERMINED, 0.0);
        }
        if (written == 1) {
            return decide(only, share);
        }
        java.util.Arrays.fill(candidateProbability, 0.0);
        double[] probabilities = maxent.eval(ngrams());
        for (int i = 0; i < probabilities.length; i++) {
            int c = outcomeCandidate[i];
            if (c >= 0 && candidateScripts[c].contains(script)) {
                // several model languages can share a code (fas and pes are both fa): keep the
                // likeliest rather than their sum, which would favour split languages
                candidateProbability[c] = Math.max(candidateProbability[c], probabilities[i]);
            }
        }
        if (english >= 0 && script == UnicodeScript.LATIN && words > 0) {
            candidateProbability[english] *=
                    Math.pow(ENGLISH_HIT, englishWords)
                            * Math.pow(ENGLISH_MISS, words - englishWords);
        }
        int best = -1;
        int second = -1;
        for (int c = 0; c < candidates.length; c++) {
            if (best < 0 || candidateProbability[c] > candidateProbability[best]) {
                second = best;
                best = c;
            } else if (second < 0 || candidateProbability[c] > candidateProbability[second]) {
                second = c;
            }
        }
        double top = candidateProbability[best];
        double runnerUp = second < 0 ? 0.0 : candidateProbability[second];
        return decide(best, top > 0 ? share * (top - runnerUp) / (top + runnerUp) : 0.0);
    }

    private Detection decide(int candidate, double confidence) {
        return new Detection(
                confidence >= minConfidence ? candidates[candidate] : UNDETERMINED, confidence);
    }

    /** Every code {@link TextOptions#LANGUAGE_CANDIDATES} accepts: those the model can return. */
    public static String[] knownLanguages() {
        MaxentModel maxent = model().getMaxentModel();
        Set<String> codes = new TreeSet<>();
        for (int i = 0; i < maxent.getNumOutcomes(); i++) {
            codes.add(toIso1(maxent.getOutcome(i)));
        }
        return codes.toArray(new String[0]);
    }

    /**
     * Fills {@link #sample} (lower case, no digits, single spaces) and {@link #scriptLetters} from
     * the text's first words, leaving out words without language when {@code skipCode}; returns the
     * sample's letter count.
     */
    private int sample(String text, boolean skipCode) {
        sample.setLength(0);
        java.util.Arrays.fill(scriptLetters, 0);
        words = 0;
        englishWords = 0;
        int letters = 0;
        int i = 0;
        int n = text.length();
        while (i < n && sample.length() < SAMPLE_CHARS) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end > i && !(skipCode && isCode(text, i, end))) {
                if (sample.length() > 0) {
                    sample.append(' ');
                }
                countWord(text, i, end);
                for (int k = i; k < end && sample.length() < SAMPLE_CHARS; ) {
                    int cp = text.codePointAt(k);
                    k += Character.charCount(cp);
                    if (Character.isDigit(cp)) {
                        continue;
                    }
                    if (Character.isLetter(cp)) {
                        letters++;
                        UnicodeScript script = UnicodeScript.of(cp);
                        scriptLetters[script.ordinal()] +=
                                script == UnicodeScript.HAN
                                                || script == UnicodeScript.HIRAGANA
                                                || script == UnicodeScript.KATAKANA
                                                || script == UnicodeScript.HANGUL
                                        ? IDEOGRAPHIC_WEIGHT
                                        : 1;
                    }
                    sample.appendCodePoint(Character.toLowerCase(cp));
                }
            }
            i = end;
        }
        return letters;
    }

    /**
     * Counts {@code text[from, to)} in {@link #words} when it is a Latin-script word of two letters
     * or more (edge punctuation and an apostrophe's tail removed: "what's" is "what"), and in
     * {@link #englishWords} when the English list has it. A capitalised word the list does not have
     * is a name, which says nothing about the language, and is not counted.
     */
    private void countWord(String text, int from, int to) {
        if (englishList.isEmpty()) {
            return;
        }
        word.setLength(0);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '’') {
                if (word.length() > 0) {
                    break;
                }
            } else if (Character.isLetter(c)) {
                if (UnicodeScript.of(c) != UnicodeScript.LATIN) {
                    return;
                }
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0 && !isEdgePunctuation(c) && c != '-') {
                return;
            }
        }
        if (word.length() >= 2) {
            boolean listed = englishList.contains(word.toString());
            if (!listed && isCapitalised(text, from, to)) {
                return; // a name or product: no language of its own
            }
            words++;
            englishWords += listed ? 1 : 0;
        }
    }

    /** Whether the word starts with a capital letter followed only by lower-case letters. */
    private static boolean isCapitalised(String text, int from, int to) {
        boolean first = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (first != Character.isUpperCase(c)) {
                    return false;
                }
                first = false;
            }
        }
        return !first;
    }

    /**
     * Whether the ASCII word {@code text[from, to)} is code rather than language: it has a digit, a
     * symbol used in code or paths, a lower-to-upper case change, a dot between letters, or is an
     * acronym of two or more capitals. Non-ASCII words are always language.
     */
    static boolean isCode(String text, int from, int to) {
        while (from < to && isEdgePunctuation(text.charAt(from))) {
            from++;
        }
        while (to > from && isEdgePunctuation(text.charAt(to - 1))) {
            to--;
        }
        int upper = 0;
        int lower = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                return false;
            }
            if (Character.isDigit(c) || "_/\\@=<>{}[]|`$#*^~+".indexOf(c) >= 0) {
                return true;
            }
            if (Character.isUpperCase(c)) {
                if (i > from && Character.isLowerCase(text.charAt(i - 1))) {
                    return true;
                }
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            } else if ((c == '.' || c == ':' || c == ';')
                    && i > from
                    && i + 1 < to
                    && Character.isLetter(text.charAt(i - 1))
                    && Character.isLetter(text.charAt(i + 1))) {
                return true;
            }
        }
        return upper >= 2 && lower == 0;
    }

    private static boolean isEdgePunctuation(char c) {
        return ".,;:!?\"'()“”‘’«»".indexOf(c) >= 0;
    }

    /**
     * The script most of the sample's letters are in. Han letters count with kana when there is
     * kana (Japanese) and with Hangul when there is Hangul (Korean).
     */
    private UnicodeScript dominantScript() {
        int han = scriptLetters[UnicodeScript.HAN.ordinal()];
        int kana =
                scriptLetters[UnicodeScript.HIRAGANA.ordinal()]
                        + scriptLetters[UnicodeScript.KATAKANA.ordinal()];
        if (kana > 0) {
            scriptLetters[UnicodeScript.HIRAGANA.ordinal()] = kana + han;
            scriptLetters[UnicodeScript.KATAKANA.ordinal()] = 0;
            scriptLetters[UnicodeScript.HAN.ordinal()] = 0;
        } else if (scriptLetters[UnicodeScript.HANGUL.ordinal()] > 0) {
            scriptLetters[UnicodeScript.HANGUL.ordinal()] += han;
            scriptLetters[UnicodeScript.HAN.ordinal()] = 0;
        }
        int best = UnicodeScript.LATIN.ordinal();
        for (int s = 0; s < SCRIPT_COUNT; s++) {
            if (scriptLetters[s] > scriptLetters[best]) {
                best = s;
            }
        }
        return ALL_SCRIPTS[best];
    }

    /** The sample's distinct 1- to 3-grams: the model was trained on sets, not counts. */
    private String[] ngrams() {
        grams.clear();
        int n = sample.length();
        for (int len = MIN_GRAM; len <= MAX_GRAM; len++) {
            for (int i = 0; i + len <= n; i++) {
                grams.add(sample.substring(i, i + len));
            }
        }
        return grams.toArray(new String[0]);
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

    /** The scripts of the model's languages not written in Latin script. */
    private static Map<String, Set<UnicodeScript>> scripts() {
        Map<String, Set<UnicodeScript>> map = new HashMap<>();
        List<Object[]> table = new ArrayList<>();
        table.add(new Object[] {UnicodeScript.CYRILLIC, "ru uk be bg mk sr kk ky mn tg tt ba ce"});
        table.add(new Object[] {UnicodeScript.ARABIC, "ar fa ur ps pnb"});
        table.add(new Object[] {UnicodeScript.HEBREW, "he yi"});
        table.add(new Object[] {UnicodeScript.DEVANAGARI, "hi mr ne sa"});
        table.add(new Object[] {UnicodeScript.BENGALI, "bn"});
        table.add(new Object[] {UnicodeScript.GURMUKHI, "pa"});
        table.add(new Object[] {UnicodeScript.GUJARATI, "gu"});
        table.add(new Object[] {UnicodeScript.TAMIL, "ta"});
        table.add(new Object[] {UnicodeScript.TELUGU, "te"});
        table.add(new Object[] {UnicodeScript.KANNADA, "kn"});
        table.add(new Object[] {UnicodeScript.MALAYALAM, "ml"});
        table.add(new Object[] {UnicodeScript.SINHALA, "si"});
        table.add(new Object[] {UnicodeScript.THAI, "th"});
        table.add(new Object[] {UnicodeScript.GREEK, "el"});
        table.add(new Object[] {UnicodeScript.ARMENIAN, "hy"});
        table.add(new Object[] {UnicodeScript.GEORGIAN, "ka"});
        table.add(new Object[] {UnicodeScript.HANGUL, "ko"});
        table.add(new Object[] {UnicodeScript.HAN, "zh ja"});
        table.add(new Object[] {UnicodeScript.HIRAGANA, "ja"});
        for (Object[] row : table) {
            for (String code : ((String) row[1]).split(" ")) {
                map.computeIfAbsent(code, k -> EnumSet.noneOf(UnicodeScript.class))
                        .add((UnicodeScript) row[0]);
            }
        }
        return Map.copyOf(map);
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
