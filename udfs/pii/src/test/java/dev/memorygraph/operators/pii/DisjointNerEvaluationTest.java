package dev.memorygraph.operators.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PERSON, ORG and GPE precision and recall of the in-process recognizer, exact span and type, on
 * two sets in udfs/testing, each written by a separate author who saw neither the recognizer nor
 * its lists nor the other set (see the READMEs there): {@code eval/ner-disjoint.tsv}, which was
 * looked at while the recognizer's rules were written, and {@code eval/holdout/ner-holdout.tsv},
 * which was not. Only sentences whose entities appear in none of the recognizer's lists count, so a
 * larger list cannot inflate the figures. Also prints how many entities lie inside a finding of any
 * type, which is what {@code redact} removes. Fails on a malformed set and below regression floors.
 *
 * <p>Run alone: {@code mvn -pl udfs/pii -am test -Dtest=DisjointNerEvaluationTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DisjointNerEvaluationTest {

    private static final List<String> LISTS =
            List.of("/pii/ner/first-names.txt", "/pii/ner/gpe.txt", "/pii/ner/orgs.txt");

    record Labelled(String text, Set<PiiFinding> entities) {}

    /** Exact-span counts per type, and entities covered by a finding of any type. */
    record Result(String set, int sentences, int used, Map<PiiType, int[]> counts, int[] covered) {

        double recall(PiiType type) {
            return PiiEvaluationTest.recall(counts.get(type));
        }

        double coverage() {
            return covered[0] / (double) covered[1];
        }
    }

    @Test
    void measuresTheRecognizerOnNamesItsListsDoNotHold() throws IOException {
        Result dev = evaluate("ner-disjoint (dev)", "/eval/ner-disjoint.tsv");
        Result holdout = evaluate("ner-holdout", "/eval/holdout/ner-holdout.tsv");
        System.out.println(table(List.of(dev, holdout)));

        for (Result r : List.of(dev, holdout)) {
            assertThat(r.sentences()).as(r.set()).isGreaterThanOrEqualTo(450);
            assertThat(r.used()).as(r.set()).isGreaterThanOrEqualTo(r.sentences() * 9 / 10);
        }
        // Regression floors, below the figures measured when the recognizer last changed (the
        // README has them). Issue 8's targets (PERSON recall 0.95 at precision 0.90, ORG and GPE
        // recall 0.85) are not reached yet.
        assertThat(dev.recall(PiiType.PERSON)).isGreaterThanOrEqualTo(0.85);
        assertThat(dev.coverage()).isGreaterThanOrEqualTo(0.90);
        assertThat(holdout.coverage()).isGreaterThanOrEqualTo(0.80);
    }

    static Result evaluate(String name, String resource) throws IOException {
        Set<String> listed = listedNames();
        List<Labelled> all = load(resource);
        List<Labelled> disjoint = new ArrayList<>();
        for (Labelled sentence : all) {
            boolean overlaps =
                    sentence.entities().stream()
                            .map(e -> sentence.text().substring(e.start(), e.end()))
                            .anyMatch(entity -> listed.contains(entity.toLowerCase(Locale.ROOT)));
            if (!overlaps) {
                disjoint.add(sentence);
            }
        }
        ContextRecognizer ner = new ContextRecognizer();
        Map<PiiType, int[]> counts = new EnumMap<>(PiiType.class); // tp, fp, fn
        for (PiiType type : List.of(PiiType.PERSON, PiiType.ORG, PiiType.GPE)) {
            counts.put(type, new int[3]);
        }
        int[] covered = new int[2]; // entities inside a finding of any type, entities
        for (Labelled sentence : disjoint) {
            Set<PiiFinding> found = new HashSet<>();
            for (PiiFinding f : ner.find(sentence.text())) {
                found.add(new PiiFinding(f.type(), f.start(), f.end(), 1.0));
            }
            for (PiiFinding f : found) {
                int[] c = counts.get(f.type());
                if (c != null) {
                    c[sentence.entities().contains(f) ? 0 : 1]++;
                }
            }
            for (PiiFinding e : sentence.entities()) {
                if (!found.contains(e)) {
                    counts.get(e.type())[2]++;
                }
                covered[1]++;
                if (found.stream().anyMatch(f -> f.start() <= e.start() && f.end() >= e.end())) {
                    covered[0]++;
                }
            }
        }
        return new Result(name, all.size(), disjoint.size(), counts, covered);
    }

    private static String table(List<Result> results) {
        StringBuilder table =
                new StringBuilder(
                        String.format(
                                "%nNER on names in none of the recognizer's lists (exact span and"
                                        + " type)%n| set | sentences used | type | precision |"
                                        + " recall | tp | fp | fn |%n"
                                        + "|---|---|---|---|---|---|---|---|%n"));
        for (Result r : results) {
            r.counts()
                    .forEach(
                            (type, c) ->
                                    table.append(
                                            String.format(
                                                    "| %s | %d of %d | %s | %.2f | %.2f | %d | %d"
                                                            + " | %d |%n",
                                                    r.set(),
                                                    r.used(),
                                                    r.sentences(),
                                                    type,
                                                    PiiEvaluationTest.precision(c),
                                                    PiiEvaluationTest.recall(c),
                                                    c[0],
                                                    c[1],
                                                    c[2])));
        }
        for (Result r : results) {
            table.append(
                    String.format(
                            "%s: entities inside a finding of any type (what redact removes): %d"
                                    + " of %d (%.2f)%n",
                            r.set(), r.covered()[0], r.covered()[1], r.coverage()));
        }
        return table.toString();
    }

    private static Set<String> listedNames() throws IOException {
        Set<String> names = new HashSet<>();
        for (String list : LISTS) {
            try (InputStream in = ContextRecognizer.class.getResourceAsStream(list)) {
                assertThat(in).as(list).isNotNull();
                for (String line :
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#")) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    static List<Labelled> load(String resource) throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = DisjointNerEvaluationTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (line.isBlank() || line.startsWith("#") || tab < 0) {
                    continue;
                }
                String text = line.substring(0, tab);
                Set<PiiFinding> entities = new HashSet<>();
                for (String span : line.substring(tab + 1).split(";")) {
                    if (span.isBlank()) {
                        continue;
                    }
                    String[] parts = span.strip().split(":");
                    int start = Integer.parseInt(parts[1]);
                    int end = Integer.parseInt(parts[2]);
                    assertThat(end)
                            .as("span %s in: %s", span, text)
                            .isBetween(start + 1, text.length());
                    entities.add(new PiiFinding(PiiType.valueOf(parts[0]), start, end, 1.0));
                }
                out.add(new Labelled(text, entities));
            }
        }
        return out;
    }
}
