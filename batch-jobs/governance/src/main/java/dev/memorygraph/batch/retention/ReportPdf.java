package dev.memorygraph.batch.retention;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The compliance report as PDF (PDFBox): a title, the overall section with a bar chart of daily
 * events, the audit figures, the retention check, then one section per tenant. Every figure is the
 * JSON's, printed the same way ({@link #number}), so a reader of the PDF's text finds the JSON's
 * numbers. Standard fonts only: a character they cannot draw becomes {@code ?}.
 */
final class ReportPdf {

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD =
            new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document;
    private PDPageContentStream page;
    private float y;

    private ReportPdf(PDDocument document) {
        this.document = document;
    }

    static void write(ComplianceReport report, Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            ReportPdf pdf = new ReportPdf(document);
            pdf.newPage();
            pdf.render(report);
            pdf.page.close();
            document.save(file.toFile());
        }
    }

    private void render(ComplianceReport r) throws IOException {
        text(BOLD, 18, "memory-graph compliance report " + r.month);
        text(REGULAR, 10, "Period " + r.from + " to " + r.until + ", generated " + r.generatedAt);
        gap();
        text(BOLD, 14, "All tenants");
        section(r.overall);
        chart("Daily events", everyDay(r));
        gap();
        text(BOLD, 14, "Audit");
        table(
                List.of("Record", "Count"),
                List.of(
                        List.of("Reconciliation records", number(r.reconciliations)),
                        List.of("Re-enrichment records", number(r.reenrichments)),
                        List.of("Archival runs", number(r.archivalRuns.size())),
                        List.of("Erasures", number(r.erasures))));
        map("Dead letters by reason", r.deadLetters);
        for (Map<String, Object> run : r.archivalRuns) {
            text(
                    REGULAR,
                    10,
                    "Archive "
                            + run.get("archive")
                            + ": "
                            + number(((Number) run.get("rows")).longValue())
                            + " rows");
        }
        gap();
        text(BOLD, 14, "Retention check");
        text(
                REGULAR,
                10,
                "Cutoff "
                        + r.retentionCutoff
                        + "; violations: "
                        + (r.violations().isEmpty() ? "none" : String.join(", ", r.violations())));
        List<List<String>> rows = new ArrayList<>();
        r.retention.forEach(
                (store, n) ->
                        rows.add(
                                List.of(
                                        store,
                                        n < 0 ? "not checked" : number(n),
                                        n > 0 ? "VIOLATION" : "ok")));
        table(List.of("Store", "Older than cutoff", "Status"), rows);
        for (String note : r.notes) {
            text(REGULAR, 9, "Note: " + note);
        }
        for (Map.Entry<String, ComplianceReport.Section> tenant : r.tenants.entrySet()) {
            gap();
            text(BOLD, 14, "Tenant " + tenant.getKey());
            section(tenant.getValue());
        }
    }

    private void section(ComplianceReport.Section s) throws IOException {
        table(
                List.of("Figure", "Value"),
                List.of(
                        List.of("Events", number(s.events())),
                        List.of("Responses (rollups)", number(s.responses)),
                        List.of("Prompt tokens", number(s.promptTokens)),
                        List.of("Completion tokens", number(s.completionTokens)),
                        List.of("Total tokens", number(s.totalTokens)),
                        List.of("Cost USD", String.format(Locale.ROOT, "%.4f", s.costUsd)),
                        List.of("Vault secrets", number(s.vaultSecrets))));
        map("Events by topic", s.eventsByTopic);
        map("Events by type", s.eventsByType);
        map("PII findings by type", s.piiFindings);
        map("Events by PII policy", s.piiPolicies);
    }

    private void map(String title, Map<String, Long> counts) throws IOException {
        if (counts.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(List.of(k, number(v))));
        text(BOLD, 11, title);
        table(List.of("", "Count"), rows);
    }

    private void table(List<String> headers, List<List<String>> rows) throws IOException {
        float width = (PDRectangle.A4.getWidth() - 2 * MARGIN) / headers.size();
        row(BOLD, headers, width);
        for (List<String> row : rows) {
            row(REGULAR, row, width);
        }
    }

    private void row(PDType1Font font, List<String> cells, float width) throws IOException {
        room(LINE);
        for (int i = 0; i < cells.size(); i++) {
            page.beginText();
            page.setFont(font, 10);
            page.newLineAtOffset(MARGIN + i * width, y);
            page.showText(drawable(cells.get(i)));
            page.endText();
        }
        y -= LINE;
    }

    /** The month's days, each with its count (0 for a day without events). */
    private static Map<String, Long> everyDay(ComplianceReport r) {
        Map<String, Long> days = new java.util.TreeMap<>();
        java.time.LocalDate day = java.time.LocalDate.parse(r.from.substring(0, 10));
        java.time.LocalDate end = java.time.LocalDate.parse(r.until.substring(0, 10));
        for (; day.isBefore(end); day = day.plusDays(1)) {
            days.put(day.toString(), r.overall.dailyEvents.getOrDefault(day.toString(), 0L));
        }
        return days;
    }

    /** A bar per day, scaled to the busiest; day numbers under the bars. */
    private void chart(String title, Map<String, Long> days) throws IOException {
        if (days.isEmpty()) {
            return;
        }
        float height = 120;
        text(BOLD, 11, title);
        room(height + 2 * LINE);
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float bar = width / days.size();
        long max = days.values().stream().mapToLong(Long::longValue).max().orElse(1);
        float base = y - height;
        int i = 0;
        for (Map.Entry<String, Long> day : days.entrySet()) {
            float h = height * day.getValue() / Math.max(1, max);
            page.setNonStrokingColor(0.2f, 0.4f, 0.7f);
            page.addRect(MARGIN + i * bar + 1, base, Math.max(1, bar - 2), h);
            page.fill();
            page.setNonStrokingColor(0f, 0f, 0f);
            page.beginText();
            page.setFont(REGULAR, 6);
            page.newLineAtOffset(MARGIN + i * bar + 1, base - 8);
            page.showText(day.getKey().substring(8));
            page.endText();
            i++;
        }
        text(REGULAR, 8, "");
        y = base - 2 * LINE;
        text(REGULAR, 8, "Busiest day: " + number(max) + " events");
    }

    private void text(PDType1Font font, float size, String text) throws IOException {
        room(size + 4);
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(MARGIN, y);
        page.showText(drawable(text));
        page.endText();
        y -= size + 4;
    }

    private void gap() {
        y -= LINE / 2;
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** A count as the report prints it: digits only, so the text and the JSON agree. */
    static String number(long n) {
        return Long.toString(n);
    }

    /** What the standard fonts can draw (WinAnsi); anything else becomes {@code ?}. */
    private static String drawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 32 && c < 127 ? c : '?');
        }
        return out.toString();
    }
}
