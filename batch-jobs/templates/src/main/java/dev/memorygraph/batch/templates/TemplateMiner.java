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
    static final double SPLIT_SHARE = 0.4;
    static final double SPLIT_GAIN = 1.25;
    static final int MIN_CONSTANT_WORDS = 2;
    static final int FREE_TEXT_WORDS = 3;
    static final int SENTENCE_WORDS = 6;
    static final double LONE_WORD_SHARE = 0.9;
    static final int MAX_DEPTH = 4;
    private static final int REFERENCE_CANDIDATES = 15;
    private static final int REFERENCE_SAMPLE = 40;

    /** One template: its string with {@code {{placeholders}}}, their names, its instances. */
    record Mined(String template, List<String> variables, List<Instance> instances) {

        /** Its constant words ({@link #constantWords(String)}); 0 without placeholders. */
        int constantWords() {
            return variables.isEmpty() ? 0 : TemplateMiner.constantWords(template);
        }
    }

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
        mine(tokens, members, depth, out, -1, 0);
    }

    /**
     * Mines {@code members} with {@code forced} as the reference when it is not -1; {@code
     * rereferenced} counts how often the reference was changed for these members already.
     */
    private void mine(
            List<Tokens> tokens,
            List<Integer> members,
            int depth,
            List<Mined> out,
            int forced,
            int rereferenced) {
        if (members.size() < minInstances || depth > MAX_DEPTH) {
            return;
        }
        Tokens reference = tokens.get(forced >= 0 ? forced : reference(tokens, members));
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
            int split = splitWord(reference, matched, members.size(), MERGED_VALUE_SHARE, null);
            if (split >= 0 && depth < MAX_DEPTH) {
                for (List<Integer> part : partition(members, toReference, split)) {
                    mine(tokens, part, depth + 1, out);
                }
            }
            return;
        }

        Layout layout = new Layout(tokens, members, reference, constants);
        if (layout.fitting.size() < minInstances) {
            return;
        }
        // punctuation inside free text (a quoted ticket's sentences, a transcript's colons) is
        // the text's, not the template's
        for (List<Integer> loose = layout.loose(); !loose.isEmpty(); loose = layout.loose()) {
            for (int j = loose.size() - 1; j >= 0; j--) {
                constants.remove((int) loose.get(j));
            }
            layout = new Layout(tokens, members, reference, constants);
        }
        int c = constants.size();
        List<Integer> fitting = layout.fitting;
        List<List<String>> values = layout.values;
        List<Integer> slots = layout.slots;

        // a span that most members fill alike is constant text the reference lacks (it was
        // paraphrased or had a typo there): mine again from a member that has it
        if (rereferenced < 2) {
            for (int g : slots) {
                Map.Entry<String, Integer> top = mostFrequent(values.get(g));
                if (!top.getKey().isEmpty() && top.getValue() >= WORD_SHARE * fitting.size()) {
                    int f = 0;
                    while (!values.get(g).get(f).equalsIgnoreCase(top.getKey())) {
                        f++;
                    }
                    mine(tokens, members, depth, out, fitting.get(f), rereferenced + 1);
                    return;
                }
            }
        }

        // two templates sharing a value ("Explain black holes to a five-year-old", "Explain black
        // holes like I'm a senior engineer"): split on the word that parts them when the parts
        // keep clearly more constant text than the whole
        if (depth < MAX_DEPTH && members.size() >= 2 * minInstances) {
            int split =
                    splitWord(reference, matched, members.size(), SPLIT_SHARE, layout.inFreeText());
            if (split >= 0
                    && splitPays(
                            tokens,
                            partition(members, toReference, split),
                            depth,
                            layout,
                            SPLIT_GAIN,
                            out)) {
                return;
            }
        }

        // a frequent long value is another template's constant text: split and mine again
        if (depth < MAX_DEPTH && members.size() >= 2 * minInstances) {
            for (int g : slots) {
                Map.Entry<String, Integer> top = mostFrequent(values.get(g));
                if (top.getValue() >= MERGED_VALUE_SHARE * members.size()
                        && Tokens.of(top.getKey()).size() >= 3) {
                    List<Integer> with = new ArrayList<>();
                    List<Integer> without = new ArrayList<>(layout.rest);
                    for (int f = 0; f < fitting.size(); f++) {
                        String v = values.get(g).get(f).toLowerCase(Locale.ROOT);
                        (v.equals(top.getKey()) ? with : without).add(fitting.get(f));
                    }
                    if (splitPays(tokens, List.of(with, without), depth, layout, 1.0, out)) {
                        return;
                    }
                    break;
                }
            }
        }

        // a quantity and its unit are two placeholders ("Convert {{number}} {{var1}} to ...")
        List<List<String>> slotValues = new ArrayList<>();
        List<Integer> partsOfSlot = new ArrayList<>();
        for (int g : slots) {
            List<List<String>> parts = Placeholders.quantityAndUnit(values.get(g));
            slotValues.addAll(parts);
            partsOfSlot.add(parts.size());
        }
        List<String> names = Placeholders.names(slotValues);
        StringBuilder template = new StringBuilder();
        int s = 0;
        int name = 0;
        for (int g = 0; g <= c; g++) {
            if (s < slots.size() && slots.get(s) == g) {
                for (int p = 0; p < partsOfSlot.get(s); p++) {
                    append(template, "{{" + names.get(name++) + "}}");
                }
                s++;
            }
            if (g < c) {
                append(
                        template,
                        commonForm(tokens, fitting, layout.alignments, g, reference, constants));
            }
        }
        List<Instance> instances = new ArrayList<>();
        for (int f = 0; f < fitting.size(); f++) {
            Map<String, String> byName = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                byName.put(names.get(k), slotValues.get(k).get(f));
            }
            instances.add(new Instance(fitting.get(f), byName));
        }
        out.add(new Mined(template.toString(), names, instances));
        mine(tokens, layout.rest, depth + 1, out);
    }

    /**
     * The word of the reference that the most members have, among those at least {@code minShare}
     * of the members have short of constant and not in {@code skip}; -1 when none.
     */
    private static int splitWord(
            Tokens reference, int[] matched, int members, double minShare, boolean[] skip) {
        int split = -1;
        for (int i = 0; i < reference.size(); i++) {
            double share = (double) matched[i] / members;
            if (!reference.punctuation(i)
                    && (skip == null || !skip[i])
                    && share >= minShare
                    && share < WORD_SHARE
                    && (split < 0 || matched[i] > matched[split])) {
                split = i;
            }
        }
        return split;
    }

    /** The members with the reference's token {@code at}, and those without. */
    private static List<List<Integer>> partition(
            List<Integer> members, List<int[]> toReference, int at) {
        List<Integer> with = new ArrayList<>();
        List<Integer> without = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            (toReference.get(k)[at] >= 0 ? with : without).add(members.get(k));
        }
        return List.of(with, without);
    }

    /**
     * Mines each part and keeps the result (in {@code out}) when its templates hold at least {@code
     * gain} times the whole's constant words per instance summed over instances: a split by a value
     * rather than by a template leaves parts without placeholders, which give no template, so it
     * does not pay.
     */
    private boolean splitPays(
            List<Tokens> tokens,
            List<List<Integer>> parts,
            int depth,
            Layout whole,
            double gain,
            List<Mined> out) {
        List<Mined> mined = new ArrayList<>();
        for (List<Integer> part : parts) {
            mine(tokens, part, depth + 1, mined);
        }
        long parted = 0;
        for (Mined m : mined) {
            parted += (long) m.constantWords() * m.instances().size();
        }
        if (parted < gain * constantWords(whole) * whole.fitting.size()) {
            return false;
        }
        out.addAll(mined);
        return true;
    }

    private static int constantWords(Layout layout) {
        int words = 0;
        for (int at : layout.constants) {
            words += layout.reference.punctuation(at) ? 0 : 1;
        }
        return words;
    }

    /** The words of a template that are not placeholders. */
    static int constantWords(String template) {
        Tokens t = Tokens.of(template);
        int words = 0;
        for (int k = 0; k < t.size(); k++) {
            words += t.punctuation(k) || t.keys[k].startsWith("{{") ? 0 : 1;
        }
        return words;
    }

    /** The most frequent value (lower case) and its count; ties to the greatest value. */
    private static Map.Entry<String, Integer> mostFrequent(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) {
            counts.merge(v.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(
                        Map.Entry.<String, Integer>comparingByValue()
                                .thenComparing(
                                        Map.Entry.comparingByKey(
                                                java.util.Comparator.reverseOrder())))
                .orElseThrow();
    }

    /**
     * The members aligned with a reference's constant tokens: those that fit (have every constant
     * word in order), their text in each gap ({@code g} lies before constant {@code g}, gap {@code
     * c} after the last) and the gaps that are slots.
     */
    private static final class Layout {

        final List<Tokens> tokens;
        final List<Integer> members;
        final Tokens reference;
        final List<Integer> constants;
        final List<Integer> fitting = new ArrayList<>();
        final List<int[]> alignments = new ArrayList<>();
        final List<Integer> rest = new ArrayList<>();
        final List<List<String>> values = new ArrayList<>();
        final List<Integer> slots = new ArrayList<>();
        private Boolean[] free; // freeSlot's answers

        Layout(
                List<Tokens> tokens,
                List<Integer> members,
                Tokens reference,
                List<Integer> constants) {
            this.tokens = tokens;
            this.members = members;
            this.reference = reference;
            this.constants = constants;
            int c = constants.size();
            String[] constantKeys = new String[c];
            boolean[] isWord = new boolean[c];
            for (int j = 0; j < c; j++) {
                constantKeys[j] = reference.keys[constants.get(j)];
                isWord[j] = !reference.punctuation(constants.get(j));
            }
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
            int[] withWords = new int[c + 1];
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
            for (int g = 0; g <= c; g++) {
                if (withWords[g] >= SLOT_SHARE * fitting.size()) {
                    slots.add(g);
                }
            }
        }

        /**
         * The constants (indices into {@link #constants}) that belong to free text next to them
         * ({@link #freeText}): a word between two slots which fewer than {@link #LONE_WORD_SHARE}
         * of the members that fit the other constants have, inside what reads as free text with the
         * slots around it (a "the" most quoted paragraphs have); a mark after free text followed by
         * another slot; a free sentence's ({@link #sentence}) last mark at the end of the template
         * or before a line break; a mark that opens a free text after another slot ({@code ls -la})
         * or the template.
         */
        List<Integer> loose() {
            int c = constants.size();
            List<Integer> loose = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                int at = constants.get(j);
                boolean word = !reference.punctuation(at);
                boolean left = slots.contains(j);
                boolean right = slots.contains(j + 1);
                boolean freeLeft = left && freeSlot(j);
                boolean freeRight = right && freeSlot(j + 1);
                String after = reference.after(at);
                boolean lineBreak = after.contains("\n");
                boolean opening =
                        after.isEmpty()
                                && (reference.starts[at] == 0
                                        || Character.isWhitespace(
                                                reference.text.charAt(reference.starts[at] - 1)));
                boolean drop;
                if (word) {
                    drop =
                            left
                                    && right
                                    && freeText(joined(j))
                                    && fitting.size() < LONE_WORD_SHARE * without(j);
                } else {
                    drop =
                            (left && right && (freeLeft || (freeRight && opening)))
                                    || (freeLeft && (j == c - 1 || lineBreak) && sentence(j))
                                    || (freeRight && j == 0);
                }
                if (drop) {
                    loose.add(j);
                }
            }
            return loose;
        }

        /**
         * Whether the text in gap {@code g} is a sentence of its own: it opens the template,
         * follows a colon or a line break, or mostly starts with a capital letter (not a clause
         * that goes on the template's sentence, as in "a function that {{does what}}.").
         */
        private boolean sentence(int g) {
            if (g == 0) {
                return true;
            }
            int before = constants.get(g - 1);
            if (reference.keys[before].equals(":") || reference.after(before).contains("\n")) {
                return true;
            }
            long capital =
                    values.get(g).stream()
                            .filter(v -> !v.isEmpty() && Character.isUpperCase(v.charAt(0)))
                            .count();
            return capital >= 0.5 * values.get(g).size();
        }

        /** Which tokens of the reference lie in a slot of free text. */
        boolean[] inFreeText() {
            boolean[] in = new boolean[reference.size()];
            int gap = 0;
            for (int i = 0; i < reference.size(); i++) {
                if (gap < constants.size() && constants.get(gap) == i) {
                    gap++;
                } else {
                    in[i] = slots.contains(gap) && freeSlot(gap);
                }
            }
            return in;
        }

        /** Whether gap {@code g}'s values are {@link #freeText}, computed once per gap. */
        private boolean freeSlot(int g) {
            if (free == null) {
                free = new Boolean[values.size()];
            }
            if (free[g] == null) {
                free[g] = freeText(values.get(g));
            }
            return free[g];
        }

        /** How many members would fit without constant {@code j}. */
        private int without(int j) {
            List<Integer> others = new ArrayList<>(constants);
            others.remove(j);
            return new Layout(tokens, members, reference, others).fitting.size();
        }

        /**
         * Each fitting member's text from gap {@code j} to gap {@code j + 1}, constant included.
         */
        private List<String> joined(int j) {
            List<String> out = new ArrayList<>(fitting.size());
            String constant = reference.token(constants.get(j));
            for (int f = 0; f < fitting.size(); f++) {
                out.add(values.get(j).get(f) + " " + constant + " " + values.get(j + 1).get(f));
            }
            return out;
        }

        /**
         * Whether values are free text, which owns its punctuation: of no {@link
         * Placeholders#kind}, and at least half of them prose: {@link #SENTENCE_WORDS} words, or
         * {@link #FREE_TEXT_WORDS} with a punctuation mark inside, or a capital and then mostly
         * lower-case words, five at least (a name, a product or a topic is none of these).
         */
        static boolean freeText(List<String> values) {
            if (values.isEmpty() || Placeholders.kind(values) != null) {
                return false;
            }
            int prose = 0;
            for (String v : values) {
                Tokens t = Tokens.of(v);
                int words = 0;
                int lower = 0;
                boolean marks = false;
                for (int k = 0; k < t.size(); k++) {
                    if (t.punctuation(k)) {
                        marks = true;
                    } else {
                        words++;
                        lower += words > 1 && Character.isLowerCase(t.token(k).charAt(0)) ? 1 : 0;
                    }
                }
                boolean capital = !v.isEmpty() && Character.isUpperCase(v.charAt(0));
                if (words >= SENTENCE_WORDS
                        || (words >= FREE_TEXT_WORDS && marks)
                        || (words >= 5 && capital && lower >= (words - 1) / 2.0)) {
                    prose++;
                }
            }
            return prose >= 0.5 * values.size();
        }
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
