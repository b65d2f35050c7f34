package dev.memorygraph.batch.templates;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic prompt traffic with a known true template for every prompt, used to measure a
 * prompt-template miner.
 *
 * <p><b>Provenance.</b> The template set, the value pools and the free-form prompts were written by
 * a helper from the description of the task only ("mine prompt templates from a day of prompts"),
 * independently of the miner and without looking at its code, so that the set does not flatter any
 * particular clustering or alignment strategy. The templates imitate what real applications send to
 * an LLM: support-ticket summaries and classification, translation, SQL and regex generation, code
 * review and unit tests, e-mail drafting, error-code explanations, product copy, meeting notes,
 * unit conversion, travel and weather questions, refunds and order look-ups.
 *
 * <p><b>Templates.</b> 64 canonical templates, 1 to 4 slots each, rendering to 6 to about 50
 * whitespace tokens; some are multi-sentence, multi-line system-style instructions. Placeholders
 * are written {@code {{name}}} with name one of {@code number, date, email, url, person, product,
 * city, language, topic, code, order_id, text} plus {@code table, unit, price, time}. A template
 * may use a name twice (for example two cities); the canonical string then contains {@code
 * {{city}}} twice and {@link Sample#values()} keys them {@code city} and {@code city2} in order of
 * appearance. Hard cases are deliberate: several pairs differ by one or two constant words
 * (into/to, SQL/PostgreSQL, JUnit 5/pytest, professional/polite, two sentences/one sentence), three
 * templates share a long support-assistant system prefix, and multi-word values (topics, free text,
 * products, some cities and names) share words with the constant text of other templates.
 *
 * <p><b>Mix.</b> Exactly 25% (rounded) of prompts are one-off free-form prompts ({@code template ==
 * null}, empty values), generated combinatorially from many question families so that they are
 * mostly distinct (about 96% at 20,000 prompts); some families are deliberately close in topic to a
 * template (SQL, translation, git, travel, weather, support complaints) without following it. The
 * other 75% are template instances; template {@code k} (1-based rank in {@link #templates()}) has
 * weight {@code 1 / (k + 9.5)^1.9}. Counts are allocated exactly from the weights (largest
 * remainder) and all prompts are shuffled, so at 20,000 prompts the top template has 1,475
 * instances (9.8% of template traffic) and the rarest two have 37, for every seed. Near-duplicate
 * partners are placed at very different ranks.
 *
 * <p><b>Noise on template instances</b> (each kind independent; the canonical template stays the
 * truth and {@code values} always hold exactly the substrings rendered):
 *
 * <ul>
 *   <li>10%: case &mdash; half first-letter case flip, half whole-prompt lowercase (values too);
 *   <li>20%: trailing punctuation added, removed or changed;
 *   <li>15%: whitespace &mdash; one doubled space, or a leading/trailing space or newline;
 *   <li>10%: "Please " removed when the template starts with it, or prefixed when the template
 *       starts with an imperative verb (other templates are left alone);
 *   <li>8%: one light paraphrase of a constant word or phrase from a synonym table specific to the
 *       template (summarise/summarize, short/brief, ...).
 * </ul>
 *
 * <p>About 45% of template instances carry at least one kind of noise.
 *
 * <p>Output is deterministic for a seed; the class has no mutable global state and its static
 * methods are thread-safe.
 */
public final class TemplateTraffic {

    /**
     * One prompt.
     *
     * @param text the prompt as sent
     * @param template the canonical template it was rendered from, or {@code null} for a one-off
     *     prompt
     * @param values the rendered value of each slot by placeholder name ({@code name}, {@code
     *     name2}, ... when a name repeats); empty for one-off prompts
     */
    public record Sample(String text, String template, Map<String, String> values) {}

    /** Number of templates stated in the class Javadoc; checked against the specs below. */
    static final int TEMPLATE_COUNT_DOC = 64;

    private static final double ONE_OFF_SHARE = 0.25;
    private static final double ZIPF_EXPONENT = 1.9;
    private static final double ZIPF_OFFSET = 9.5;

    private static final double P_CASE = 0.10;
    private static final double P_PUNCT = 0.20;
    private static final double P_SPACE = 0.15;
    private static final double P_PLEASE = 0.10;
    private static final double P_PARAPHRASE = 0.08;

    private static final String SUPPORT_PREFIX =
            "You are a customer support assistant for Nimbus Cloud. Be polite, concise and never"
                    + " promise refunds you cannot approve. ";

    /**
     * Template specs in rank order (most frequent first). Slot syntax {@code {{name:kind}}}; the
     * kind selects the value pool and is stripped from the canonical string. The second string is
     * the per-template synonym table: {@code from=alt1|alt2;from2=alt}.
     */
    private static final String[][] SPECS = {
        {
            "Summarise this customer support ticket in two sentences: {{text:ticket}}",
            "Summarise=Summarize;customer support=support;two=2"
        },
        {
            "Translate the following text into {{language}}: {{text:phrase}}",
            "the following text=this text;into=in"
        },
        {
            "What's the weather going to be like in {{city}} on {{date}}?",
            "What's=What is;going to be=be"
        },
        {
            "Write a SQL query that returns {{topic:sqlq}} from the {{table}} table.",
            "returns=lists|selects;Write=Create"
        },
        {
            SUPPORT_PREFIX
                    + "Classify the following ticket as billing, technical, account or other,"
                    + " and reply with the category only.\n\nTicket: {{text:ticket}}",
            "polite=courteous;concise=brief;only=alone"
        },
        {"Explain error code {{code:error}} and how to fix it.", "Explain=Describe;fix=resolve"},
        {
            "Draft a short email to {{person}} about {{topic:email}}.",
            "short=brief|quick;Draft=Write"
        },
        {
            "Customer requests a refund for order {{order_id}} placed on {{date}}. Reason given:"
                    + " {{text:refund}}. Write a reply that follows our 30-day refund policy.",
            "reply=response;requests=asks for"
        },
        {
            "Review the function {{code:func}} for bugs, performance problems and readability"
                    + " issues, and suggest concrete improvements.",
            "concrete=specific;problems=bottlenecks"
        },
        {"Convert {{number:measure}} {{unit}} to {{unit}}.", "Convert=Change;to=into"},
        {
            "Generate a product description for {{product}} priced at {{price}}. Keep it under 80"
                    + " words and highlight the main benefits.",
            "Generate=Write;main=key;under=below"
        },
        {"Write meeting notes for the {{date}} meeting about {{topic:meeting}}.", "notes=minutes"},
        {"How do I {{topic:shell}} in bash?", "How do I=How can I;bash=the terminal"},
        {"Write a regular expression that matches {{topic:regex}}.", "regular expression=regex"},
        {
            "What does HTTP status code {{number:http}} mean?",
            "status code=response code;mean=indicate"
        },
        {
            "Plan an itinerary of {{number:days}} days for {{city}} starting {{date}}, with one museum"
                    + " and one local restaurant each day.",
            "itinerary=trip;local=traditional"
        },
        {
            "Classify the sentiment of this product review as positive, negative or neutral:"
                    + " {{text:review}}",
            "Classify=Label;sentiment=tone"
        },
        {
            "Extract all dates, amounts and names from the following text and return them as JSON:"
                    + " {{text:invoice}}",
            "Extract=Pull out;return=output"
        },
        {"Write a unit test for {{code:func}} using JUnit 5.", "Write=Create;unit test=test"},
        {"Give me a short summary of the article at {{url}}.", "short=quick|brief"},
        {
            "You are a travel assistant. Answer in a friendly tone, use metric units and mention one"
                    + " local dish. Question: what should I pack for a trip to {{city}} on {{date}}?",
            "friendly=warm;pack=bring"
        },
        {"What is the time difference between {{city}} and {{city}}?", "What is=What's"},
        {
            "Find flights from {{city}} to {{city}} on {{date}} for {{number:pax}} adults.",
            "Find=Search for"
        },
        {
            "Rewrite the following paragraph to sound more professional: {{text:casual}}",
            "paragraph=text;professional=formal"
        },
        {
            "Translate the following text to {{language}}, keep the tone: {{text:phrase}}",
            "keep=preserve;the following text=this text"
        },
        {
            "Please summarise the key decisions from this meeting transcript: {{text:transcript}}",
            "summarise=summarize;key=main"
        },
        {"What is {{number:pct}} percent of {{number:amount}}?", "What is=What's;percent=per cent"},
        {
            "Customer {{person}} ({{email}}) wants to cancel their subscription. Draft a retention"
                    + " email offering one month free.",
            "wants=would like;Draft=Write"
        },
        {
            "Look up the shipping status of order {{order_id}} and tell the customer the expected"
                    + " delivery date.",
            "Look up=Check;expected=estimated"
        },
        {"Please explain what this shell command does: {{code:shell}}", "explain=describe"},
        {"Suggest five names for a {{topic:business}}.", "five=5;names=name ideas"},
        {"Write a haiku about {{topic:nature}}.", "haiku=short poem"},
        {"Explain {{topic:concept}} to a five-year-old.", "five-year-old=5-year-old"},
        {
            "You are an expert Python developer. Follow PEP 8, prefer the standard library and add"
                    + " type hints. Explain the bug in {{code:func}} given this traceback:"
                    + " {{text:traceback}}",
            "expert=experienced;bug=error"
        },
        {
            "Create a SQL migration that adds a {{code:column}} column to the {{table}} table.",
            "Create=Write;adds=introduces"
        },
        {
            "Generate {{number:small}} multiple-choice quiz questions about {{topic:concept}}.",
            "Generate=Create;quiz=test"
        },
        {"Reply to {{person}} and confirm the meeting on {{date}} at {{time}}.", "confirm=accept"},
        {
            "Write a cover letter for a {{topic:job}} position. The applicant's name is {{person}}.",
            "position=role"
        },
        {
            "Proofread the following text and fix grammar mistakes only: {{text:typo}}",
            "mistakes=errors;fix=correct"
        },
        {
            "Write a PostgreSQL query that returns {{topic:sqlq}} from the {{table}} table.",
            "returns=lists|selects;Write=Create"
        },
        {"Convert this date to ISO 8601 format: {{date}}", "Convert=Reformat"},
        {
            "How many {{unit:count}} are in {{number:measure}} {{unit:count}}?",
            "are in=are there in"
        },
        {"Tell me a fun fact about {{city}}.", "fun=interesting"},
        {
            "Recommend {{number:small}} restaurants in {{city}} for a business dinner.",
            "Recommend=Suggest"
        },
        {"Write a LinkedIn post announcing the launch of {{product}}.", "announcing=celebrating"},
        {
            "Compare {{product:same}} and {{product:same}} in a table with price, features and"
                    + " battery life.",
            "Compare=Contrast"
        },
        {
            "The user {{email}} cannot log in after resetting their password. List the most likely"
                    + " causes and the next troubleshooting steps.",
            "cannot=can't;likely=probable"
        },
        {
            SUPPORT_PREFIX + "Write a reply to {{person}}, who asked: {{text:question}}",
            "polite=courteous;concise=brief"
        },
        {"Detect the language of this text: {{text:phrase}}", "Detect=Identify"},
        {"Write a Python function called {{code:taskfn}} that {{topic:functask}}.", "called=named"},
        {
            "What is the difference between {{code:gitcmd}} and {{code:gitcmd}} in git?",
            "What is=What's"
        },
        {"Write a unit test for {{code:func}} using pytest.", "Write=Create;unit test=test"},
        {
            "You are a senior data analyst. Use ANSI SQL, qualify every column with its table alias,"
                    + " and explain the query in one sentence after the code block. Task: list"
                    + " {{topic:sqlq}} using the {{table}} table.",
            "senior=experienced;explain=describe"
        },
        {
            "Book a table for {{number:pax}} at a restaurant in {{city}} on {{date}} at {{time}}.",
            "Book=Reserve"
        },
        {
            "Write a polite complaint to the seller about order {{order_id}}, which arrived on"
                    + " {{date}} with missing items.",
            "polite=courteous;complaint=complaint email"
        },
        {"Rewrite the following paragraph to sound more polite: {{text:casual}}", "paragraph=text"},
        {
            "You write product copy for an online store. Use short paragraphs, avoid superlatives"
                    + " and end with a call to action.\n\nProduct: {{product}}\nPrice: {{price}}",
            "short=brief;online store=web shop"
        },
        {
            "Summarise this customer support ticket in one sentence: {{text:ticket}}",
            "Summarise=Summarize;customer support=support"
        },
        {
            SUPPORT_PREFIX
                    + "The customer wants a refund for order {{order_id}}. Explain the refund"
                    + " policy and the next steps.",
            "polite=courteous;next=following"
        },
        {
            "Send a reminder to {{email}} that invoice {{number:invoice_no}} is due on {{date}}.",
            "reminder=reminder email;due=payable"
        },
        {
            "{{text:review}}\n\nIs this review positive or negative? Answer with one word.",
            "Answer=Reply"
        },
        {
            "Check whether {{url}} is a phishing site and explain why.",
            "Check whether=Determine whether|Check if"
        },
        {
            "Act as a professional translator. Preserve formatting, names and numbers exactly, do"
                    + " not add explanations, and use a formal register. Translate into"
                    + " {{language}}:\n\n{{text:phrase}}",
            "professional=expert;exactly=as they are"
        },
        {"Explain {{topic:concept}} like I'm a senior engineer.", "senior=experienced"},
    };

    private static final Set<String> IMPERATIVES =
            Set.of(
                    "Summarise",
                    "Translate",
                    "Write",
                    "Classify",
                    "Explain",
                    "Draft",
                    "Review",
                    "Convert",
                    "Generate",
                    "Plan",
                    "Extract",
                    "Give",
                    "Find",
                    "Rewrite",
                    "Look",
                    "Suggest",
                    "Create",
                    "Reply",
                    "Proofread",
                    "Tell",
                    "Recommend",
                    "Compare",
                    "Detect",
                    "Book",
                    "Send",
                    "Check");

    private static final List<Template> TEMPLATES;
    private static final double[] WEIGHTS;
    private static final List<String> CANONICAL;

    static {
        List<Template> list = new ArrayList<>();
        List<String> canon = new ArrayList<>();
        for (String[] spec : SPECS) {
            Template t = Template.parse(spec[0], spec[1]);
            if (canon.contains(t.canonical)) {
                throw new IllegalStateException("duplicate template " + t.canonical);
            }
            list.add(t);
            canon.add(t.canonical);
        }
        if (list.size() != TEMPLATE_COUNT_DOC) {
            throw new IllegalStateException("template count " + list.size());
        }
        double[] weights = new double[list.size()];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            weights[k] = 1.0 / Math.pow(k + 1 + ZIPF_OFFSET, ZIPF_EXPONENT);
            sum += weights[k];
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= sum;
        }
        TEMPLATES = List.copyOf(list);
        WEIGHTS = weights;
        CANONICAL = List.copyOf(canon);
    }

    private TemplateTraffic() {}

    /**
     * Generates a day of traffic.
     *
     * @param seed random seed; the same seed and count always give the same list
     * @param prompts number of prompts to generate
     * @return {@code prompts} samples in random order, 25% of them (rounded) one-off prompts
     */
    public static List<Sample> generate(long seed, int prompts) {
        if (prompts < 0) {
            throw new IllegalArgumentException("prompts must be >= 0: " + prompts);
        }
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>(prompts);
        for (int t : plan(prompts, r)) {
            if (t < 0) {
                out.add(new Sample(OneOffs.prompt(r), null, Map.of()));
            } else {
                out.add(render(TEMPLATES.get(t), r));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Returns the distinct canonical templates the generator can produce, most frequent first.
     *
     * @return an immutable list of canonical template strings with {@code {{name}}} placeholders
     */
    public static List<String> templates() {
        return CANONICAL;
    }

    /**
     * The order of one day: {@code -1} for a one-off prompt, otherwise a template index. Counts are
     * exact (largest-remainder allocation of the Zipf weights), positions are shuffled.
     */
    private static int[] plan(int prompts, SplittableRandom r) {
        int oneOffs = (int) Math.round(prompts * ONE_OFF_SHARE);
        int instances = prompts - oneOffs;
        int k = WEIGHTS.length;
        int[] counts = new int[k];
        double[] remainder = new double[k];
        int assigned = 0;
        for (int t = 0; t < k; t++) {
            double quota = instances * WEIGHTS[t];
            counts[t] = (int) Math.floor(quota);
            remainder[t] = quota - counts[t];
            assigned += counts[t];
        }
        while (assigned < instances) {
            int best = 0;
            for (int t = 1; t < k; t++) {
                if (remainder[t] > remainder[best]) {
                    best = t;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            assigned++;
        }
        int[] plan = new int[prompts];
        int at = 0;
        for (int i = 0; i < oneOffs; i++) {
            plan[at++] = -1;
        }
        for (int t = 0; t < k; t++) {
            for (int i = 0; i < counts[t]; i++) {
                plan[at++] = t;
            }
        }
        for (int i = prompts - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = plan[i];
            plan[i] = plan[j];
            plan[j] = tmp;
        }
        return plan;
    }

    // ---------------------------------------------------------------------------------------
    // Rendering and noise.

    private static Sample render(Template t, SplittableRandom r) {
        List<Seg> segs = new ArrayList<>();
        Map<String, String> context = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Part p : t.parts) {
            if (p.name == null) {
                segs.add(new Seg(null, p.text));
                continue;
            }
            int n = seen.merge(p.name, 1, Integer::sum);
            String key = n == 1 ? p.name : p.name + n;
            String value = Values.value(p.name, p.kind, r, context);
            for (int attempt = 0; attempt < 12 && context.containsValue(value); attempt++) {
                value = Values.value(p.name, p.kind, r, context);
            }
            context.put(key, value);
            segs.add(new Seg(key, value));
        }
        if (r.nextDouble() < P_PARAPHRASE) {
            paraphrase(t, segs, r);
        }
        if (t.pleaseEligible && r.nextDouble() < P_PLEASE) {
            please(segs);
        }
        if (r.nextDouble() < P_CASE) {
            changeCase(segs, r);
        }
        if (r.nextDouble() < P_PUNCT) {
            punctuation(segs, r);
        }
        if (r.nextDouble() < P_SPACE) {
            whitespace(segs, r);
        }
        StringBuilder text = new StringBuilder();
        Map<String, String> values = new LinkedHashMap<>();
        for (Seg s : segs) {
            text.append(s.text);
            if (s.key != null) {
                values.put(s.key, s.text);
            }
        }
        return new Sample(text.toString(), t.canonical, Collections.unmodifiableMap(values));
    }

    private static void paraphrase(Template t, List<Seg> segs, SplittableRandom r) {
        List<String[]> usable = new ArrayList<>();
        for (String[] syn : t.synonyms) {
            for (Seg s : segs) {
                if (s.key == null && wordIndex(s.text, syn[0]) >= 0) {
                    usable.add(syn);
                    break;
                }
            }
        }
        if (usable.isEmpty()) {
            return;
        }
        String[] syn = usable.get(r.nextInt(usable.size()));
        String to = syn[1 + r.nextInt(syn.length - 1)];
        for (Seg s : segs) {
            if (s.key != null) {
                continue;
            }
            int at = wordIndex(s.text, syn[0]);
            if (at >= 0) {
                s.text = s.text.substring(0, at) + to + s.text.substring(at + syn[0].length());
                return;
            }
        }
    }

    /** Index of {@code word} in {@code s} as a whole word (no letter or digit on either side). */
    private static int wordIndex(String s, String word) {
        int from = 0;
        while (true) {
            int at = s.indexOf(word, from);
            if (at < 0) {
                return -1;
            }
            int end = at + word.length();
            boolean left = at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1));
            boolean right = end == s.length() || !Character.isLetterOrDigit(s.charAt(end));
            if (left && right) {
                return at;
            }
            from = at + 1;
        }
    }

    private static void please(List<Seg> segs) {
        Seg first = segs.get(0);
        if (first.key != null) {
            return;
        }
        if (first.text.startsWith("Please ")) {
            String rest = first.text.substring("Please ".length());
            first.text =
                    rest.isEmpty()
                            ? rest
                            : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        } else {
            String t = first.text;
            boolean acronym = t.length() > 1 && Character.isUpperCase(t.charAt(1));
            first.text =
                    "Please " + (acronym ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1));
        }
    }

    private static void changeCase(List<Seg> segs, SplittableRandom r) {
        if (r.nextBoolean()) {
            for (Seg s : segs) {
                if (!s.text.isEmpty()) {
                    char c = s.text.charAt(0);
                    if (Character.isLetter(c)) {
                        char flipped =
                                Character.isUpperCase(c)
                                        ? Character.toLowerCase(c)
                                        : Character.toUpperCase(c);
                        s.text = flipped + s.text.substring(1);
                    }
                    return;
                }
            }
        } else {
            for (Seg s : segs) {
                s.text = s.text.toLowerCase(Locale.ROOT);
            }
        }
    }

    private static final String[] END_MARKS = {".", "?", "!", "..."};

    private static void punctuation(List<Seg> segs, SplittableRandom r) {
        Seg last = segs.get(segs.size() - 1);
        if (last.key != null) {
            // Never alter a value: only append a mark when the value ends in a word character.
            char c = last.text.isEmpty() ? ' ' : last.text.charAt(last.text.length() - 1);
            if (Character.isLetterOrDigit(c)) {
                segs.add(new Seg(null, r.nextBoolean() ? "." : pick(r, END_MARKS)));
            }
            return;
        }
        String t = last.text;
        int end = t.length();
        while (end > 0 && ".?!:".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == t.length()) {
            last.text = t + pick(r, END_MARKS);
        } else if (r.nextBoolean()) {
            last.text = t.substring(0, end);
        } else {
            String old = t.substring(end);
            String mark = pick(r, END_MARKS);
            while (mark.equals(old)) {
                mark = pick(r, END_MARKS);
            }
            last.text = t.substring(0, end) + mark;
        }
    }

    private static void whitespace(List<Seg> segs, SplittableRandom r) {
        if (r.nextBoolean()) {
            List<int[]> spaces = new ArrayList<>();
            for (int i = 0; i < segs.size(); i++) {
                Seg s = segs.get(i);
                if (s.key != null) {
                    continue;
                }
                for (int j = 0; j < s.text.length(); j++) {
                    if (s.text.charAt(j) == ' ') {
                        spaces.add(new int[] {i, j});
                    }
                }
            }
            if (!spaces.isEmpty()) {
                int[] at = spaces.get(r.nextInt(spaces.size()));
                Seg s = segs.get(at[0]);
                s.text = s.text.substring(0, at[1]) + " " + s.text.substring(at[1]);
                return;
            }
        }
        switch (r.nextInt(4)) {
            case 0 -> segs.add(0, new Seg(null, " "));
            case 1 -> segs.add(0, new Seg(null, "\n"));
            case 2 -> segs.add(new Seg(null, " "));
            default -> segs.add(new Seg(null, "\n"));
        }
    }

    static String pick(SplittableRandom r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    /** A rendered piece: constant text ({@code key == null}) or a slot value. */
    private static final class Seg {
        final String key;
        String text;

        Seg(String key, String text) {
            this.key = key;
            this.text = text;
        }
    }

    /** A template piece: constant text ({@code name == null}) or a slot. */
    private record Part(String text, String name, String kind) {}

    private static final class Template {
        final String canonical;
        final List<Part> parts;
        final List<String[]> synonyms;
        final boolean pleaseEligible;

        private Template(
                String canonical,
                List<Part> parts,
                List<String[]> synonyms,
                boolean pleaseEligible) {
            this.canonical = canonical;
            this.parts = parts;
            this.synonyms = synonyms;
            this.pleaseEligible = pleaseEligible;
        }

        static Template parse(String spec, String synonymSpec) {
            List<Part> parts = new ArrayList<>();
            StringBuilder canonical = new StringBuilder();
            int i = 0;
            while (i < spec.length()) {
                int open = spec.indexOf("{{", i);
                if (open < 0) {
                    parts.add(new Part(spec.substring(i), null, null));
                    canonical.append(spec, i, spec.length());
                    break;
                }
                if (open > i) {
                    parts.add(new Part(spec.substring(i, open), null, null));
                    canonical.append(spec, i, open);
                }
                int close = spec.indexOf("}}", open);
                String inner = spec.substring(open + 2, close);
                int colon = inner.indexOf(':');
                String name = colon < 0 ? inner : inner.substring(0, colon);
                String kind = colon < 0 ? name : inner.substring(colon + 1);
                parts.add(new Part(null, name, kind));
                canonical.append("{{").append(name).append("}}");
                i = close + 2;
            }
            List<String[]> synonyms = new ArrayList<>();
            for (String entry : synonymSpec.split(";")) {
                int eq = entry.indexOf('=');
                String from = entry.substring(0, eq);
                String[] alts = entry.substring(eq + 1).split("\\|");
                String[] row = new String[alts.length + 1];
                row[0] = from;
                System.arraycopy(alts, 0, row, 1, alts.length);
                synonyms.add(row);
            }
            boolean eligible = false;
            Part first = parts.get(0);
            if (first.name == null) {
                int sp = first.text.indexOf(' ');
                String word = sp < 0 ? first.text : first.text.substring(0, sp);
                eligible = word.equals("Please") || IMPERATIVES.contains(word);
            }
            return new Template(
                    canonical.toString(), List.copyOf(parts), List.copyOf(synonyms), eligible);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Slot values.

    private static final class Values {
        private Values() {}

        static final String[] CITIES = {
            "Lisbon",
            "Nairobi",
            "Osaka",
            "Toronto",
            "Buenos Aires",
            "Reykjavik",
            "Mumbai",
            "New York",
            "São Paulo",
            "Ho Chi Minh City",
            "Rio de Janeiro",
            "Kraków",
            "Marrakesh",
            "Seoul",
            "Melbourne",
            "Cape Town",
            "Istanbul",
            "Mexico City",
            "Hanoi",
            "Berlin",
            "Vancouver",
            "Lagos",
            "Dubai",
            "Tbilisi",
            "Edinburgh",
            "Kyoto",
            "Chiang Mai",
            "Oslo",
            "Bogotá",
            "Cairo",
            "Santiago",
            "Zürich",
            "Tallinn",
            "Accra",
            "Bangalore",
            "Lima",
            "San Francisco",
            "Kuala Lumpur",
            "Athens",
            "Porto",
            "Copenhagen",
            "Dublin",
            "Seville",
            "Montreal",
            "Jakarta",
            "Manila",
            "Auckland",
            "Hong Kong",
            "Taipei",
            "Vienna",
            "Prague",
            "Budapest",
            "Doha",
            "Austin",
            "Chicago",
            "Singapore",
            "Da Nang",
            "Valletta",
            "Addis Ababa",
            "Tel Aviv",
            "Salt Lake City",
            "Kathmandu",
        };

        static final String[] LANGUAGES = {
            "French",
            "German",
            "Spanish",
            "Japanese",
            "Brazilian Portuguese",
            "Simplified Chinese",
            "Traditional Chinese",
            "Korean",
            "Italian",
            "Dutch",
            "Polish",
            "Turkish",
            "Arabic",
            "Hindi",
            "Swahili",
            "Vietnamese",
            "Indonesian",
            "Thai",
            "Swedish",
            "Hebrew",
            "Greek",
            "Ukrainian",
            "Czech",
            "European Portuguese",
            "Tagalog",
            "Finnish",
            "Bengali",
            "Persian",
            "Romanian",
            "Latin American Spanish",
            "Danish",
            "Norwegian",
        };

        /** First names and family names by culture; index-aligned. */
        static final String[][] FIRST = {
            {"Emily", "James", "Olivia", "Michael", "Sarah", "Daniel", "Grace"},
            {"José", "Lucía", "Mateo", "Valentina", "Alejandro", "Camila"},
            {"Wei", "Li Na", "Jun", "Xiaoming", "Mei", "Hao"},
            {"Priya", "Arjun", "Ananya", "Rahul", "Kavya", "Vikram"},
            {"Oluwaseun", "Chiamaka", "Emeka", "Ngozi", "Tunde", "Adaeze"},
            {"Omar", "Layla", "Youssef", "Fatima", "Karim", "Noor"},
            {"Yuki", "Haruto", "Sakura", "Kenji", "Aiko", "Ren"},
            {"Lukas", "Anna", "Jonas", "Freya", "Søren", "Ingrid"},
            {"Dmitri", "Olga", "Katarzyna", "Marek", "Ivana", "Nikola"},
            {"Ji-woo", "Min-jun", "Seo-yeon", "Ha-eun"},
            {"Minh", "Linh", "Thao", "Quang"},
            {"Camille", "Théo", "Chloé", "Antoine"},
            {"Elif", "Mehmet", "Zeynep", "Emre"},
            {"João", "Beatriz", "Thiago", "Mariana"},
        };

        static final String[][] LAST = {
            {"Carter", "Walsh", "Thompson", "Hughes", "Bennett", "O'Connor"},
            {"García", "Fernández", "Rojas", "Morales", "Castillo", "García López"},
            {"Zhang", "Wang", "Liu", "Chen", "Huang"},
            {"Natarajan", "Sharma", "Iyer", "Patel", "Reddy", "Banerjee"},
            {"Adeyemi", "Okafor", "Eze", "Balogun", "Nwosu"},
            {"Haddad", "El-Sayed", "Mansour", "Khalil", "Al-Farsi"},
            {"Tanaka", "Sato", "Nakamura", "Kobayashi", "Watanabe"},
            {"Müller", "Schmidt", "Johansson", "Lindqvist", "Andersen", "van der Berg"},
            {"Ivanov", "Kowalski", "Novák", "Petrović", "Horvat"},
            {"Kim", "Lee", "Park", "Choi"},
            {"Nguyen", "Tran", "Pham", "Le"},
            {"Dubois", "Lefèvre", "Moreau", "Girard"},
            {"Yılmaz", "Demir", "Kaya", "Şahin"},
            {"Silva", "Oliveira", "Souza", "Costa"},
        };

        static final String[] EMAIL_DOMAINS = {
            "gmail.com",
            "outlook.com",
            "acme-corp.com",
            "example.org",
            "nimbus.io",
            "web.de",
            "yahoo.co.jp",
            "proton.me",
            "globex.co.uk",
            "uni-heidelberg.de",
            "initech.com",
            "hotmail.fr",
            "icloud.com",
            "fastmail.com",
            "contoso.onmicrosoft.com",
            "rediffmail.com",
        };

        static final String[] MONTHS = {
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        };
        static final String[] DAYS = {
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        };

        static final String[] DATE_PATTERNS = {
            "yyyy-MM-dd",
            "yyyy-MM-dd",
            "yyyy-MM-dd",
            "d MMMM yyyy",
            "d MMMM yyyy",
            "MM/dd/yyyy",
            "MM/dd/yyyy",
            "MMMM d, yyyy",
            "dd.MM.yyyy",
            "d MMM",
            "MMM d",
            "dd/MM/yyyy",
        };

        static final String[] TIMES = {
            "9:30",
            "14:00",
            "3 pm",
            "10:15 AM",
            "noon",
            "16:45",
            "8am",
            "11:00",
            "2:30 PM",
            "17:30",
            "9 a.m.",
            "13:15",
        };

        static final String[] BRANDS = {
            "Nimbus", "Lumen", "Kestrel", "Orbit", "Aurora", "Halcyon", "Vireo", "Tundra",
            "Solace", "Pico", "Marlow", "Zephyr", "Koda", "Fjord", "Basalt", "Juniper",
        };
        static final String[] MODELS = {
            "X2", "Pro 14", "Air", "Max", "3", "Mini", "S", "Go", "Ultra", "Lite", "500", "One",
        };
        static final String[] PRODUCT_TYPES = {
            "wireless earbuds", "desk lamp", "air purifier", "trail running shoes", "laptop",
            "smartwatch", "espresso machine", "standing desk", "backpack", "robot vacuum",
            "e-reader", "mechanical keyboard", "yoga mat", "blender", "electric toothbrush",
            "gaming chair", "4K monitor", "phone case", "rain jacket", "cast iron skillet",
        };

        static final String[] ERROR_CODES = {
            "ORA-00942",
            "ORA-12154",
            "ORA-01017",
            "ECONNREFUSED",
            "ECONNRESET",
            "0x80070005",
            "0x8007000d",
            "0xC000007B",
            "E0502",
            "E0382",
            "TS2345",
            "TS7006",
            "CS0246",
            "CS8618",
            "ERR_SSL_PROTOCOL_ERROR",
            "ENOENT",
            "EACCES",
            "ENOSPC",
            "EADDRINUSE",
            "E11000",
            "DNS_PROBE_FINISHED_NXDOMAIN",
            "ERR_CONNECTION_RESET",
            "C2065",
            "LNK2019",
            "NU1101",
            "P1001",
            "OOMKilled",
            "CrashLoopBackOff",
            "ImagePullBackOff",
            "SIGSEGV",
            "ERR_REQUIRE_ESM",
            "AADSTS50076",
            "AADSTS700016",
            "PGRST116",
            "0x800f081f",
            "SQLSTATE 23505",
            "ERROR 1045",
            "KRB5KDC_ERR_PREAUTH_FAILED",
            "NSURLErrorDomain -1009",
            "ERR_TOO_MANY_REDIRECTS",
        };

        static final String[] VERBS = {
            "parse", "compute", "validate", "fetch", "normalize", "build", "render", "merge",
            "sync", "export", "calculate", "resolve", "load", "apply", "retry", "serialize",
        };
        static final String[] NOUNS = {
            "invoice",
            "tax_total",
            "user_session",
            "order_items",
            "shipping_rate",
            "csv_rows",
            "auth_token",
            "cart",
            "payment",
            "config",
            "discount",
            "timezone",
            "report",
            "webhook",
            "ledger_entry",
            "search_query",
        };

        static final String[] COLUMNS = {
            "last_login_at", "is_verified", "discount_code", "shipping_country", "deleted_at",
            "referral_source", "tax_rate", "loyalty_points", "preferred_language", "external_id",
            "archived_at", "phone_number", "marketing_opt_in", "billing_cycle", "avatar_url",
            "churn_score",
        };

        static final String[] SHELL_COMMANDS = {
            "find . -name '*.log' -mtime +7 -delete",
            "tar -czvf backup.tar.gz /var/www",
            "grep -rn TODO src/",
            "awk -F, '{print $2}' data.csv",
            "chmod -R 755 public/",
            "du -sh * | sort -h",
            "ps aux | grep java",
            "lsof -i :8080",
            "rsync -avz --delete src/ backup/",
            "sed -i 's/foo/bar/g' config.yml",
            "xargs -n 1 curl -O < urls.txt",
            "kill -9 $(lsof -t -i:3000)",
            "git log --oneline --graph --all",
            "docker system prune -af",
            "ssh -L 5432:localhost:5432 deploy@db.internal",
            "journalctl -u nginx --since today",
            "nohup python train.py > train.log 2>&1 &",
            "curl -sSL https://get.docker.com | sh",
            "ln -s /opt/app/current /var/www/app",
            "tail -f /var/log/syslog | grep -i error",
            "find / -type f -size +500M 2>/dev/null",
            "cut -d: -f1 /etc/passwd | sort",
        };

        static final String[] GIT_COMMANDS = {
            "rebase",
            "merge",
            "reset --hard",
            "reset --soft",
            "revert",
            "fetch",
            "pull",
            "stash",
            "cherry-pick",
            "switch",
            "checkout",
            "restore",
            "commit --amend",
            "merge --squash",
            "pull --rebase",
            "clone --depth 1",
            "worktree add",
            "bisect",
        };

        /** Python task and a matching function name. */
        static final String[][] FUNCTASKS = {
            {"parses a CSV file and returns a list of dictionaries", "parse_csv_rows"},
            {"validates an IBAN", "validate_iban"},
            {"retries an HTTP request with exponential backoff", "retry_with_backoff"},
            {"converts a UTC timestamp to the user's timezone", "to_local_time"},
            {"removes duplicate rows from a list", "dedupe_rows"},
            {"computes the VAT for a list of line items", "compute_vat"},
            {"checks whether a string is a palindrome", "is_palindrome"},
            {"merges two sorted lists", "merge_sorted"},
            {"flattens a nested dictionary", "flatten_dict"},
            {"downloads a file and verifies its SHA-256 checksum", "download_and_verify"},
            {"splits a list into batches of a given size", "chunked"},
            {"turns a blog post title into a URL slug", "slugify"},
            {"masks all but the last four digits of a card number", "mask_card_number"},
            {"counts word frequencies in a text file", "word_counts"},
        };

        static final String[] TABLES = {
            "orders",
            "customers",
            "invoices",
            "order_items",
            "employees",
            "products",
            "signups",
            "events",
            "payments",
            "shipments",
            "subscriptions",
            "support_tickets",
            "sessions",
            "refunds",
        };
        static final String[] SCHEMAS = {"sales.", "public.", "analytics.", "crm.", "dw."};
        static final String[] TABLE_SUFFIXES = {"_2025", "_v2", "_raw", "_daily"};

        static final String[] SQL_QUESTIONS = {
            "all customers who placed more than {n} orders in {month}",
            "the top {n} products by revenue in {year}",
            "the average order value per {dim}",
            "the total revenue per {dim} for {year}",
            "the number of active users per {period}",
            "duplicate email addresses",
            "employees hired after {date}",
            "orders that shipped late in {month}",
            "customers with no purchases since {date}",
            "the {n} most recent invoices for each customer",
            "the month-over-month growth in signups",
            "products that were never ordered",
            "the refund rate per {dim}",
            "users who signed up but never logged in",
            "the running total of payments per {period}",
            "the second highest salary in each department",
        };
        static final String[] SQL_DIMS = {
            "country", "region", "sales rep", "product category", "store", "marketing channel",
        };
        static final String[] PERIODS = {"day", "week", "month", "quarter"};

        static final String[] REGEX_TOPICS = {
            "valid email addresses",
            "US phone numbers like (555) 123-4567",
            "dates in the format YYYY-MM-DD",
            "hex colour codes",
            "IPv4 addresses",
            "UK postcodes",
            "strings that start with a capital letter and end with a digit",
            "a password with at least one digit and one symbol",
            "semantic version numbers",
            "URLs that start with https",
            "lines that contain only whitespace",
            "German IBANs",
            "times in 24-hour format",
            "hashtags in a tweet",
            "order numbers like ORD-12345",
            "words repeated twice in a row",
            "credit card numbers with optional spaces",
            "file names ending in .jpg or .png",
            "Canadian postal codes",
            "quoted strings with escaped quotes",
        };

        static final String[] SHELL_TOPICS = {
            "find all files larger than {n}00MB", "kill the process listening on port {port}",
            "rename every .jpeg file to .jpg", "count the lines in all .py files",
            "delete log files older than {n} days", "replace foo with bar in every .txt file",
            "show the {n} largest directories", "list all open ports",
            "watch a log file for errors", "compress a folder into a tar.gz archive",
            "run a command every {n} minutes", "download a list of URLs in parallel",
            "see which process uses the most memory", "extract the second column of a CSV file",
            "sort a file and remove duplicate lines", "copy a folder to a remote server over SSH",
            "find files changed in the last {n} hours", "split a large file into {n}00MB chunks",
            "loop over every line of a file", "check if a directory exists",
        };

        static final String[] CONCEPTS = {
            "how vector databases work",
            "the CAP theorem",
            "quantum entanglement",
            "compound interest",
            "how vaccines train the immune system",
            "OAuth 2.0",
            "inflation",
            "black holes",
            "photosynthesis",
            "how TCP handshakes work",
            "public key cryptography",
            "blockchain",
            "overfitting in machine learning",
            "how credit scores are calculated",
            "the Monty Hall problem",
            "supply and demand",
            "how GPS works",
            "garbage collection in Java",
            "the difference between weather and climate",
            "eventual consistency",
            "gradient descent",
            "how noise-cancelling headphones work",
            "the theory of relativity",
            "index funds",
            "DNS",
            "plate tectonics",
            "how a bill becomes law",
            "the water cycle",
        };

        static final String[] BUSINESSES = {
            "vegan bakery",
            "dog-walking app",
            "cybersecurity consultancy",
            "bike repair shop",
            "language learning podcast",
            "sustainable fashion brand",
            "home cleaning service",
            "coffee subscription box",
            "board game café",
            "AI note-taking tool",
            "solar panel installer",
            "children's bookshop",
            "craft brewery",
            "tutoring agency",
            "pet grooming salon",
            "budgeting app for students",
        };

        static final String[] NATURE = {
            "autumn rain", "a quiet harbour at dawn", "the first snow of winter",
            "cherry blossoms", "a cat asleep in the sun", "city lights at midnight",
            "an old lighthouse", "morning coffee", "a thunderstorm over the mountains",
            "falling leaves", "the sound of the sea", "a deadline at 3 a.m.",
            "a train crossing the desert", "fog on the river", "the last day of summer",
            "a bug in production", "moonlight on a frozen lake",
        };

        static final String[] JOBS = {
            "senior backend engineer",
            "product designer",
            "data analyst",
            "nurse practitioner",
            "marketing manager",
            "junior accountant",
            "DevOps engineer",
            "high school chemistry teacher",
            "customer success lead",
            "UX researcher",
            "site reliability engineer",
            "warehouse operations supervisor",
            "paralegal",
            "machine learning engineer",
            "barista",
        };

        static final String[] EMAIL_A = {
            "the delayed", "the updated", "next week's", "the pending", "our upcoming",
            "the revised", "last month's", "the quarterly", "Friday's", "the new",
        };
        static final String[] EMAIL_B = {
            "invoice", "vendor contract", "offsite", "product launch", "budget review",
            "hiring plan", "security audit", "onboarding session", "shipment", "renewal quote",
            "team dinner", "performance reviews",
        };
        static final String[] EMAIL_C = {
            "",
            "",
            "",
            " for the Berlin office",
            " with Acme Logistics",
            " and the new deadline",
            " before the board meeting",
            " for the marketing team",
            " and what we need from them",
        };

        static final String[] MEETINGS = {
            "Q{q} roadmap planning", "the migration to Kubernetes", "hiring for the data team",
            "the {city} office opening", "budget cuts for {year}", "the customer churn analysis",
            "the new pricing page", "the incident on {day}", "vendor selection for payroll",
            "the mobile app redesign", "onboarding improvements", "the SOC 2 audit",
            "the {month} product launch", "switching CRM providers", "the team offsite agenda",
        };

        static final String[] TICKETS = {
            "I was charged twice for my {month} invoice",
            "My dashboard has been stuck on loading since {day}",
            "Cannot reset my password, the link expires immediately",
            "The API returns 500 errors for every upload",
            "Please upgrade our team plan to {n}0 seats",
            "Our {service} instance in {region} is down again",
            "I need an invoice with our VAT number on it",
            "Two-factor codes are not arriving by SMS",
            "How do I export all my data before cancelling?",
            "The mobile app logs me out every few minutes",
            "We were billed for seats we removed last week",
            "Backups for project {proj} failed three nights in a row",
            "Your status page says all good but nothing loads",
            "Can't add a new teammate, the invite button is greyed out",
            "Storage usage jumped to {n}00 GB overnight",
            "Webhooks stopped firing after the update on {day}",
            "Why was my card declined?",
        };
        static final String[] TICKET_PREFIX = {"", "", "", "", "Hi, ", "Hello, ", "URGENT: "};
        static final String[] TICKET_SUFFIX = {
            "", "", "", "", " Thanks!", " Please help.", " Any update?"
        };

        static final String[] SERVICES = {
            "Postgres", "Redis", "Kubernetes", "MySQL", "Kafka", "Elasticsearch"
        };
        static final String[] REGIONS = {
            "eu-west-1", "us-east-2", "ap-southeast-1", "eu-central-1", "us-west-2"
        };
        static final String[] PROJECTS = {
            "atlas-prod", "billing-api", "web-frontend", "data-lake", "acme-staging"
        };

        static final String[] PHRASES = {
            "Our office will be closed on {day} for the public holiday.",
            "Thank you for your order, it will ship within {n} days.",
            "Please find the signed contract attached.",
            "The meeting has been moved to {time}.",
            "Where is the nearest train station?",
            "Your package is waiting at the front desk.",
            "We look forward to welcoming you in {city}.",
            "Happy birthday, I hope you have a wonderful day!",
            "The password must contain at least {n} characters.",
            "Click here to confirm your email address.",
            "Free shipping on all orders over {price}.",
            "Do you have a table for {n} tonight?",
            "I am allergic to peanuts and shellfish.",
            "Sorry for the delay, we are looking into it.",
            "Good morning",
            "See you on {day}",
            "The invoice is due at the end of {month}.",
            "Turn left at the second traffic light.",
            "Our support team is available around the clock.",
            "This offer is valid until {date}.",
        };

        static final String[] REFUNDS = {
            "the item arrived damaged",
            "wrong size delivered",
            "package never arrived",
            "charged twice at checkout",
            "it stopped working after {n} days",
            "ordered by mistake",
            "the colour does not match the photos",
            "the charger was missing from the box",
            "late delivery, no longer needed",
            "the screen has dead pixels",
            "received someone else's order",
            "the subscription renewed without notice",
        };

        static final String[] INVOICES = {
            "Invoice {big} from {company} dated {date}, total {price}",
            "Paid {price} to {person} on {date} for consulting",
            "{person} signed the lease on {date} for {price} per month",
            "Received {price} from {company} on {date}",
            "{company} owes {price}, due {date}, contact {person}",
            "Refund of {price} issued to {person} on {date}",
        };
        static final String[] COMPANIES = {
            "Acme Logistics",
            "Globex",
            "Initech",
            "Umbrella Foods",
            "Wayne Analytics",
            "Tanaka Trading",
            "Okafor & Sons",
            "Lindqvist AB",
            "Haddad Group"
        };

        static final String[] CASUAL = {
            "hey guys, the report is gonna be late again, sorry",
            "we can't do the call tmrw, something came up",
            "the new feature is kinda broken, pls fix asap",
            "no idea why the numbers are off, will check later",
            "can u send me the slides before lunch",
            "the client hated the logo lol, back to square one",
            "just fyi i'm out {day}, ping {first} if anything breaks",
            "your code broke the build again",
            "we need the budget by {day} or we're screwed",
            "who moved the meeting to {time}??",
            "not gonna make the {month} deadline tbh",
            "stop changing the spec every week please",
        };

        static final String[] REVIEW_POS = {
            "Battery lasts two full days", "Setup took five minutes", "Sound quality is superb",
            "Great value for the price", "Arrived a day early", "Really comfortable to wear",
            "Build quality feels premium", "Customer service was very helpful",
        };
        static final String[] REVIEW_NEG = {
            "the strap broke within a week", "the app keeps crashing",
            "it is much louder than advertised", "the instructions are useless",
            "it stopped charging after a month", "the colour looks nothing like the photos",
            "shipping took three weeks", "returns are a nightmare",
        };

        static final String[] TYPOS = {
            "Their going to send the report tomorow",
            "Me and him has finished the project yesterday",
            "I recieved you're email on {day}",
            "The datas shows a increase in sales",
            "We was hoping to met on {day}",
            "Its been a long time since we last spoke",
            "Please advice how to proceed with the the order",
            "The team have went to {city} for the conference",
            "Could you borrow me your charger",
            "Less people came to the event then expected",
        };

        static final String[][] TRANSCRIPT_LINES = {
            {"we ship on Friday", "agreed, I will update the docs"},
            {"budget is frozen until {month}", "then we pause the new hire"},
            {"the vendor missed the deadline again", "let's start looking for alternatives"},
            {"churn went up {n} percent", "I'll dig into the cohort data"},
            {"can we drop the legacy API?", "yes, after we notify customers"},
            {"the demo for {company} is on {day}", "I'll prepare the slides"},
        };

        static final String[] SUPPORT_QUESTIONS = {
            "can I move my workspace to the EU region?", "why was my card declined?",
            "how do I add a teammate to my project?", "is there a discount for nonprofits?",
            "does the Pro plan include SSO?", "can I get a refund for unused months?",
            "why did my bill go up in {month}?", "how long do you keep deleted backups?",
            "can I pause my subscription until {month}?", "is my data encrypted at rest?",
        };

        static final String[] TRACEBACKS = {
            "KeyError: 'customer_id'",
            "IndexError: list index out of range",
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
            "AttributeError: 'NoneType' object has no attribute 'split'",
            "ValueError: invalid literal for int() with base 10: 'abc'",
            "ZeroDivisionError: division by zero",
            "RecursionError: maximum recursion depth exceeded",
            "ModuleNotFoundError: No module named 'pandas'",
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0",
            "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)",
            "FileNotFoundError: [Errno 2] No such file or directory: 'config.yaml'",
        };

        static final String[][] UNITS = {
            {"kilometres", "miles", "metres", "feet", "inches", "centimetres", "yards"},
            {"kilograms", "pounds", "grams", "ounces", "stone"},
            {"litres", "gallons", "millilitres", "cups", "fluid ounces"},
            {"square metres", "square feet", "acres", "hectares"},
            {"km/h", "mph", "knots"},
            {"degrees Celsius", "degrees Fahrenheit", "kelvin"},
        };

        static final int[] HTTP_CODES = {
            200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 405, 409, 410, 418, 422, 429, 500,
            502, 503, 504,
        };

        static final String[] NEWS_HOSTS = {
            "www.theverge.com", "techcrunch.com", "www.reuters.com", "www.bbc.co.uk/news",
            "www.nytimes.com", "arstechnica.com", "www.lemonde.fr", "www.spiegel.de",
        };
        static final String[] BLOG_HOSTS = {
            "blog.cloudflare.com", "engineering.fb.com", "martinfowler.com/articles",
            "medium.com/@dev.sana", "substack.com/@econnotes", "dev.to/priya_codes",
            "blog.example.com", "www.acme-corp.com/blog",
        };
        static final String[] PHISHY_HOSTS = {
            "secure-login-paypa1.com/verify", "amaz0n-support.help/account",
            "microsoft365-auth.online/login", "dhl-parcel-redelivery.info/track",
            "netflix-billing-update.co/payment", "apple-id-locked.net/unlock",
        };
        static final String[] GITHUB_REPOS = {
            "apache/flink",
            "vercel/next.js",
            "rust-lang/rust",
            "pytorch/pytorch",
            "kubernetes/kubernetes",
            "torvalds/linux",
            "apache/kafka",
            "apache/arrow",
            "huggingface/transformers",
            "facebook/react"
        };
        static final String[] SLUG_WORDS = {
            "ai", "chips", "startup", "raises", "funding", "new", "rules", "climate", "report",
            "how", "we", "scaled", "postgres", "outage", "lessons", "learned", "market", "rally",
            "election", "results", "city", "housing", "crisis", "review", "battery", "launch",
        };
        static final String[] WIKI_TITLES = {
            "Compound_interest", "Byzantine_fault", "Great_Barrier_Reef", "Ada_Lovelace",
            "Monty_Hall_problem", "Photosynthesis", "Silk_Road", "Transformer_(deep_learning)",
        };

        static String value(String name, String kind, SplittableRandom r, Map<String, String> ctx) {
            switch (kind) {
                case "text":
                case "ticket":
                    return ticket(r);
                case "phrase":
                    return fill(pick(r, PHRASES), r);
                case "refund":
                    return fill(pick(r, REFUNDS), r);
                case "invoice":
                    return fill(pick(r, INVOICES), r);
                case "casual":
                    return fill(pick(r, CASUAL), r);
                case "review":
                    return review(r);
                case "typo":
                    return fill(pick(r, TYPOS), r);
                case "transcript":
                    return transcript(r);
                case "question":
                    return fill(pick(r, SUPPORT_QUESTIONS), r);
                case "traceback":
                    return pick(r, TRACEBACKS);
                case "topic":
                case "concept":
                    return pick(r, CONCEPTS);
                case "sqlq":
                    return fill(pick(r, SQL_QUESTIONS), r);
                case "regex":
                    return pick(r, REGEX_TOPICS);
                case "shell":
                    return "code".equals(name)
                            ? pick(r, SHELL_COMMANDS)
                            : fill(pick(r, SHELL_TOPICS), r);
                case "business":
                    return pick(r, BUSINESSES)
                            + (r.nextInt(10) < 3 ? " in " + pick(r, CITIES) : "");
                case "nature":
                    return pick(r, NATURE);
                case "job":
                    return pick(r, JOBS);
                case "email":
                    return "email".equals(name) ? email(r) : emailTopic(r);
                case "meeting":
                    return fill(pick(r, MEETINGS), r);
                case "functask":
                    return ctx.containsKey("_task")
                            ? ctx.remove("_task")
                            : FUNCTASKS[r.nextInt(FUNCTASKS.length)][0];
                case "taskfn":
                    {
                        String[] pair = FUNCTASKS[r.nextInt(FUNCTASKS.length)];
                        ctx.put("_task", pair[0]);
                        return pair[1];
                    }
                case "code":
                case "func":
                    return function(r);
                case "error":
                    return pick(r, ERROR_CODES);
                case "column":
                    return pick(r, COLUMNS);
                case "gitcmd":
                    return pick(r, GIT_COMMANDS);
                case "table":
                    return table(r);
                case "city":
                    return pick(r, CITIES);
                case "language":
                    return pick(r, LANGUAGES);
                case "person":
                    return person(r);
                case "url":
                    return url(r);
                case "date":
                    return date(r);
                case "time":
                    return pick(r, TIMES);
                case "order_id":
                    return orderId(r);
                case "price":
                    return price(r);
                case "product":
                    return product(r, null);
                case "same":
                    {
                        String type = ctx.get("_ptype");
                        if (type == null) {
                            type = pick(r, PRODUCT_TYPES);
                            ctx.put("_ptype", type);
                        }
                        return product(r, type);
                    }
                case "unit":
                case "count":
                    return unit(r, ctx, "count".equals(kind));
                case "number":
                case "measure":
                    return measure(r);
                case "small":
                    return Integer.toString(2 + r.nextInt(9));
                case "http":
                    return Integer.toString(HTTP_CODES[r.nextInt(HTTP_CODES.length)]);
                case "pct":
                    return r.nextInt(6) == 0
                            ? (5 + r.nextInt(40)) + ".5"
                            : Integer.toString(5 * (1 + r.nextInt(19)));
                case "amount":
                    return amount(r);
                case "pax":
                    return Integer.toString(1 + r.nextInt(8));
                case "days":
                    return Integer.toString(2 + r.nextInt(9));
                case "invoice_no":
                    return Integer.toString(10000 + r.nextInt(90000));
                default:
                    throw new IllegalArgumentException("no value pool for " + name + ":" + kind);
            }
        }

        static String ticket(SplittableRandom r) {
            String body = fill(pick(r, TICKETS), r);
            String prefix = pick(r, TICKET_PREFIX);
            if (!prefix.isEmpty() && !body.startsWith("I ") && !prefix.startsWith("URGENT")) {
                body = Character.toLowerCase(body.charAt(0)) + body.substring(1);
            }
            String suffix = pick(r, TICKET_SUFFIX);
            if (!suffix.isEmpty() && !body.endsWith("?")) {
                body = body + ".";
            }
            return prefix + body + suffix;
        }

        static String review(SplittableRandom r) {
            switch (r.nextInt(4)) {
                case 0:
                    return pick(r, REVIEW_POS) + ", but " + pick(r, REVIEW_NEG) + ".";
                case 1:
                    return pick(r, REVIEW_POS) + ". " + pick(r, REVIEW_POS) + "!";
                case 2:
                    {
                        String neg = pick(r, REVIEW_NEG);
                        return Character.toUpperCase(neg.charAt(0)) + neg.substring(1) + ".";
                    }
                default:
                    return pick(r, REVIEW_POS) + ".";
            }
        }

        static String transcript(SplittableRandom r) {
            String[] lines = TRANSCRIPT_LINES[r.nextInt(TRANSCRIPT_LINES.length)];
            String a = firstName(r);
            String b = firstName(r);
            while (b.equals(a)) {
                b = firstName(r);
            }
            return a + ": " + fill(lines[0], r) + ". " + b + ": " + fill(lines[1], r) + ".";
        }

        static String emailTopic(SplittableRandom r) {
            return pick(r, EMAIL_A) + " " + pick(r, EMAIL_B) + pick(r, EMAIL_C);
        }

        static String function(SplittableRandom r) {
            String verb = pick(r, VERBS);
            String noun = pick(r, NOUNS);
            int style = r.nextInt(20);
            if (style < 10) {
                return verb + "_" + noun;
            }
            String camelNoun = camel(noun, true);
            if (style < 17) {
                return verb + camelNoun;
            }
            String cls = camel(noun.substring(noun.lastIndexOf('_') + 1), true) + "Service";
            return cls + "." + verb + camelNoun;
        }

        static String camel(String snake, boolean upperFirst) {
            StringBuilder sb = new StringBuilder();
            boolean up = upperFirst;
            for (char c : snake.toCharArray()) {
                if (c == '_') {
                    up = true;
                } else {
                    sb.append(up ? Character.toUpperCase(c) : c);
                    up = false;
                }
            }
            return sb.toString();
        }

        static String table(SplittableRandom r) {
            String t = pick(r, TABLES);
            if (r.nextInt(3) == 0) {
                t = pick(r, SCHEMAS) + t;
            }
            if (r.nextInt(6) == 0) {
                t = t + pick(r, TABLE_SUFFIXES);
            }
            return t;
        }

        static String firstName(SplittableRandom r) {
            String[] names = FIRST[r.nextInt(FIRST.length)];
            return names[r.nextInt(names.length)];
        }

        static String person(SplittableRandom r) {
            int c = r.nextInt(FIRST.length);
            String first = FIRST[c][r.nextInt(FIRST[c].length)];
            String last = LAST[c][r.nextInt(LAST[c].length)];
            int style = r.nextInt(20);
            if (style < 12) {
                return c == 2 && r.nextBoolean() ? last + " " + first : first + " " + last;
            }
            if (style < 18) {
                return first;
            }
            return (style == 18 ? "Dr. " : "Prof. ") + last;
        }

        static String ascii(String s) {
            String folded =
                    Normalizer.normalize(s, Normalizer.Form.NFD)
                            .replaceAll("\\p{M}", "")
                            .replace("ø", "o")
                            .replace("ı", "i")
                            .replace("ß", "ss")
                            .replace("æ", "ae");
            return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }

        static String email(SplittableRandom r) {
            int c = r.nextInt(FIRST.length);
            String first = ascii(FIRST[c][r.nextInt(FIRST[c].length)]);
            String last = ascii(LAST[c][r.nextInt(LAST[c].length)]);
            String domain = pick(r, EMAIL_DOMAINS);
            switch (r.nextInt(6)) {
                case 0:
                    return first + "." + last + "@" + domain;
                case 1:
                    return first.charAt(0) + "." + last + "@" + domain;
                case 2:
                    return first + last + (10 + r.nextInt(90)) + "@" + domain;
                case 3:
                    return last + "." + first + "@" + domain;
                case 4:
                    return first + "_" + last + "@" + domain;
                default:
                    return first + "@" + domain;
            }
        }

        static String slug(SplittableRandom r) {
            int n = 3 + r.nextInt(4);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append('-');
                }
                sb.append(pick(r, SLUG_WORDS));
            }
            return sb.toString();
        }

        static String url(SplittableRandom r) {
            switch (r.nextInt(7)) {
                case 0:
                case 1:
                    {
                        LocalDate d = randomDate(r);
                        return String.format(
                                Locale.ROOT,
                                "https://%s/%d/%02d/%02d/%s",
                                pick(r, NEWS_HOSTS),
                                d.getYear(),
                                d.getMonthValue(),
                                d.getDayOfMonth(),
                                slug(r));
                    }
                case 2:
                    return "https://en.wikipedia.org/wiki/" + pick(r, WIKI_TITLES);
                case 3:
                    return String.format(
                            Locale.ROOT,
                            "https://arxiv.org/abs/%02d%02d.%05d",
                            24 + r.nextInt(3),
                            1 + r.nextInt(12),
                            r.nextInt(20000));
                case 4:
                    return "https://github.com/"
                            + pick(r, GITHUB_REPOS)
                            + (r.nextBoolean() ? "" : "/issues/" + (100 + r.nextInt(30000)));
                case 5:
                    return "https://" + pick(r, BLOG_HOSTS) + "/" + slug(r);
                default:
                    return (r.nextBoolean() ? "http://" : "https://")
                            + pick(r, PHISHY_HOSTS)
                            + (r.nextBoolean() ? "" : "?id=" + (10000 + r.nextInt(90000)));
            }
        }

        static LocalDate randomDate(SplittableRandom r) {
            return LocalDate.of(2025, 1, 1).plusDays(r.nextInt(730));
        }

        static String date(SplittableRandom r) {
            String pattern = pick(r, DATE_PATTERNS);
            return randomDate(r).format(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
        }

        static String orderId(SplittableRandom r) {
            int style = r.nextInt(20);
            if (style < 8) {
                return "ORD-" + (10000 + r.nextInt(90000));
            }
            if (style < 11) {
                return "#" + (100000 + r.nextInt(9900000));
            }
            if (style < 14) {
                return String.format(
                        Locale.ROOT,
                        "%03d-%07d-%07d",
                        100 + r.nextInt(900),
                        r.nextInt(10000000),
                        r.nextInt(10000000));
            }
            if (style < 17) {
                return String.format(
                        Locale.ROOT, "SO-%d-%06d", 2025 + r.nextInt(2), r.nextInt(1000000));
            }
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            StringBuilder sb = new StringBuilder("ORD");
            for (int i = 0; i < 7; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            return sb.toString();
        }

        static String price(SplittableRandom r) {
            int whole =
                    switch (r.nextInt(4)) {
                        case 0 -> 5 + r.nextInt(45);
                        case 1 -> 50 + r.nextInt(200);
                        case 2 -> 250 + r.nextInt(1000);
                        default -> 1000 + r.nextInt(4000);
                    };
            String cents = r.nextBoolean() ? ".99" : r.nextInt(3) == 0 ? ".50" : "";
            String grouped = String.format(Locale.US, "%,d", whole);
            switch (r.nextInt(8)) {
                case 0:
                case 1:
                case 2:
                    return "$" + grouped + cents;
                case 3:
                    return "€" + whole + cents.replace('.', ',');
                case 4:
                    return "£" + grouped + cents;
                case 5:
                    return grouped + " USD";
                case 6:
                    return "¥" + String.format(Locale.US, "%,d", whole * 150);
                default:
                    return "CHF " + whole + cents;
            }
        }

        static String product(SplittableRandom r, String forcedType) {
            String brand = pick(r, BRANDS);
            int style = r.nextInt(10);
            String type = forcedType != null ? forcedType : pick(r, PRODUCT_TYPES);
            if (forcedType == null && style < 2) {
                return brand + " " + pick(r, MODELS);
            }
            if (style < 6) {
                return brand + " " + pick(r, MODELS) + " " + type;
            }
            return brand + " " + type;
        }

        static String unit(SplittableRandom r, Map<String, String> ctx, boolean countable) {
            String prev = ctx.get("unit");
            if (prev != null) {
                for (String[] dim : UNITS) {
                    for (String u : dim) {
                        if (u.equals(prev)) {
                            String next = pick(r, dim);
                            while (next.equals(prev)) {
                                next = pick(r, dim);
                            }
                            return next;
                        }
                    }
                }
            }
            int dims = countable ? UNITS.length - 1 : UNITS.length;
            return pick(r, UNITS[r.nextInt(dims)]);
        }

        static String measure(SplittableRandom r) {
            switch (r.nextInt(5)) {
                case 0:
                    return Integer.toString(1 + r.nextInt(20));
                case 1:
                    return (1 + r.nextInt(99)) + "." + (1 + r.nextInt(9));
                case 2:
                    return Integer.toString(5 * (2 + r.nextInt(100)));
                case 3:
                    return "0." + (1 + r.nextInt(9)) + (r.nextBoolean() ? "5" : "");
                default:
                    return String.format(Locale.US, "%,d", 1000 + r.nextInt(50000));
            }
        }

        static String amount(SplittableRandom r) {
            switch (r.nextInt(3)) {
                case 0:
                    return Integer.toString(20 + r.nextInt(980));
                case 1:
                    return String.format(Locale.US, "%,d", 1000 + r.nextInt(99000));
                default:
                    return (10 + r.nextInt(990)) + "." + r.nextInt(10) + r.nextInt(10);
            }
        }

        /** Fills single-brace fillers such as {n} or {city}; text without fillers is unchanged. */
        static String fill(String pattern, SplittableRandom r) {
            if (pattern.indexOf('{') < 0) {
                return pattern;
            }
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                int close = c == '{' ? pattern.indexOf('}', i) : -1;
                if (close < 0) {
                    sb.append(c);
                    i++;
                    continue;
                }
                String f = pattern.substring(i + 1, close);
                sb.append(filler(f, r));
                i = close + 1;
            }
            return sb.toString();
        }

        static String filler(String f, SplittableRandom r) {
            switch (f) {
                case "n":
                    return Integer.toString(2 + r.nextInt(11));
                case "n2":
                    return Integer.toString(3 + r.nextInt(27));
                case "big":
                    return Integer.toString(1000 + r.nextInt(90000));
                case "q":
                    return Integer.toString(1 + r.nextInt(4));
                case "month":
                    return pick(r, MONTHS);
                case "day":
                    return pick(r, DAYS);
                case "year":
                    return Integer.toString(2024 + r.nextInt(3));
                case "city":
                    return pick(r, CITIES);
                case "date":
                    return date(r);
                case "time":
                    return pick(r, TIMES);
                case "price":
                    return price(r);
                case "first":
                    return firstName(r);
                case "person":
                    return person(r);
                case "company":
                    return pick(r, COMPANIES);
                case "dim":
                    return pick(r, SQL_DIMS);
                case "period":
                    return pick(r, PERIODS);
                case "port":
                    return pick(r, new String[] {"3000", "5432", "8080", "8443", "6379", "9092"});
                case "service":
                    return pick(r, SERVICES);
                case "region":
                    return pick(r, REGIONS);
                case "proj":
                    return pick(r, PROJECTS);
                case "lang":
                    return pick(r, LANGUAGES);
                case "product":
                    return product(r, null);
                case "table":
                    return table(r);
                case "gitcmd":
                    return "git " + pick(r, GIT_COMMANDS);
                case "concept":
                    return pick(r, CONCEPTS);
                case "job":
                    return pick(r, JOBS);
                default:
                    return OneOffs.filler(f, r);
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // One-off free-form prompts.

    private static final class OneOffs {
        private OneOffs() {}

        static final String[] OPENERS = {
            "",
            "",
            "",
            "",
            "",
            "",
            "quick question: ",
            "Hey, ",
            "Hi! ",
            "Can you help me? ",
            "I'm stuck. ",
            "ok so ",
            "Honest question: ",
            "Random one: ",
        };
        static final String[] CLOSERS = {
            "",
            "",
            "",
            "",
            "",
            "",
            " Thanks!",
            " Keep it short.",
            " Explain like I'm new to this.",
            " Bullet points please.",
            " Be honest.",
            " thx",
        };

        static final String[][] FAMILIES = {
            { // coding
                "why does {tool} {symptom} when I {action}?",
                "what's the cleanest way to {codetask} in {plang}?",
                "is {plang} or {plang2} better for {usecase}?",
                "my {plang} script fails with {errline}, what does that mean?",
                "how do I {codetask} in {plang} without an extra library?",
                "what are the pros and cons of {arch} for a team of {n} developers?",
            },
            { // sql, close to the SQL templates
                "in {db}, what's the difference between {sqlthing} and {sqlthing2}?",
                "my {db} query with a LEFT JOIN on {table} returns duplicate rows, why?",
                "how do I speed up a slow COUNT(*) on a {n}0 million row table in {db}?",
                "is it bad practice to use SELECT * in production {db} queries?",
                "explain window functions with an example about {sqlsubject}",
                "should I index the {column} column if I filter on it in every query?",
                "can you turn this into SQL for me: {sqlsubject} grouped by {dim2}",
            },
            { // travel and weather, close to the travel templates
                "is {month} a good time to visit {city} if I hate crowds?",
                "what's a realistic daily budget for {n} days in {city}?",
                "should I bring an umbrella to {city} this weekend?",
                "best neighbourhood to stay in {city} for a first-time visitor?",
                "how do I get from the airport to the centre of {city} at night?",
                "we're flying to {city} with a {n}-month-old baby, any tips?",
                "does it usually snow in {city} in {month}?",
                "{city} or {city2} for a long weekend in {month}?",
            },
            { // creative writing, close to the haiku and post templates
                "write a {form} about {subject}",
                "help me write a toast for my {relation}'s {event}",
                "give me {n} title ideas for a blog post about {blogsubject}",
                "rewrite this so it sounds less passive-aggressive: '{passive}'",
                "write a {form} about {subject} that rhymes",
                "I need a two-line bio for {platform}, I work as a {job}",
            },
            { // email and messaging, close to the email templates
                "how do I politely tell my {relation} that I can't make it to their {event}?",
                "what's a good subject line for an email asking {person} for a reference?",
                "help me reply to a recruiter from {company} who offered a {job} role",
                "is it rude to follow up on an email after {n} days?",
                "how should I sign off an email to a {relation} I haven't spoken to in years?",
            },
            { // cooking
                "what can I cook with {ing}, {ing2} and {ing3} in under {mins} minutes?",
                "can I substitute {ing} for {ing2} in {dish}?",
                "give me a {diet} meal plan for {n} days",
                "how do I stop my {dish} from turning out {texture}?",
                "how long does cooked {ing} keep in the fridge?",
            },
            { // maths and units, close to the conversion templates
                "what is {big} divided by {n}?",
                "if I invest {price} a month at {n}% for {n2} years, how much will I have?",
                "solve for x: {n}x + {n2} = {big}",
                "is {n}{kg} too heavy for a carry-on bag?",
                "roughly how warm is {n}0 degrees Fahrenheit?",
                "how many {n}-minute slots fit into a {n2}-hour day?",
                "what's the probability of rolling at least one six in {n} dice throws?",
            },
            { // career and life
                "I have an interview for a {job} role on {day}, what should I prepare?",
                "how do I ask for a raise after {n} years at the same company?",
                "is it worth getting a {cert} certification as a {job}?",
                "how many rest days a week should I take if I run {n} km a day?",
                "is it okay to drink coffee after {time}?",
                "should I pay off my {debt} or invest in {invest} first?",
                "how does a {invest} differ from a savings account?",
            },
            { // explanations, close to the explain templates
                "can you explain {concept} in simple terms with an example from {domain}?",
                "what's the intuition behind {concept}?",
                "why do people say '{saying}'?",
                "who {achievement} and why did it matter?",
                "what was daily life like in {city} in the {century} century?",
                "give me a one-paragraph history of {histtopic}",
            },
            { // support-like complaints, close to the support templates
                "hi, i was charged twice on {date} and nobody answers the phone. what do i do",
                "my {product} stopped charging after {n} weeks, is that covered by warranty?",
                "the app keeps logging me out since the update on {day}, anyone else?",
                "where can i find my invoice for {month}?",
                "how do i get a refund if the seller doesn't reply for {n} days?",
                "my package says delivered but it isn't here, what should I do first?",
            },
            { // translation, close to the translation templates
                "how do you say '{shortphrase}' in {lang}?",
                "is '{shortphrase}' too formal in {lang}?",
                "what's the most natural {lang} for '{shortphrase}' in a text to a friend?",
                "which is easier to learn for an English speaker, {lang} or {lang2}?",
            },
            { // shell and git, close to the shell and git templates
                "what's the difference between {gitcmd} and {gitcmd2}, and when would I use each?",
                "how do I undo the last {n} commits without losing my changes?",
                "why does `{shellcmd}` say permission denied?",
                "is there a faster alternative to {unixtool} for searching {big} files?",
                "my git history is a mess after {gitcmd}, how do I clean it up?",
            },
            { // shopping and products, close to the product templates
                "which is better for {use}, the {product} or the {product2}?",
                "is the {product} worth it at {price}?",
                "what should I look for when buying a used {ptype}?",
                "gift ideas under {price} for a {relation} who loves {hobby}?",
            },
            { // misc
                "tell me a joke about {jokesubject}",
                "what should I name my {pet}? it's {petdesc}",
                "plan a surprise birthday party for my {relation} on a budget of {price}",
                "how do I get my {n}-year-old to {kidtask}?",
                "what's a fun thing to do on a rainy {day} in {city}?",
                "recommend {n} books like {book}",
            },
        };

        static final Map<String, String[]> POOLS =
                Map.ofEntries(
                        Map.entry(
                                "tool",
                                new String[] {
                                    "npm install",
                                    "docker build",
                                    "pip",
                                    "my Jest test",
                                    "gradle",
                                    "the VS Code debugger",
                                    "cargo build",
                                    "webpack",
                                    "kubectl",
                                    "Terraform"
                                }),
                        Map.entry(
                                "symptom",
                                new String[] {
                                    "hang forever",
                                    "use 100% CPU",
                                    "fail with a timeout",
                                    "print nothing",
                                    "crash silently",
                                    "get slower every run",
                                    "ignore my config file"
                                }),
                        Map.entry(
                                "action",
                                new String[] {
                                    "am behind a corporate proxy",
                                    "run it on an M2 Mac",
                                    "use WSL",
                                    "add a second module",
                                    "switch to Node 22",
                                    "run it in CI",
                                    "mount a volume"
                                }),
                        Map.entry(
                                "codetask",
                                new String[] {
                                    "read a large file line by line",
                                    "deep copy a nested object",
                                    "debounce a function",
                                    "parse ISO dates",
                                    "run tasks in parallel",
                                    "handle retries",
                                    "format money",
                                    "compare two JSON files",
                                    "generate a UUID",
                                    "hash a password"
                                }),
                        Map.entry(
                                "plang",
                                new String[] {
                                    "Python",
                                    "TypeScript",
                                    "Go",
                                    "Rust",
                                    "Java",
                                    "Kotlin",
                                    "C#",
                                    "Ruby",
                                    "Elixir",
                                    "Swift"
                                }),
                        Map.entry(
                                "plang2",
                                new String[] {
                                    "Go", "Rust", "Java", "Python", "Node", "Scala", "Zig"
                                }),
                        Map.entry(
                                "usecase",
                                new String[] {
                                    "a CLI tool",
                                    "web scraping",
                                    "a high-traffic API",
                                    "data pipelines",
                                    "a hobby game",
                                    "embedded devices",
                                    "my first backend"
                                }),
                        Map.entry(
                                "errline",
                                new String[] {
                                    "'Segmentation fault (core dumped)'",
                                    "'permission denied'",
                                    "'killed'",
                                    "'too many open files'",
                                    "'address already in use'",
                                    "'certificate verify failed'"
                                }),
                        Map.entry(
                                "arch",
                                new String[] {
                                    "microservices",
                                    "a monorepo",
                                    "GraphQL",
                                    "event sourcing",
                                    "serverless",
                                    "a modular monolith"
                                }),
                        Map.entry(
                                "db",
                                new String[] {
                                    "Postgres",
                                    "MySQL",
                                    "SQLite",
                                    "SQL Server",
                                    "BigQuery",
                                    "Snowflake",
                                    "Oracle"
                                }),
                        Map.entry(
                                "sqlthing",
                                new String[] {
                                    "WHERE",
                                    "COUNT(*)",
                                    "UNION",
                                    "a CTE",
                                    "INNER JOIN",
                                    "DELETE",
                                    "a view",
                                    "CHAR"
                                }),
                        Map.entry(
                                "sqlthing2",
                                new String[] {
                                    "HAVING",
                                    "COUNT(1)",
                                    "UNION ALL",
                                    "a subquery",
                                    "LEFT JOIN",
                                    "TRUNCATE",
                                    "a materialized view",
                                    "VARCHAR"
                                }),
                        Map.entry(
                                "sqlsubject",
                                new String[] {
                                    "monthly sales",
                                    "employee salaries",
                                    "daily signups",
                                    "stock prices",
                                    "support tickets",
                                    "exam scores"
                                }),
                        Map.entry(
                                "column",
                                new String[] {
                                    "created_at",
                                    "status",
                                    "email",
                                    "tenant_id",
                                    "country",
                                    "is_deleted"
                                }),
                        Map.entry("dim2", new String[] {"week", "country", "customer", "channel"}),
                        Map.entry(
                                "form",
                                new String[] {
                                    "limerick",
                                    "short story",
                                    "sonnet",
                                    "rap verse",
                                    "bedtime story",
                                    "poem",
                                    "six-word story"
                                }),
                        Map.entry(
                                "subject",
                                new String[] {
                                    "my cat who hates Mondays",
                                    "a robot learning to cook",
                                    "the last bookstore on Earth",
                                    "a programmer who can't stop refactoring",
                                    "a dragon afraid of heights",
                                    "moving to a new city",
                                    "coffee"
                                }),
                        Map.entry(
                                "relation",
                                new String[] {
                                    "sister",
                                    "best friend",
                                    "boss",
                                    "grandmother",
                                    "brother-in-law",
                                    "coworker",
                                    "neighbour",
                                    "dad"
                                }),
                        Map.entry(
                                "event",
                                new String[] {
                                    "wedding",
                                    "retirement party",
                                    "baby shower",
                                    "housewarming",
                                    "graduation",
                                    "50th birthday",
                                    "leaving drinks"
                                }),
                        Map.entry(
                                "blogsubject",
                                new String[] {
                                    "remote work burnout",
                                    "learning Rust after Python",
                                    "budget travel in {city}",
                                    "home composting",
                                    "our switch to a four-day week"
                                }),
                        Map.entry(
                                "passive",
                                new String[] {
                                    "As per my last email, the file is attached.",
                                    "Not sure if you saw my message, but the deadline was yesterday.",
                                    "Thanks for finally getting back to me.",
                                    "Per our conversation, I'll do it myself then."
                                }),
                        Map.entry(
                                "platform",
                                new String[] {
                                    "LinkedIn",
                                    "Instagram",
                                    "a conference badge",
                                    "our company website",
                                    "Mastodon"
                                }),
                        Map.entry(
                                "ing",
                                new String[] {
                                    "chickpeas",
                                    "spinach",
                                    "leftover rice",
                                    "eggs",
                                    "tofu",
                                    "salmon",
                                    "sweet potatoes",
                                    "feta",
                                    "lentils",
                                    "mushrooms"
                                }),
                        Map.entry(
                                "ing2",
                                new String[] {
                                    "coconut milk",
                                    "butter",
                                    "yogurt",
                                    "honey",
                                    "garlic",
                                    "lemons",
                                    "tomatoes",
                                    "oat milk"
                                }),
                        Map.entry(
                                "ing3",
                                new String[] {
                                    "cumin",
                                    "parmesan",
                                    "ginger",
                                    "black beans",
                                    "kale",
                                    "chorizo",
                                    "basil"
                                }),
                        Map.entry("mins", new String[] {"15", "20", "30", "45"}),
                        Map.entry(
                                "dish",
                                new String[] {
                                    "banana bread",
                                    "risotto",
                                    "pancakes",
                                    "curry",
                                    "sourdough",
                                    "lasagna",
                                    "brownies"
                                }),
                        Map.entry(
                                "diet",
                                new String[] {
                                    "vegetarian",
                                    "high-protein",
                                    "low-FODMAP",
                                    "budget",
                                    "gluten-free",
                                    "Mediterranean"
                                }),
                        Map.entry(
                                "texture",
                                new String[] {
                                    "soggy", "dry", "rubbery", "burnt on the bottom", "too dense"
                                }),
                        Map.entry("kg", new String[] {"kg", " kg", " pounds", "lb"}),
                        Map.entry(
                                "cert",
                                new String[] {
                                    "AWS", "PMP", "CISSP", "Scrum Master", "CFA", "Kubernetes"
                                }),
                        Map.entry(
                                "debt",
                                new String[] {
                                    "student loan", "car loan", "credit card", "mortgage"
                                }),
                        Map.entry(
                                "invest",
                                new String[] {
                                    "an index fund",
                                    "a Roth IRA",
                                    "bonds",
                                    "an ETF",
                                    "a high-yield savings account"
                                }),
                        Map.entry(
                                "domain",
                                new String[] {
                                    "cooking",
                                    "football",
                                    "online shopping",
                                    "music",
                                    "gardening",
                                    "banking"
                                }),
                        Map.entry(
                                "saying",
                                new String[] {
                                    "the map is not the territory",
                                    "correlation is not causation",
                                    "don't let perfect be the enemy of good",
                                    "there's no free lunch"
                                }),
                        Map.entry(
                                "achievement",
                                new String[] {
                                    "invented the printing press",
                                    "discovered penicillin",
                                    "wrote the first compiler",
                                    "mapped the human genome",
                                    "built the first airplane"
                                }),
                        Map.entry("century", new String[] {"12th", "15th", "18th", "19th"}),
                        Map.entry(
                                "histtopic",
                                new String[] {
                                    "the Silk Road",
                                    "the internet",
                                    "the Ottoman Empire",
                                    "coffee",
                                    "the bicycle",
                                    "Unicode"
                                }),
                        Map.entry(
                                "shortphrase",
                                new String[] {
                                    "I miss you",
                                    "break a leg",
                                    "see you soon",
                                    "no worries",
                                    "it's on the house",
                                    "I'm running late",
                                    "congratulations on the new job"
                                }),
                        Map.entry(
                                "lang2",
                                new String[] {
                                    "Spanish",
                                    "Italian",
                                    "Mandarin",
                                    "Dutch",
                                    "Korean",
                                    "Portuguese"
                                }),
                        Map.entry(
                                "gitcmd2",
                                new String[] {
                                    "git merge",
                                    "git rebase",
                                    "git revert",
                                    "git fetch",
                                    "git restore",
                                    "git stash pop"
                                }),
                        Map.entry(
                                "shellcmd",
                                new String[] {
                                    "./deploy.sh",
                                    "sudo npm install -g yarn",
                                    "docker ps",
                                    "cat /var/log/auth.log",
                                    "pip install ."
                                }),
                        Map.entry("unixtool", new String[] {"grep", "find", "ack", "locate"}),
                        Map.entry(
                                "use",
                                new String[] {
                                    "video editing",
                                    "running",
                                    "a small apartment",
                                    "travelling",
                                    "students",
                                    "home office calls"
                                }),
                        Map.entry(
                                "product2",
                                new String[] {
                                    "Lumen Air",
                                    "Kestrel Max",
                                    "Zephyr 3",
                                    "Orbit Mini",
                                    "Fjord Ultra"
                                }),
                        Map.entry(
                                "ptype",
                                new String[] {
                                    "road bike", "DSLR camera", "laptop", "car", "piano", "sofa"
                                }),
                        Map.entry(
                                "hobby",
                                new String[] {
                                    "hiking",
                                    "baking",
                                    "board games",
                                    "photography",
                                    "jazz",
                                    "gardening"
                                }),
                        Map.entry(
                                "jokesubject",
                                new String[] {
                                    "databases",
                                    "cats",
                                    "accountants",
                                    "Mondays",
                                    "the cloud",
                                    "penguins"
                                }),
                        Map.entry(
                                "pet",
                                new String[] {"puppy", "kitten", "hamster", "parrot", "goldfish"}),
                        Map.entry(
                                "petdesc",
                                new String[] {
                                    "tiny and grumpy",
                                    "orange and very loud",
                                    "black with white socks",
                                    "always hungry",
                                    "scared of everything"
                                }),
                        Map.entry(
                                "kidtask",
                                new String[] {
                                    "eat vegetables",
                                    "sleep before nine",
                                    "read more",
                                    "stop biting nails",
                                    "tidy their room"
                                }),
                        Map.entry(
                                "book",
                                new String[] {
                                    "Project Hail Mary",
                                    "Sapiens",
                                    "The Name of the Wind",
                                    "Atomic Habits",
                                    "Pachinko",
                                    "Dune"
                                }));

        static String prompt(SplittableRandom r) {
            String[] family = FAMILIES[r.nextInt(FAMILIES.length)];
            String body = Values.fill(pick(r, family), r);
            String opener = pick(r, OPENERS);
            String closer = pick(r, CLOSERS);
            int style = r.nextInt(10);
            if (style < 5) {
                body = Character.toUpperCase(body.charAt(0)) + body.substring(1);
            }
            if (opener.endsWith(". ") || opener.endsWith("? ")) {
                body = Character.toUpperCase(body.charAt(0)) + body.substring(1);
            } else if (opener.endsWith(", ") && !body.startsWith("I ")) {
                body = Character.toLowerCase(body.charAt(0)) + body.substring(1);
            }
            String text = opener + body + closer;
            if (style == 9) {
                text = text.toLowerCase(Locale.ROOT);
            }
            return text;
        }

        static String filler(String f, SplittableRandom r) {
            String base = f;
            if (f.endsWith("2") && !POOLS.containsKey(f)) {
                base = f.substring(0, f.length() - 1);
            }
            String[] pool = POOLS.get(base);
            if (pool == null) {
                if ("city".equals(base)
                        || "lang".equals(base)
                        || "product".equals(base)
                        || "gitcmd".equals(base)) {
                    return Values.filler(base, r);
                }
                throw new IllegalArgumentException("unknown filler {" + f + "}");
            }
            return Values.fill(pick(r, pool), r);
        }
    }
}
