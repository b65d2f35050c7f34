package dev.memorygraph.operators.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.operators.pii.NameFinderRecognizer.LabelledSentence;
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
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * PERSON, ORG and GPE precision and recall of the in-process recognizers, exact span and type, on
 * four held-out sets in udfs/testing ({@code eval/holdout/ner-holdout.tsv} and {@code
 * ner-train-a/b/c.tsv}), each written by its own author who saw neither the recognizers, their
 * lists, their training set nor the other sets (see the {@code .md} beside each), and never looked
 * at while the recognizers were written. Only sentences whose entities appear in none of the
 * recognizers' lists and in none of the training set's names count, so neither a larger list nor
 * memorised training names can inflate the figures. Rows: {@link ContextRecognizer} (the rules, the
 * default), {@link NameFinderRecognizer} (the tagger stacked on them, {@code
 * pii.ner.recognizer=tagger}), and the tagger on its own training set ({@code
 * pii/ner/ner-disjoint.tsv}, a fit, not an estimate). Also prints how many entities lie inside a
 * finding of any type, which is what {@code redact} removes. Fails on a malformed set and below
 * regression floors.
 *
 * <p>Run alone: {@code mvn -pl udfs/pii -am test -Dtest=DisjointNerEvaluationTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DisjointNerEvaluationTest {

    private static final List<String> LISTS =
            List.of("/pii/ner/first-names.txt", "/pii/ner/gpe.txt", "/pii/ner/orgs.txt");

    /** Held-out sets, each by its own author; none was looked at while the rules were written. */
    private static final List<String> HELD_OUT =
            List.of(
                    "/eval/holdout/ner-holdout.tsv",
                    "/eval/holdout/ner-train-a.tsv",
                    "/eval/holdout/ner-train-b.tsv",
                    "/eval/holdout/ner-train-c.tsv");

    /** Exact-span counts per type, and entities covered by a finding of any type. */
    record Result(
            String recognizer,
            String set,
            int sentences,
            int used,
            Map<PiiType, int[]> counts,
            int[] covered,
            double microsPerText) {

        double recall(PiiType type) {
            return PiiEvaluationTest.recall(counts.get(type));
        }

        double precision(PiiType type) {
            return PiiEvaluationTest.precision(counts.get(type));
        }

        double coverage() {
            return covered[0] / (double) covered[1];
        }
    }

    @Test
    void measuresTheRecognizersOnNamesTheyHaveNeverSeen() throws IOException {
        List<LabelledSentence> training = NameFinderRecognizer.trainingSentences();
        Set<String> known = listedNames();
        Set<String> seen = new HashSet<>(known);
        for (LabelledSentence sentence : training) {
            for (PiiFinding e : sentence.entities()) {
                seen.add(sentence.text().substring(e.start(), e.end()).toLowerCase(Locale.ROOT));
            }
        }
        NameFinderRecognizer model = new NameFinderRecognizer();
        ContextRecognizer rules = new ContextRecognizer();
        List<LabelledSentence> pooled = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (String resource : HELD_OUT) {
            List<LabelledSentence> set = LabelledSentence.read(resource);
            assertThat(set).as(resource).hasSizeGreaterThanOrEqualTo(450);
            pooled.addAll(set);
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            results.add(evaluate("ContextRecognizer (rules)", name, set, seen, rules::find));
            results.add(evaluate("NameFinderRecognizer (tagger)", name, set, seen, model::find));
        }
        Result rulesPooled =
                evaluate("ContextRecognizer (rules)", "all held-out", pooled, seen, rules::find);
        Result modelPooled =
                evaluate(
                        "NameFinderRecognizer (tagger)", "all held-out", pooled, seen, model::find);
        results.add(rulesPooled);
        results.add(modelPooled);
        results.add(
                evaluate(
                        "NameFinderRecognizer (tagger)",
                        "its training set",
                        training,
                        known,
                        model::find));
        System.out.println(table(results));

        assertThat(rulesPooled.used()).isGreaterThanOrEqualTo(pooled.size() * 6 / 10);
        // Regression floors, below the figures measured when the recognizers last changed (the
        // README has them). Issue 8's targets (PERSON recall 0.95 at precision 0.90, ORG and GPE
        // recall 0.85) are not reached yet.
        assertThat(rulesPooled.recall(PiiType.PERSON)).isGreaterThanOrEqualTo(FLOOR_PERSON_RECALL);
        assertThat(rulesPooled.coverage()).isGreaterThanOrEqualTo(FLOOR_COVERAGE);
        assertThat(modelPooled.coverage()).isGreaterThanOrEqualTo(FLOOR_COVERAGE);
    }

    private static final double FLOOR_PERSON_RECALL = 0.80;
    private static final double FLOOR_COVERAGE = 0.82;

    static Result evaluate(
            String recognizer,
            String set,
            List<LabelledSentence> sentences,
            Set<String> excluded,
            Function<String, List<PiiFinding>> find) {
        List<LabelledSentence> used = new ArrayList<>();
        for (LabelledSentence sentence : sentences) {
            boolean overlaps =
                    sentence.entities().stream()
                            .map(e -> sentence.text().substring(e.start(), e.end()))
                            .anyMatch(name -> excluded.contains(name.toLowerCase(Locale.ROOT)));
            if (!overlaps) {
                used.add(sentence);
            }
        }
        Map<PiiType, int[]> counts = new EnumMap<>(PiiType.class); // tp, fp, fn
        for (PiiType type : List.of(PiiType.PERSON, PiiType.ORG, PiiType.GPE)) {
            counts.put(type, new int[3]);
        }
        int[] covered = new int[2]; // entities inside a finding of any type, entities
        for (LabelledSentence sentence : used) {
            find.apply(sentence.text()); // warm up
        }
        long nanos = 0;
        for (LabelledSentence sentence : used) {
            Set<PiiFinding> gold = new HashSet<>(sentence.entities());
            Set<PiiFinding> found = new HashSet<>();
            long start = System.nanoTime();
            List<PiiFinding> findings = find.apply(sentence.text());
            nanos += System.nanoTime() - start;
            for (PiiFinding f : findings) {
                found.add(new PiiFinding(f.type(), f.start(), f.end(), 1.0));
            }
            for (PiiFinding f : found) {
                int[] c = counts.get(f.type());
                if (c != null) {
                    c[gold.contains(f) ? 0 : 1]++;
                }
            }
            for (PiiFinding e : gold) {
                if (!found.contains(e)) {
                    counts.get(e.type())[2]++;
                }
                covered[1]++;
                if (found.stream().anyMatch(f -> f.start() <= e.start() && f.end() >= e.end())) {
                    covered[0]++;
                }
            }
        }
        return new Result(
                recognizer,
                set,
                sentences.size(),
                used.size(),
                counts,
                covered,
                nanos / 1_000.0 / Math.max(1, used.size()));
    }

    private static String table(List<Result> results) {
        StringBuilder table =
                new StringBuilder(
                        String.format(
                                "%nNER on names the recognizer has never seen (exact span and type)"
                                        + "%n| recognizer | set | sentences used | type |"
                                        + " precision | recall | tp | fp | fn |%n"
                                        + "|---|---|---|---|---|---|---|---|---|%n"));
        for (Result r : results) {
            r.counts()
                    .forEach(
                            (type, c) ->
                                    table.append(
                                            String.format(
                                                    "| %s | %s | %d of %d | %s | %.2f | %.2f |"
                                                            + " %d | %d | %d |%n",
                                                    r.recognizer(),
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
                            "%s on %s: entities inside a finding of any type (what redact"
                                    + " removes): %d of %d (%.2f); %.0f µs per sentence%n",
                            r.recognizer(),
                            r.set(),
                            r.covered()[0],
                            r.covered()[1],
                            r.coverage(),
                            r.microsPerText()));
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
                        for (String word : name.split("\\s+")) {
                            names.add(word.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return names;
    }
}
