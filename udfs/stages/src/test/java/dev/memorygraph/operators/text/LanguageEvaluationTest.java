package dev.memorygraph.operators.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

/**
 * Language identification measured on two hand-written sets in udfs/testing (see the README there;
 * both by authors who saw neither the detector nor each other's set): {@code eval/lang-id.tsv},
 * which was looked at while the detector's rules were chosen, and {@code
 * eval/holdout/lang-id-holdout.tsv}, which was not. Compares, on the same lines and in one run:
 * OpenNLP's own {@code LanguageDetectorME} over all its languages (the detector before issue 8),
 * this project's {@link LanguageDetector} with the default options, and Lingua restricted to the
 * same candidates. Prints accuracy overall, on English and on short English, the share labelled
 * {@code und}, and µs per text (a figure, never asserted). An {@code und} answer counts as wrong.
 * Fails when the project's detector misses the targets of issue 8 on either set: English ≥ 0.98,
 * overall ≥ 0.95.
 *
 * <p>Run alone: {@code mvn -pl udfs/stages -am test -Dtest=LanguageEvaluationTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LanguageEvaluationTest {

    record Line(String language, String text) {}

    record Score(
            String detector,
            String set,
            int lines,
            double overall,
            double english,
            double shortEnglish,
            double undetermined,
            double microsPerText,
            Map<String, Double> byLanguage) {}

    @Test
    void comparesDetectorsOnTwoDisjointSets() throws IOException {
        List<Line> dev = load("/eval/lang-id.tsv");
        List<Line> holdout = load("/eval/holdout/lang-id-holdout.tsv");
        assertThat(dev).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(holdout).hasSizeGreaterThanOrEqualTo(1_000);

        TextOptions options = TextOptions.defaults();
        LanguageDetector ours = new LanguageDetector(options);
        Map<String, UnaryOperator<String>> detectors = new java.util.LinkedHashMap<>();
        detectors.put("OpenNLP LanguageDetectorME, 103 languages", openNlp());
        detectors.put(
                "memory-graph LanguageDetector, default options",
                text -> ours.detect(text).language());
        detectors.put("Lingua 1.2.2, same candidates", lingua(options));
        List<Score> scores = new ArrayList<>();
        for (Map.Entry<String, UnaryOperator<String>> detector : detectors.entrySet()) {
            scores.add(score(detector.getKey(), "lang-id (dev)", dev, detector.getValue()));
            scores.add(score(detector.getKey(), "holdout", holdout, detector.getValue()));
        }
        System.out.println(table(scores));

        // issue 8, defect 3: the targets, on both sets
        assertThat(scores)
                .filteredOn(s -> s.detector().startsWith("memory-graph"))
                .hasSize(2)
                .allSatisfy(
                        s -> {
                            assertThat(s.english())
                                    .as("English, %s", s.set())
                                    .isGreaterThanOrEqualTo(0.98);
                            assertThat(s.overall())
                                    .as("overall, %s", s.set())
                                    .isGreaterThanOrEqualTo(0.95);
                        });
    }

    static Score score(String name, String set, List<Line> lines, UnaryOperator<String> detector) {
        for (Line line : lines.subList(0, Math.min(200, lines.size()))) {
            detector.apply(line.text()); // warm up
        }
        Map<String, int[]> byLanguage = new TreeMap<>(); // correct, total
        int[] shortEnglish = new int[2];
        int undetermined = 0;
        long nanos = 0;
        for (Line line : lines) {
            long start = System.nanoTime();
            String found = detector.apply(line.text());
            nanos += System.nanoTime() - start;
            boolean correct = line.language().equals(found);
            undetermined += LanguageDetector.UNDETERMINED.equals(found) ? 1 : 0;
            int[] c = byLanguage.computeIfAbsent(line.language(), k -> new int[2]);
            c[0] += correct ? 1 : 0;
            c[1]++;
            if (line.language().equals("en") && line.text().length() < 60) {
                shortEnglish[0] += correct ? 1 : 0;
                shortEnglish[1]++;
            }
        }
        int correct = byLanguage.values().stream().mapToInt(c -> c[0]).sum();
        Map<String, Double> accuracy = new TreeMap<>();
        byLanguage.forEach((language, c) -> accuracy.put(language, c[0] / (double) c[1]));
        return new Score(
                name,
                set,
                lines.size(),
                correct / (double) lines.size(),
                accuracy.get("en"),
                shortEnglish[0] / (double) shortEnglish[1],
                undetermined / (double) lines.size(),
                nanos / 1_000.0 / lines.size(),
                accuracy);
    }

    private static String table(List<Score> scores) {
        StringBuilder out =
                new StringBuilder(
                        String.format(
                                "%nLanguage identification (und counts as wrong)%n"
                                        + "| detector | set | lines | overall | English |"
                                        + " English < 60 chars | und | µs/text |%n"
                                        + "|---|---|---|---|---|---|---|---|%n"));
        for (Score s : scores) {
            out.append(
                    String.format(
                            "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f |%n",
                            s.detector(),
                            s.set(),
                            s.lines(),
                            s.overall(),
                            s.english(),
                            s.shortEnglish(),
                            s.undetermined(),
                            s.microsPerText()));
        }
        out.append(String.format("%nPer language%n| detector | set |"));
        List<String> languages = new ArrayList<>(scores.get(0).byLanguage().keySet());
        for (Score s : scores) {
            for (String language : s.byLanguage().keySet()) {
                if (!languages.contains(language)) {
                    languages.add(language);
                }
            }
        }
        for (String language : languages) {
            out.append(' ').append(language).append(" |");
        }
        out.append(String.format("%n"));
        for (Score s : scores) {
            out.append("| ").append(s.detector()).append(" | ").append(s.set()).append(" |");
            for (String language : languages) {
                Double a = s.byLanguage().get(language);
                out.append(a == null ? " - |" : String.format(" %.2f |", a));
            }
            out.append(String.format("%n"));
        }
        return out.toString();
    }

    private static UnaryOperator<String> openNlp() throws IOException {
        try (InputStream in =
                LanguageEvaluationTest.class
                        .getClassLoader()
                        .getResourceAsStream("langdetect-183.bin")) {
            LanguageDetectorME me = new LanguageDetectorME(new LanguageDetectorModel(in));
            return text -> LanguageDetector.toIso1(me.predictLanguage(text).getLang());
        }
    }

    private static UnaryOperator<String> lingua(TextOptions options) {
        List<Language> languages = new ArrayList<>();
        for (String code : options.languageCandidates()) {
            languages.add(
                    Language.getByIsoCode639_1(
                            IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))));
        }
        com.github.pemistahl.lingua.api.LanguageDetector lingua =
                LanguageDetectorBuilder.fromLanguages(languages.toArray(new Language[0]))
                        .withPreloadedLanguageModels()
                        .build();
        return text -> {
            Language found = lingua.detectLanguageOf(text);
            return found == Language.UNKNOWN
                    ? LanguageDetector.UNDETERMINED
                    : found.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
        };
    }

    static List<Line> load(String resource) throws IOException {
        List<Line> out = new ArrayList<>();
        try (InputStream in = LanguageEvaluationTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (line.isBlank() || line.startsWith("#") || tab < 0) {
                    continue;
                }
                out.add(
                        new Line(
                                line.substring(0, tab).strip(),
                                TextNormalizer.normalize(line.substring(tab + 1))));
            }
        }
        return out;
    }
}
