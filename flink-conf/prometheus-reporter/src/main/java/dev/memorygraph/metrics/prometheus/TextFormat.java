package dev.memorygraph.metrics.prometheus;

import java.util.Map;

/**
 * The escaping and number spelling of the Prometheus text exposition format, version 0.0.4.
 *
 * @see <a href="https://prometheus.io/docs/instrumenting/exposition_formats/">Exposition
 *     formats</a>
 */
final class TextFormat {

    /** The {@code Content-Type} of a scrape response. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private TextFormat() {}

    /**
     * Renders labels as {@code name="value",...} without the braces, values escaped, so a series
     * can add its own label (a summary's {@code quantile}) after them.
     */
    static String labelPairs(Map<String, String> labels) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(label.getKey()).append("=\"");
            escapeLabelValue(label.getValue(), out);
            out.append('"');
        }
        return out.toString();
    }

    /** Appends {@code value} with backslash, double quote and line feed escaped. */
    static void escapeLabelValue(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /** {@code HELP} text: backslash and line feed escaped; double quotes are allowed there. */
    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /**
     * Spells a sample value: integral values without a fraction (counts read better and diff
     * cleanly), the rest as Java prints them, which Prometheus parses; infinities and NaN as the
     * format names them.
     */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
