package dev.memorygraph.batch.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a template's variable spans are named, from the values its instances gave them: {@code
 * {{email}}}, {@code {{url}}}, {@code {{date}}} or {@code {{number}}} when at least 90% of the
 * non-empty values are of that kind (checked in that order), else {@code {{var1}}}, {@code
 * {{var2}}}... in order of appearance; a kind used twice is numbered from its second use ({@code
 * {{number}}}, {@code {{number2}}}).
 */
final class Placeholders {

    static final double SHARE = 0.9;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern URL = Pattern.compile("(?i)(https?://|www\\.)\\S+");
    private static final Pattern DATE =
            Pattern.compile(
                    "(?i)\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}"
                            + "|\\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,? \\d{4}"
                            + "|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}(st|nd|rd|th)?,? \\d{4}");
    private static final Pattern NUMBER =
            Pattern.compile(
                    "[-+]?[$€£]?\\d{1,3}([,\\s]\\d{3})*([.,]\\d+)?%?|[-+]?[$€£]?\\d+([.,]\\d+)?%?");

    private static final Pattern QUANTITY =
            Pattern.compile(
                    "("
                            + NUMBER.pattern()
                            + ")\\s+(\\p{L}[\\p{L}/\\-]*(?: \\p{L}[\\p{L}/\\-]*)?)[.!?]*");

    private Placeholders() {}

    /**
     * A slot's values as one slot, or as two when at least 90% of its non-empty values are a number
     * and one or two words ({@code 12 kg}, {@code 3.5 fluid ounces}) and the words vary: a quantity
     * and its unit. A value of another shape stays whole in the first; values of a {@link #kind}
     * stay one slot.
     */
    static List<List<String>> quantityAndUnit(List<String> values) {
        List<String> quantities = new ArrayList<>(values.size());
        List<String> units = new ArrayList<>(values.size());
        long nonEmpty = 0;
        long matching = 0;
        for (String v : values) {
            java.util.regex.Matcher m = QUANTITY.matcher(v);
            nonEmpty += v.isEmpty() ? 0 : 1;
            if (m.matches()) {
                matching++;
                quantities.add(m.group(1));
                units.add(m.group(m.groupCount()));
            } else {
                quantities.add(v);
                units.add("");
            }
        }
        boolean unitsVary =
                units.stream().filter(u -> !u.isEmpty()).distinct().limit(2).count() > 1;
        return nonEmpty > 0 && matching >= SHARE * nonEmpty && unitsVary && kind(values) == null
                ? List.of(quantities, units)
                : List.of(values);
    }

    /** The names of the slots, given each slot's values. */
    static List<String> names(List<List<String>> valuesBySlot) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        int vars = 0;
        for (List<String> values : valuesBySlot) {
            String kind = kind(values);
            if (kind == null) {
                names.add("var" + ++vars);
            } else {
                int n = used.merge(kind, 1, Integer::sum);
                names.add(n == 1 ? kind : kind + n);
            }
        }
        return names;
    }

    static String kind(List<String> values) {
        for (String kind : List.of("email", "url", "date", "number")) {
            Pattern p = pattern(kind);
            long nonEmpty = 0;
            long matching = 0;
            for (String v : values) {
                if (!v.isEmpty()) {
                    nonEmpty++;
                    if (p.matcher(v).matches()) {
                        matching++;
                    }
                }
            }
            if (nonEmpty > 0 && matching >= SHARE * nonEmpty) {
                return kind;
            }
        }
        return null;
    }

    private static Pattern pattern(String kind) {
        return switch (kind) {
            case "email" -> EMAIL;
            case "url" -> URL;
            case "date" -> DATE;
            default -> NUMBER;
        };
    }
}
