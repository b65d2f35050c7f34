package dev.memorygraph.batch.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Extracts the templates behind one cluster of similar prompts by aligning their tokens ({@link
 * Tokens}):
 *
 * <ol>
 *   <li>a <b>reference</b>: the member whose tokens agree best (Dice coefficient of the longest
 *       common subsequence) with a sample of the others;
 *   <li>every member is aligned with it; a reference token matched in at least 70% of the members
 *       (60% for a punctuation mark, which noise adds and drops) is <b>constant</b>;
 *   <li>a member <b>fits</b> when it has every constant word in order (a punctuation mark may be
 *       missing); each stretch between two constants where at least half of the fitting members
 *       have a word is a <b>variable</b>, named by {@link Placeholders}; a member's value is its
 *       text between the two constants around it;
 *   <li>a variable whose most frequent value (of three words or more) is given by at least 30% of
 *       the members is constant text of a second template the cluster merged with: the cluster is
 *       split by that value and each part mined again; so are the members that did not fit, when
 *       there are enough of them; and when too little is constant, the cluster is split on the
 *       reference's word shared by the most members (at least 30%) short of constant.
 * </ol>
 *
 * A template needs {@link #MIN_CONSTANT_WORDS} constant words, at least 30% of its reference's
 * words, and {@code minInstances} fitting members; otherwise its members stay unassigned.
 */
final class TemplateMiner {

    static final double WORD_SHARE = 0.7;
    static final double PUNCTUATION_SHARE = 0.6;
    static final double SLOT_SHARE = 0.5;
    static final double MERGED_VALUE_SHARE = 0.3;
    static final int MIN_CONSTANT_WORDS = 2;
    static final int MAX_DEPTH = 4;
    private static final int REFERENCE_CANDIDATES = 15;
    private static final int REFERENCE_SAMPLE = 40;

    /** One template: its string with {@code {{placeholders}}}, their names, its instances. */
    record Mined(String template, List<String> variables, List<Instance> instances) {}

    /** A member of the cluster (its index in the input) and its value for each variable. */
    record Instance(int member, Map<String, String> values) {}

    private final int minInstances;

    TemplateMiner(int minInstances) {
        this.minInstances = minInstances;
    }

    List<Mined> mine(List<String> texts) {
        List<Tokens> tokens = new ArrayList<>(texts.size());
        texts.forEach(t -> tokens.add(Tokens.of(t)));
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            all.add(i);
        }
        List<Mined> out = new ArrayList<>();
        mine(tokens, all, 0, out);
        return out;
    }

    private void mine(List<Tokens> tokens, List<Integer> members, int depth, List<Mined> out) {
        if (members.size() < minInstances || depth > MAX_DEPTH) {
            return;
        }
        Tokens reference = tokens.get(reference(tokens, members));
        int n = reference.size();
        int[] matched = new int[n];
        List<int[]> toReference = new ArrayList<>(members.size());
        for (int m : members) {
            int[] a = Tokens.align(reference.keys, tokens.get(m).keys);
            toReference.add(a);
            for (int i = 0; i < n; i++) {
                if (a[i] >= 0) {
                    matched[i]++;
                }
            }
        }
        List<Integer> constants = new ArrayList<>();
        int constantWords = 0;
        int words = 0;
        for (int i = 0; i < n; i++) {
            boolean punctuation = reference.punctuation(i);
            words += punctuation ? 0 : 1;
            double share = (double) matched[i] / members.size();
            if (share >= (punctuation ? PUNCTUATION_SHARE : WORD_SHARE)) {
                constants.add(i);
                constantWords += punctuation ? 0 : 1;
            }
        }
        if (constantWords < MIN_CONSTANT_WORDS || constantWords < 0.3 * words) {
            // two templates in near-equal parts leave too little constant: split on the word of
            // the reference that the most members share short of constant, and mine each part
            int split = -1;
            for (int i = 0; i < n; i++) {
                double share = (double) matched[i] / members.size();
                if (!reference.punctuation(i)
                        && share >= MERGED_VALUE_SHARE
                        && share < WORD_SHARE
                        && (split < 0 || matched[i] > matched[split])) {
                    split = i;
                }
            }
            if (split >= 0 && depth < MAX_DEPTH) {
                List<Integer> with = new ArrayList<>();
                List<Integer> without = new ArrayList<>();
                for (int k = 0; k < members.size(); k++) {
                    (toReference.get(k)[split] >= 0 ? with : without).add(members.get(k));
                }
                mine(tokens, with, depth + 1, out);
                mine(tokens, without, depth + 1, out);
            }
            return;
        }
        int c = constants.size();
        String[] constantKeys = new String[c];
        boolean[] isWord = new boolean[c];
        for (int j = 0; j < c; j++) {
            constantKeys[j] = reference.keys[constants.get(j)];
            isWord[j] = !reference.punctuation(constants.get(j));
        }

        // align the members with the constants; gaps[g] lies before constant g (g == c: the end)
        List<Integer> fitting = new ArrayList<>();
        List<int[]> alignments = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int m : members) {
            int[] a = Tokens.align(constantKeys, tokens.get(m).keys);
            boolean fits = true;
            for (int j = 0; j < c && fits; j++) {
                fits = a[j] >= 0 || !isWord[j];
            }
            if (fits) {
                fitting.add(m);
                alignments.add(a);
            } else {
                rest.add(m);
            }
        }
        if (fitting.size() < minInstances) {
            return;
        }
        int[] withWords = new int[c + 1];
        List<List<String>> values = new ArrayList<>();
        for (int g = 0; g <= c; g++) {
            values.add(new ArrayList<>());
        }
        for (int f = 0; f < fitting.size(); f++) {
            Tokens t = tokens.get(fitting.get(f));
            int[] a = alignments.get(f);
            String[] v = new String[c + 1];
            java.util.Arrays.fill(v, "");
            int previous = -1; // the token of the last constant matched
            int owner = 0; // the gap after it: an absent mark's gap joins the next one
            for (int g = 0; g <= c; g++) {
                if (g < c && a[g] < 0) {
                    continue;
                }
                int next = g < c ? a[g] : t.size();
                v[owner] = t.between(previous, next);
                for (int k = previous + 1; k < next; k++) {
                    if (!t.punctuation(k)) {
                        withWords[owner]++;
                        break;
                    }
                }
                previous = next;
                owner = g + 1;
            }
            for (int g = 0; g <= c; g++) {
                values.get(g).add(v[g]);
            }
        }
        List<Integer> slots = new ArrayList<>();
        for (int g = 0; g <= c; g++) {
            if (withWords[g] >= SLOT_SHARE * fitting.size()) {
                slots.add(g);
            }
        }

        // a frequent long value is another template's constant text: split and mine again
        if (depth < MAX_DEPTH && members.size() >= 2 * minInstances) {
            for (int g : slots) {
                Map<String, Integer> counts = new HashMap<>();
                for (String v : values.get(g)) {
                    counts.merge(v.toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
                Map.Entry<String, Integer> top =
                        counts.entrySet().stream()
                                .max(
                                        Map.Entry.<String, Integer>comparingByValue()
                                                .thenComparing(
                                                        Map.Entry.comparingByKey(
                                                                java.util.Comparator
                                                                        .reverseOrder())))
                                .orElseThrow();
                if (top.getValue() >= MERGED_VALUE_SHARE * members.size()
                        && Tokens.of(top.getKey()).size() >= 3) {
                    List<Integer> with = new ArrayList<>();
                    List<Integer> without = new ArrayList<>(rest);
                    for (int f = 0; f < fitting.size(); f++) {
                        String v = values.get(g).get(f).toLowerCase(Locale.ROOT);
                        (v.equals(top.getKey()) ? with : without).add(fitting.get(f));
                    }
                    mine(tokens, with, depth + 1, out);
                    mine(tokens, without, depth + 1, out);
                    return;
                }
            }
        }

        List<List<String>> slotValues = new ArrayList<>();
        for (int g : slots) {
            slotValues.add(values.get(g));
        }
        List<String> names = Placeholders.names(slotValues);
        StringBuilder template = new StringBuilder();
        int s = 0;
        for (int g = 0; g <= c; g++) {
            if (s < slots.size() && slots.get(s) == g) {
                append(template, "{{" + names.get(s++) + "}}");
            }
            if (g < c) {
                append(template, commonForm(tokens, fitting, alignments, g, reference, constants));
            }
        }
        List<Instance> instances = new ArrayList<>();
        for (int f = 0; f < fitting.size(); f++) {
            Map<String, String> byName = new LinkedHashMap<>();
            for (int k = 0; k < slots.size(); k++) {
                byName.put(names.get(k), values.get(slots.get(k)).get(f));
            }
            instances.add(new Instance(fitting.get(f), byName));
        }
        out.add(new Mined(template.toString(), names, instances));
        mine(tokens, rest, depth + 1, out);
    }

    /** The most frequent spelling of a constant among the members that have it. */
    private static String commonForm(
            List<Tokens> tokens,
            List<Integer> fitting,
            List<int[]> alignments,
            int constant,
            Tokens reference,
            List<Integer> constants) {
        Map<String, Integer> forms = new HashMap<>();
        for (int f = 0; f < fitting.size(); f++) {
            int at = alignments.get(f)[constant];
            if (at >= 0) {
                forms.merge(tokens.get(fitting.get(f)).token(at), 1, Integer::sum);
            }
        }
        return forms.entrySet().stream()
                .max(
                        Map.Entry.<String, Integer>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(reference.token(constants.get(constant)));
    }

    private static void append(StringBuilder out, String token) {
        boolean closing = token.length() == 1 && ".,!?;:)]%".indexOf(token.charAt(0)) >= 0;
        boolean afterOpening = out.length() > 0 && "([".indexOf(out.charAt(out.length() - 1)) >= 0;
        if (out.length() > 0 && !closing && !afterOpening) {
            out.append(' ');
        }
        out.append(token);
    }

    /** The member that agrees best with a sample of the others; ties to the earliest. */
    private static int reference(List<Tokens> tokens, List<Integer> members) {
        int size = members.size();
        int candidates = Math.min(REFERENCE_CANDIDATES, size);
        int sample = Math.min(REFERENCE_SAMPLE, size);
        int best = members.get(0);
        double bestScore = -1;
        for (int ci = 0; ci < candidates; ci++) {
            int candidate = members.get((int) ((long) ci * size / candidates));
            String[] a = tokens.get(candidate).keys;
            double score = 0;
            for (int si = 0; si < sample; si++) {
                String[] b = tokens.get(members.get((int) ((long) si * size / sample))).keys;
                int common = 0;
                for (int x : Tokens.align(a, b)) {
                    common += x >= 0 ? 1 : 0;
                }
                score += a.length + b.length == 0 ? 1 : 2.0 * common / (a.length + b.length);
            }
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * A template's shape, for comparing templates: lower case, no whitespace, every placeholder
     * {@code {{}}} whatever its name.
     */
    static String shape(String template) {
        return Tokens.key(template).replaceAll("\\{\\{[^{}]*}}", "{{}}").replaceAll("\\s+", "");
    }
}
