package dev.memorygraph.operators.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pattern families after the rewrite of issue 16 (the first character before the lookbehind)
 * find exactly what the original forms found: the same spans and the same groups, on the PII and
 * NER evaluation sets, generated traffic, and random strings drawn from the characters the patterns
 * turn on (digits, capitals, separators, '@', '.', ':'), which reach the boundary cases no
 * hand-written text does.
 */
class PatternEquivalenceTest {

    /** The patterns as they were before the rewrite. */
    static final Map<String, Pattern> ORIGINAL =
            Map.of(
                    "EMAIL",
                    Pattern.compile(
                            "(?<![\\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9])?"
                                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                                    + "[A-Za-z]{2,24}(?![\\w-]|\\.[A-Za-z0-9])"),
                    "SSN",
                    Pattern.compile("(?<![\\w-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\w-])"),
                    "CARD",
                    Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])"),
                    "IBAN",
                    Pattern.compile("(?<![\\w-])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![\\w-])"),
                    "IPV4",
                    Pattern.compile("(?<![\\w.-])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w-]|\\.\\d)"));

    static final Map<String, Pattern> REWRITTEN =
            Map.of(
                    "EMAIL", PatternDetector.EMAIL,
                    "SSN", PatternDetector.SSN,
                    "CARD", PatternDetector.CARD,
                    "IBAN", PatternDetector.IBAN,
                    "IPV4", PatternDetector.IPV4);

    @Test
    void rewrittenPatternsMatchExactlyWhatTheOriginalsMatched() throws IOException {
        List<String> texts = corpus();
        for (String family : ORIGINAL.keySet()) {
            int matches = 0;
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                List<String> expected = matches(ORIGINAL.get(family), text);
                assertThat(matches(REWRITTEN.get(family), text))
                        .as("%s on text %d", family, i)
                        .isEqualTo(expected);
                matches += expected.size();
            }
            assertThat(matches).as("%s matches in the corpus", family).isGreaterThan(200);
        }
        assertThat(texts).hasSizeGreaterThan(50_000);
    }

    /** Every match as its span and groups, in order. */
    static List<String> matches(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            StringBuilder match = new StringBuilder().append(m.start()).append('-').append(m.end());
            for (int g = 1; g <= m.groupCount(); g++) {
                match.append('|').append(m.start(g)).append('-').append(m.end(g));
            }
            out.add(match.toString());
        }
        return out;
    }

    static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        texts.addAll(lines(PatternEquivalenceTest.class, "/pii/eval-set.txt"));
        for (String set : List.of("ner-holdout", "ner-train-a", "ner-train-b", "ner-train-c")) {
            for (String line :
                    lines(PatternEquivalenceTest.class, "/eval/holdout/" + set + ".tsv")) {
                texts.add(line.split("\t", 2)[0]);
            }
        }
        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults("p", "r", "s").withPaddingBytes(600),
                        Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC));
        for (TestRecord record : generator.take(5_000)) {
            if (record.value() != null) {
                texts.add(new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        Random random = new Random(16);
        String alphabet = "0123456789012345678901234567890123456789ABDEFGR aZx-_.@:+ \n";
        for (int i = 0; i < 60_000; i++) {
            char[] chars = new char[20 + random.nextInt(60)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            texts.add(new String(chars));
        }
        // pieces of candidates glued by the characters the boundaries look at
        List<String> pieces =
                List.of(
                        "536",
                        "22",
                        "1234",
                        "-",
                        " ",
                        "4111",
                        "1111",
                        "5500",
                        "0000",
                        "0004",
                        "DE89",
                        "3704",
                        "0044",
                        "GB82",
                        "WEST",
                        "192.",
                        "168.",
                        "1.",
                        "20",
                        ".",
                        "j.doe",
                        "@",
                        "ex-ample.",
                        "com",
                        "_",
                        "x",
                        "+",
                        ":",
                        "a1",
                        "00",
                        " 536-22-1234 ",
                        " 078 05 1120.",
                        " 4111-1111-1111-1111 ",
                        " 10.0.0.7 ");
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = 4 + random.nextInt(16);
            for (int p = 0; p < n; p++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            texts.add(text.toString());
        }
        return texts;
    }

    static List<String> lines(Class<?> owner, String resource) throws IOException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }
}
