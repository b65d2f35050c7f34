package dev.memorygraph.batch.templates;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt's text as tokens for alignment: words (letters, digits and the joiners of emails, URLs,
 * dates, identifiers and contractions inside them) and single punctuation marks, each with its
 * offsets in the text and a key it is compared by (NFKC, lower case). Whitespace never makes a
 * token, so extra spaces and line breaks do not change an alignment.
 */
final class Tokens {

    private static final Pattern TOKEN =
            Pattern.compile(
                    "\\{\\{[^{}]*}}"
                            + "|[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_'’.\\-@/:+%#]*[\\p{L}\\p{N}_%])?"
                            + "|[^\\s\\p{L}\\p{N}_]");

    final String text;
    final String[] keys;
    final int[] starts;
    final int[] ends;

    private Tokens(String text, String[] keys, int[] starts, int[] ends) {
        this.text = text;
        this.keys = keys;
        this.starts = starts;
        this.ends = ends;
    }

    static Tokens of(String text) {
        List<String> keys = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            keys.add(key(m.group()));
            spans.add(new int[] {m.start(), m.end()});
        }
        int n = keys.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = spans.get(i)[0];
            ends[i] = spans.get(i)[1];
        }
        return new Tokens(text, keys.toArray(String[]::new), starts, ends);
    }

    static String key(String token) {
        return Normalizer.normalize(token, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    int size() {
        return keys.length;
    }

    String token(int i) {
        return text.substring(starts[i], ends[i]);
    }

    /** Whether token {@code i} is a punctuation mark (never a word). */
    boolean punctuation(int i) {
        return isPunctuation(keys[i]);
    }

    static boolean isPunctuation(String key) {
        return key.length() == 1
                && !Character.isLetterOrDigit(key.charAt(0))
                && key.charAt(0) != '_';
    }

    /** The text (whitespace, if any) between token {@code i} and the next token or the end. */
    String after(int i) {
        return text.substring(ends[i], i + 1 < keys.length ? starts[i + 1] : text.length());
    }

    /**
     * The text from the end of token {@code after} to the start of token {@code before}, trimmed.
     */
    String between(int after, int before) {
        int from = after < 0 ? 0 : ends[after];
        int to = before >= keys.length ? text.length() : starts[before];
        return from >= to ? "" : text.substring(from, to).strip();
    }

    /**
     * The longest common subsequence of {@code a}'s and {@code b}'s keys: for each token of {@code
     * a}, the index of the token of {@code b} it is matched with, or -1. Ties go to the earliest
     * match in {@code b}, so an alignment is deterministic.
     */
    static int[] align(String[] a, String[] b) {
        int n = a.length;
        int m = b.length;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] =
                        a[i].equals(b[j])
                                ? lcs[i + 1][j + 1] + 1
                                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] match = new int[n];
        java.util.Arrays.fill(match, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a[i].equals(b[j]) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                match[i++] = j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return match;
    }
}
