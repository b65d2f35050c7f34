package dev.memorygraph.operators.pii;

/**
 * One piece of personal data in a text: its type, its span ({@code start} inclusive, {@code end}
 * exclusive, in UTF-16 chars) and a confidence in [0, 1]. Never holds the value itself; {@link
 * #toString()} is safe to log.
 */
public record PiiFinding(PiiType type, int start, int end, double confidence) {

    public PiiFinding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Bad span " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(PiiFinding other) {
        return start < other.end && other.start < end;
    }
}
