package dev.memorygraph.batch.templates;

import dev.memorygraph.batch.similarity.PromptVector;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.PiiReport;
import dev.memorygraph.model.PromptEvent;

/**
 * What the template job knows of one prompt: its id, text (as the lake holds it: redacted when its
 * policy redacts), text hash, unit embedding, the template its event gave (if any), and whether PII
 * was left in its text in clear (then its values are never written). A Flink POJO.
 */
public final class PromptRow {

    public String id;
    public String textHash;
    public String text;
    public float[] vector;
    public String givenTemplateId;
    public String givenTemplate;
    public boolean clearPii;

    public PromptRow() {}

    /** The row of a prompt with text and an embedding; {@code null} for anything else. */
    public static PromptRow of(EnrichedEvent enriched) {
        PromptEvent prompt = enriched.event().prompt();
        if (prompt == null
                || prompt.prompt() == null
                || prompt.prompt().text() == null
                || enriched.text() == null
                || enriched.embedding() == null) {
            return null;
        }
        float[] unit = PromptVector.unit(enriched.embedding().vector());
        if (unit == null) {
            return null;
        }
        PromptRow row = new PromptRow();
        row.id = prompt.eventId();
        row.textHash = enriched.text().textHash();
        row.text = prompt.prompt().text();
        row.vector = unit;
        row.givenTemplateId = enriched.text().templateId();
        row.givenTemplate = enriched.text().template();
        PiiReport pii = enriched.pii();
        row.clearPii = pii != null && pii.found() && "flag".equals(pii.policy());
        return row;
    }

    /** Ids only. */
    @Override
    public String toString() {
        return "PromptRow{" + id + "}";
    }
}
