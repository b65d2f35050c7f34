package dev.memorygraph.operators.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-process NER: no network, no model download. It reads runs of capitalised words and
 * classifies each with gazetteers shipped as resources ({@code pii/ner/*.txt}: given names,
 * countries/regions/cities, well-known organisations, organisation suffixes) and a few cues:
 *
 * <ol>
 *   <li>a run ending in an organisation suffix ({@code Inc.}, {@code GmbH}, {@code University}...),
 *       or starting with a known organisation, is an {@code ORG};
 *   <li>a run that is (or starts with) a known place is a {@code GPE};
 *   <li>a run after a title ({@code Dr.}, {@code Ms.}...), title included, or starting with a given
 *       name, is a {@code PERSON} (at most four words).
 * </ol>
 *
 * The first word of a sentence is dropped from a run unless a gazetteer knows it, so "Send Anna the
 * file" finds "Anna"; known names that are also common words ("Apple", "May", "Bill") count only
 * inside a sentence. English-centric and tuned for precision; see the README for measured precision
 * and recall. Thread-safe.
 */
public final class GazetteerRecognizer implements NamedEntityRecognizer {

    private static final Pattern WORD =
            Pattern.compile("[\\p{Lu}\\p{Ll}\\p{Lt}][\\p{L}\\p{M}'’.&-]*");
    private static final Set<String> TITLES =
            Set.of(
                    "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "mr.", "mrs.", "ms.", "dr.",
                    "prof.");

    /** Given names and organisations that are also everyday words, taken only mid-sentence. */
    private static final Set<String> AMBIGUOUS =
            Set.of(
                    "may",
                    "june",
                    "april",
                    "august",
                    "will",
                    "mark",
                    "bill",
                    "grace",
                    "rose",
                    "summer",
                    "hope",
                    "joy",
                    "apple",
                    "amazon",
                    "meta",
                    "oracle",
                    "visa",
                    "shell",
                    "stripe",
                    "zoom",
                    "slack",
                    "target",
                    "georgia",
                    "jordan",
                    "chad",
                    "victoria",
                    "florence",
                    "paris",
                    "max",
                    "jack",
                    "faith",
                    "sunday",
                    "mercury");

    private final Set<String> firstNames;
    private final Set<String> places;
    private final Set<String> organisations;
    private final Set<String> orgSuffixes;
    private final int longestPlace;
    private final int longestOrganisation;

    public GazetteerRecognizer() {
        this.firstNames = lowerCase(words("first-names.txt"));
        this.places = lowerCase(lines("gpe.txt"));
        this.organisations = lowerCase(lines("orgs.txt"));
        this.orgSuffixes = new HashSet<>(lines("org-suffixes.txt"));
        this.longestPlace = places.stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
        this.longestOrganisation =
                organisations.stream().mapToInt(o -> o.split(" ").length).max().orElse(1);
    }

    @Override
    public CompletableFuture<List<PiiFinding>> recognize(String text, String language) {
        return CompletableFuture.completedFuture(find(text));
    }

    /** Synchronous form of {@link #recognize}. */
    public List<PiiFinding> find(String text) {
        List<PiiFinding> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        List<Token> run = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        Token previous = null;
        while (m.find()) {
            Token token = token(text, m.start(), m.end(), previous);
            boolean continues =
                    previous != null
                            && !previous.possessive
                            && token.start - previous.end == 1
                            && text.charAt(previous.end) == ' '
                            && !previous.endsSentence;
            if (!continues) {
                classify(run, out);
                run = new ArrayList<>();
            }
            if (token.capitalised) {
                run.add(token);
            } else {
                classify(run, out);
                run = new ArrayList<>();
            }
            previous = token;
        }
        classify(run, out);
        return out;
    }

    private Token token(String text, int start, int end, Token previous) {
        String word = text.substring(start, end);
        boolean possessive = false;
        if (word.endsWith("'s") || word.endsWith("’s")) {
            word = word.substring(0, word.length() - 2);
            end -= 2;
            possessive = true;
        }
        boolean endsSentence = false;
        while (word.endsWith(".") || word.endsWith("-") || word.endsWith("'")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (word.endsWith(".") && (TITLES.contains(lower) || orgSuffixes.contains(word))) {
                break;
            }
            endsSentence |= word.endsWith(".");
            word = word.substring(0, word.length() - 1);
            end--;
        }
        boolean sentenceStart = sentenceStart(text, start);
        return new Token(
                word,
                start,
                end,
                !word.isEmpty() && Character.isUpperCase(word.charAt(0)),
                sentenceStart,
                possessive,
                endsSentence);
    }

    private static boolean sentenceStart(String text, int start) {
        int i = start - 1;
        while (i >= 0
                && (text.charAt(i) == ' ' || text.charAt(i) == '"' || text.charAt(i) == '(')) {
            i--;
        }
        return i < 0
                || text.charAt(i) == '.'
                || text.charAt(i) == '!'
                || text.charAt(i) == '?'
                || text.charAt(i) == '\n'
                || text.charAt(i) == ':';
    }

    private void classify(List<Token> run, List<PiiFinding> out) {
        int from = 0;
        while (from < run.size()) {
            int used = match(run, from, out);
            from += Math.max(1, used);
        }
    }

    /** Classifies the run from {@code from}; returns how many tokens it consumed. */
    private int match(List<Token> run, int from, List<PiiFinding> out) {
        Token first = run.get(from);
        String lower = first.word.toLowerCase(Locale.ROOT);
        boolean guarded = first.sentenceStart || from > 0 && run.get(from - 1).sentenceStart;
        // 1. organisation: known name, or a run ending in a suffix
        int org = longestKnown(run, from, organisations, longestOrganisation);
        if (org > 0 && !(org == 1 && first.sentenceStart && AMBIGUOUS.contains(lower))) {
            int end = from + org;
            while (end < run.size() && orgSuffixes.contains(run.get(end).word)) {
                end++;
            }
            out.add(span(PiiType.ORG, run, from, end, 0.9));
            return end - from;
        }
        int start = first.sentenceStart && !known(first) ? from + 1 : from;
        for (int end = Math.min(run.size(), start + 5); end > start + 1; end--) {
            if (orgSuffixes.contains(run.get(end - 1).word)
                    && !TITLES.contains(run.get(start).word.toLowerCase(Locale.ROOT))) {
                out.add(span(PiiType.ORG, run, start, end, 0.85));
                return end - from;
            }
        }
        // 2. place
        int place = longestKnown(run, from, places, longestPlace);
        if (place > 0 && !(place == 1 && first.sentenceStart && AMBIGUOUS.contains(lower))) {
            out.add(span(PiiType.GPE, run, from, from + place, 0.85));
            return place;
        }
        // 3. person
        if (TITLES.contains(lower) && from + 1 < run.size()) {
            int end = Math.min(run.size(), from + 4);
            out.add(span(PiiType.PERSON, run, from, end, 0.9));
            return end - from;
        }
        if (firstNames.contains(lower)) {
            int end = from + 1;
            while (end < run.size() && end - from < 4 && !known(run.get(end))) {
                end++;
            }
            boolean single = end - from == 1;
            if (single
                    && (first.sentenceStart && !startsClause(run, from)
                            || AMBIGUOUS.contains(lower) && guarded)) {
                return 1;
            }
            out.add(span(PiiType.PERSON, run, from, end, single ? 0.7 : 0.85));
            return end - from;
        }
        return 1;
    }

    /** A sentence-initial single given name followed by more text, e.g. "Kenji moved to". */
    private static boolean startsClause(List<Token> run, int from) {
        return run.size() == from + 1;
    }

    private boolean known(Token token) {
        String lower = token.word.toLowerCase(Locale.ROOT);
        return places.contains(lower)
                || organisations.contains(lower)
                || orgSuffixes.contains(token.word);
    }

    private static int longestKnown(List<Token> run, int from, Set<String> names, int longest) {
        for (int n = Math.min(longest, run.size() - from); n >= 1; n--) {
            StringBuilder name = new StringBuilder();
            for (int i = from; i < from + n; i++) {
                if (i > from) {
                    name.append(' ');
                }
                name.append(run.get(i).word.toLowerCase(Locale.ROOT));
            }
            if (names.contains(name.toString())) {
                return n;
            }
        }
        return 0;
    }

    private static PiiFinding span(PiiType type, List<Token> run, int from, int to, double conf) {
        return new PiiFinding(type, run.get(from).start, run.get(to - 1).end, conf);
    }

    private record Token(
            String word,
            int start,
            int end,
            boolean capitalised,
            boolean sentenceStart,
            boolean possessive,
            boolean endsSentence) {}

    private static Set<String> lowerCase(List<String> entries) {
        Set<String> out = new HashSet<>();
        for (String e : entries) {
            out.add(e.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static List<String> words(String resource) {
        List<String> out = new ArrayList<>();
        for (String line : lines(resource)) {
            for (String w : line.split("\\s+")) {
                if (!w.isBlank()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in =
                GazetteerRecognizer.class.getResourceAsStream("/pii/ner/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource pii/ner/" + resource);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    out.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
