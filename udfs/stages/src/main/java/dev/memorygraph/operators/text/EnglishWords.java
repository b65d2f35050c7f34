package dev.memorygraph.operators.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The English word list shipped in {@code text/english-words.txt}: about 65,000 lower-case words of
 * two letters or more from SCOWL (size 50, American and British spellings; permissive licence in
 * {@code text/SCOWL-LICENSE.txt}). It has common words only, no proper names, so it tells an
 * English word from a name or a word of another language. Loaded once per JVM; thread-safe.
 */
public final class EnglishWords {

    private static final String RESOURCE = "/text/english-words.txt";
    private static volatile Set<String> words;

    private EnglishWords() {}

    /** Whether {@code lowerCaseWord} is a common English word. */
    public static boolean contains(String lowerCaseWord) {
        return list().contains(lowerCaseWord);
    }

    static Set<String> list() {
        Set<String> list = words;
        if (list == null) {
            synchronized (EnglishWords.class) {
                list = words;
                if (list == null) {
                    list = load();
                    words = list;
                }
            }
        }
        return list;
    }

    private static Set<String> load() {
        try (InputStream in = EnglishWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not on the classpath");
            }
            Set<String> read = new HashSet<>(100_000);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    read.add(line.strip());
                }
            }
            return Set.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + RESOURCE, e);
        }
    }
}
