package dev.memorygraph.operators.text;

import java.text.Normalizer;

/**
 * Whitespace normalisation of prompt and response text, applied before hashing, language detection
 * and token counting so that texts differing only in layout hash alike.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Unicode NFC composition.
 *   <li>Line breaks ({@code \r\n}, {@code \r}, U+0085, U+2028, U+2029) become {@code \n}.
 *   <li>Zero-width space U+200B, word joiner U+2060, BOM U+FEFF and control characters other than
 *       tab and line breaks are removed. ZWJ/ZWNJ stay: they change meaning in some scripts and
 *       emoji.
 *   <li>Each run of horizontal whitespace (space, tab, no-break space, the U+2000 to U+200A spaces,
 *       U+202F, U+205F, U+3000, U+1680) becomes one space.
 *   <li>Spaces at the start and end of each line are removed.
 *   <li>More than one empty line in a row becomes one empty line.
 *   <li>Leading and trailing whitespace of the whole text is removed.
 * </ol>
 *
 * <p>Case, punctuation and everything inside a line are kept: the hash identifies exact reuse.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String composed =
                Normalizer.isNormalized(text, Normalizer.Form.NFC)
                        ? text
                        : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        int pendingNewlines = 0;
        int n = composed.length();
        for (int i = 0; i < n; i++) {
            char c = composed.charAt(i);
            if (c == '\r') {
                if (i + 1 < n && composed.charAt(i + 1) == '\n') {
                    i++;
                }
                c = '\n';
            }
            if (isLineBreak(c)) {
                pendingSpace = false; // trailing spaces of the line are dropped
                if (out.length() > 0) {
                    pendingNewlines++;
                }
                continue;
            }
            if (isHorizontalSpace(c)) {
                pendingSpace = true;
                continue;
            }
            if (isRemoved(c)) {
                continue;
            }
            if (pendingNewlines > 0) {
                out.append(pendingNewlines == 1 ? "\n" : "\n\n");
                pendingNewlines = 0;
                pendingSpace = false; // leading spaces of the line are dropped
            } else if (pendingSpace && out.length() > 0) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Whether the text normalises to the empty string. */
    public static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r' && !isLineBreak(c) && !isHorizontalSpace(c) && !isRemoved(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isHorizontalSpace(char c) {
        return c == ' '
                || c == '\t'
                || c == '\u00A0'
                || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A')
                || c == '\u202F'
                || c == '\u205F'
                || c == '\u3000'
                || c == '\u000B'
                || c == '\u000C';
    }

    private static boolean isRemoved(char c) {
        return c == '\u200B'
                || c == '\u2060'
                || c == '\uFEFF'
                || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7F && c <= 0x9F && c != '\u0085');
    }
}
