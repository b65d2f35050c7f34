package dev.memorygraph.operators.pii;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.memorygraph.model.EventJson;
import java.util.List;

/** Replaces findings with typed placeholders ({@code <EMAIL>}, {@code <PERSON>}...). */
public final class Redactor {

    private Redactor() {}

    /** {@code findings} must not overlap (see {@link PiiDetection#merge}). */
    public static String redact(String text, List<PiiFinding> findings) {
        if (text == null || findings.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (PiiFinding f : findings) {
            out.append(text, last, f.start()).append(f.type().placeholder());
            last = f.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Redacts a raw JSON text (template parameters, tool arguments). Placeholders hold no quotes or
     * backslashes, so the result stays JSON unless a finding cut an escape sequence; then the whole
     * value is dropped rather than kept.
     */
    public static String redactJson(String json, List<PiiFinding> findings) {
        String redacted = redact(json, findings);
        if (redacted == null || redacted.equals(json)) {
            return redacted;
        }
        try {
            EventJson.mapper().readTree(redacted);
            return redacted;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
