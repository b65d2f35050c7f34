package dev.memorygraph.operators.pii;

import dev.memorygraph.operators.text.EnglishWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-process NER: no network, no model download. It finds names by their shape and context
 * rather than by knowing them, so names it has never seen are found:
 *
 * <ol>
 *   <li><b>Name-like words.</b> A capitalised word that is not a common English word (SCOWL's list,
 *       {@link EnglishWords}) nor a known non-name ({@code pii/ner/not-names.txt}: products,
 *       languages, months...); a common word that is a listed given name, place or organisation
 *       when it is not the first of a sentence ("John", "Victoria"); or a capitalised common word
 *       next to one of those ("Grace Wanjiru"). A lower-case word that no list knows counts after a
 *       strong cue ("talk to nyokabi", {@code "assignee": "farrukh"}, "dr. ayodele").
 *   <li><b>Spans.</b> Adjacent name-like words, joined by particles ({@code van der}, {@code bin},
 *       {@code de la}), initials and hyphens; an organisation's words joined by {@code of}, {@code
 *       de}, {@code &} ("University of Tartu"). Titles and a possessive {@code 's} stay outside.
 *   <li><b>Type.</b> An organisation suffix or keyword ({@code pii/ner/org-suffixes.txt}: GmbH,
 *       Ltd, University, Hospital...) or a known organisation makes an {@code ORG}; a known place,
 *       a place cue before it ("in", "near", "based in", "moved to", {@code city:}) a {@code GPE};
 *       "at" an {@code ORG}; everything else is a {@code PERSON}, the type redaction must not miss.
 * </ol>
 *
 * English-centric; see the README for recall and precision on names in none of its lists.
 * Thread-safe.
 */
public final class ContextRecognizer implements NamedEntityRecognizer {

    private static final Set<String> TITLES =
            Set.of("mr", "mrs", "ms", "dr", "prof", "sir", "dame", "mx", "miss", "madam");
    private static final Set<String> PARTICLES =
            Set.of(
                    "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "do", "du",
                    "la", "le", "bin", "bint", "ibn", "al", "el", "von", "zu", "ter", "ten", "ó",
                    "ní", "mac", "ould", "te", "y", "st");
    private static final Set<String> ORG_CONNECTORS =
            Set.of("of", "de", "do", "da", "des", "du", "der", "für", "&", "and", "for", "y", "e");

    /** Words before a name that make it a place. */
    private static final Set<String> PLACE_CUES =
            Set.of(
                    "in",
                    "near",
                    "around",
                    "outside",
                    "across",
                    "throughout",
                    "towards",
                    "toward",
                    "inside",
                    "within");

    /** Words before "to"/"from" that make the name after them a place. */
    private static final Set<String> MOVE_CUES =
            Set.of(
                    "move",
                    "moved",
                    "moving",
                    "moves",
                    "fly",
                    "flew",
                    "flying",
                    "flight",
                    "flights",
                    "travel",
                    "travelling",
                    "traveling",
                    "trip",
                    "relocate",
                    "relocated",
                    "relocating",
                    "drive",
                    "drove",
                    "driving",
                    "train",
                    "route",
                    "shipping",
                    "ship",
                    "shipped",
                    "go",
                    "going",
                    "went",
                    "visit",
                    "back",
                    "based",
                    "born",
                    "come",
                    "comes",
                    "came",
                    "ticket",
                    "tickets",
                    "journey",
                    "commute",
                    "bus",
                    "ferry",
                    "road",
                    "shipment",
                    "shipments",
                    "delivery",
                    "deliveries",
                    "parcel",
                    "package",
                    "expansion",
                    "expand",
                    "expanding",
                    "relocation",
                    "export",
                    "exports",
                    "exporting",
                    "postage",
                    "distance");

    /** Between two names of one list: the second has the first's type. */
    private static final Pattern ENUMERATION =
            Pattern.compile("(,| and|,? or|,? and| &| \\|| /|,? then| instead of| vs\\.?)\\s?");

    /** Words before a name that make it an organisation. */
    private static final Set<String> ORG_VERBS =
            Set.of(
                    "founded",
                    "join",
                    "joins",
                    "joining",
                    "joined",
                    "acquires",
                    "acquired",
                    "acquire",
                    "represent",
                    "represents",
                    "representing",
                    "cofounded",
                    "co-founded");

    /** Words before "by" that make the name after it an organisation. */
    private static final Set<String> ORG_BY_CUES =
            Set.of(
                    "sponsored",
                    "hosted",
                    "funded",
                    "owned",
                    "acquired",
                    "run",
                    "organised",
                    "organized",
                    "backed",
                    "operated",
                    "supported",
                    "employed",
                    "hired",
                    "regulated",
                    "audited",
                    "published",
                    "manufactured",
                    "insured");

    /** Endings of company and brand names (PayPal, Shopify, Freshworks...). */
    private static final List<String> BRAND_ENDINGS =
            List.of(
                    "pay", "com", "bank", "soft", "works", "ware", "tech", "corp", "mart", "pedia",
                    "stack", "ify", "gram", "hub", "labs", "net", "ex", "tel");

    /** Nouns after "the X" that make X a place. */
    private static final Set<String> PLACE_NOUNS =
            Set.of(
                    "office",
                    "offices",
                    "team",
                    "branch",
                    "warehouse",
                    "plant",
                    "factory",
                    "site",
                    "store",
                    "pilot",
                    "campus",
                    "market",
                    "hub",
                    "depot",
                    "airport",
                    "station",
                    "region",
                    "area",
                    "clinic",
                    "lab",
                    "launch",
                    "rollout",
                    "conference",
                    "workshop",
                    "meetup",
                    "trip",
                    "visit",
                    "weather",
                    "time",
                    "apartment",
                    "flat",
                    "house",
                    "distributor",
                    "distributors",
                    "users",
                    "customers",
                    "residents",
                    "economy",
                    "government",
                    "border",
                    "coast");

    /** Words before "from" that make the name after it a sender, not a place. */
    private static final Set<String> SENDER_CUES =
            Set.of(
                    "email",
                    "e-mail",
                    "mail",
                    "emails",
                    "message",
                    "messages",
                    "note",
                    "notes",
                    "letter",
                    "call",
                    "calls",
                    "reply",
                    "invoice",
                    "invoices",
                    "courier",
                    "text",
                    "feedback",
                    "update",
                    "quote",
                    "offer",
                    "request",
                    "ticket",
                    "order",
                    "response",
                    "memo",
                    "thanks",
                    "dm",
                    "comment",
                    "comments",
                    "review",
                    "pr",
                    "approval",
                    "complaint",
                    "report",
                    "reports",
                    "minutes",
                    "someone",
                    "somebody",
                    "friend",
                    "colleague",
                    "apart",
                    "and",
                    "away",
                    "hear",
                    "heard",
                    "learn",
                    "learned",
                    "borrowed",
                    "got",
                    "received",
                    "quotes",
                    "contract");

    /** Words before "of" that make the name after it a place. */
    private static final Set<String> PLACE_OF_CUES =
            Set.of(
                    "city",
                    "town",
                    "region",
                    "province",
                    "state",
                    "outskirts",
                    "mayor",
                    "suburbs",
                    "centre",
                    "center",
                    "capital",
                    "county",
                    "district",
                    "village",
                    "municipality",
                    "prefecture",
                    "port",
                    "language",
                    "people",
                    "government",
                    "economy",
                    "history",
                    "weather",
                    "culture",
                    "residents",
                    "citizens",
                    "population",
                    "north",
                    "south",
                    "east",
                    "west",
                    "heart",
                    "streets");

    /** Words before a lower-case word that make it a person's name. */
    private static final Set<String> PERSON_CUES =
            Set.of(
                    "dear", "hi", "hey", "hello", "thanks", "thank", "cc", "ping", "ask", "tell",
                    "told", "asked", "dr", "mr", "mrs", "ms", "prof", "remind", "invite", "meet",
                    "met", "dm", "todo", "call", "add", "user", "did", "w", "called", "named",
                    "name", "via", "pinged", "thx", "ty");

    /** Words before "for" that make a lower-case word after it a person's name. */
    private static final Set<String> FOR_CUES =
            Set.of(
                    "asking",
                    "ask",
                    "asked",
                    "plan",
                    "gift",
                    "present",
                    "message",
                    "note",
                    "card",
                    "letter",
                    "bio",
                    "reference",
                    "appointment",
                    "ticket",
                    "covering");

    /** Words before "to"/"with" that make a lower-case word after them a person's name. */
    private static final Set<String> TALK_CUES =
            Set.of(
                    "talk",
                    "talked",
                    "speak",
                    "spoke",
                    "send",
                    "sent",
                    "reply",
                    "write",
                    "forward",
                    "chat",
                    "meeting",
                    "call",
                    "lunch",
                    "sync",
                    "catch",
                    "check",
                    "email",
                    "message",
                    "text",
                    "introduce",
                    "pair",
                    "hand",
                    "give",
                    "this",
                    "it",
                    "them",
                    "that",
                    "over",
                    "back");

    /** Words after a sentence's first word that make that word a verb. */
    private static final Set<String> IMPERATIVE_OBJECTS =
            Set.of(
                    "the", "these", "this", "that", "those", "a", "an", "my", "our", "your", "all",
                    "it", "me", "us", "them", "every", "each", "his", "her", "their", "some",
                    "any");

    private static final Pattern KEY_BEFORE =
            Pattern.compile("[\"']?([A-Za-z_]+)[\"']?\\s*[:=]\\s*[\"']?\\s*$");
    private static final Set<String> ORG_KEYS =
            Set.of(
                    "org",
                    "organisation",
                    "organization",
                    "company",
                    "employer",
                    "vendor",
                    "supplier",
                    "customer",
                    "client",
                    "account",
                    "bank",
                    "insurer",
                    "school",
                    "university",
                    "hospital",
                    "agency",
                    "partner");
    private static final Set<String> PLACE_KEYS =
            Set.of(
                    "city",
                    "region",
                    "location",
                    "country",
                    "place",
                    "state",
                    "province",
                    "town",
                    "destination",
                    "origin",
                    "office",
                    "site",
                    "county",
                    "hometown");
    private static final Set<String> PERSON_KEYS =
            Set.of(
                    "name",
                    "assignee",
                    "owner",
                    "maintainer",
                    "requester",
                    "author",
                    "contact",
                    "user",
                    "cc",
                    "reviewer",
                    "reporter",
                    "patient",
                    "employee",
                    "manager",
                    "customer_name",
                    "full_name",
                    "fullname",
                    "first_name",
                    "last_name",
                    "signed",
                    "approver",
                    "attendee",
                    "attendees",
                    "from",
                    "to",
                    "driver",
                    "guest",
                    "student",
                    "teacher",
                    "doctor",
                    "tenant",
                    "landlord",
                    "sender",
                    "recipient");

    private final Set<String> givenNames;
    private final Set<String> places;
    private final Set<String> organisations;
    private final Set<String> orgWords;
    private final Set<String> orgWordsExact;
    private final Set<String> notNames;
    private final int longestPlace;

    public ContextRecognizer() {
        this.givenNames = lowerCase(words(lines("first-names.txt")));
        this.places = lowerCase(lines("gpe.txt"));
        this.organisations = lowerCase(lines("orgs.txt"));
        this.orgWordsExact = Set.copyOf(lines("org-suffixes.txt"));
        this.orgWords = lowerCase(lines("org-suffixes.txt"));
        this.notNames = lowerCase(lines("not-names.txt"));
        this.longestPlace = places.stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
    }

    @Override
    public CompletableFuture<List<PiiFinding>> recognize(String text, String language) {
        return CompletableFuture.completedFuture(find(text));
    }

    /** Synchronous form of {@link #recognize}. */
    public List<PiiFinding> find(String text) {
        List<PiiFinding> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        List<Token> tokens = tokens(text);
        int n = tokens.size();

        boolean[] nameLike = new boolean[n];
        for (int i = 0; i < n; i++) {
            nameLike[i] = nameLike(text, tokens, i);
        }
        // a capitalised common word next to a name-like one is part of the name
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                Token t = tokens.get(i);
                if (!nameLike[i]
                        && t.capitalised
                        && !t.allCaps
                        && t.word.length() > 1
                        && !isNotName(t)
                        && !TITLES.contains(stripDot(t.lower))
                        && (!t.sentenceStart || keyBefore(text, t.start) != null)
                        && (i > 0 && anchor(tokens, nameLike, i - 1) && joined(text, tokens, i - 1)
                                || i + 1 < n
                                        && anchor(tokens, nameLike, i + 1)
                                        && joined(text, tokens, i))) {
                    nameLike[i] = true;
                }
            }
        }
        int i = 0;
        while (i < n) {
            Token t = tokens.get(i);
            boolean lowerName = !t.capitalised && lowerCaseName(text, tokens, i);
            if (!nameLike[i] && !lowerName) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && joined(text, tokens, end - 1)) {
                Token next = tokens.get(end);
                if (nameLike[end]
                        || lowerName && !next.capitalised && unknownLowerCase(next)
                        || isOrgWord(next)) {
                    end++;
                } else if (isParticle(next) || isInitial(next)) {
                    int after = end;
                    while (after < n
                            && (isParticle(tokens.get(after)) || isInitial(tokens.get(after)))
                            && joined(text, tokens, after)) {
                        after++;
                    }
                    if (after < n && after > end && nameLike[after]) {
                        end = after + 1;
                    } else {
                        break;
                    }
                } else if (ORG_CONNECTORS.contains(next.lower)
                        && end + 1 < n
                        && joined(text, tokens, end)
                        && (nameLike[end + 1] || tokens.get(end + 1).capitalised)
                        && (hasOrgWord(tokens, i, end) || orgAhead(text, tokens, end + 1))) {
                    end += 2;
                } else {
                    break;
                }
            }
            // initials before a name: "A. K. Ramanathan"
            int start = i;
            while (start > 0
                    && isInitial(tokens.get(start - 1))
                    && joined(text, tokens, start - 1)) {
                start--;
            }
            out.add(
                    classify(
                            text,
                            tokens,
                            start,
                            end,
                            out.isEmpty() ? null : out.get(out.size() - 1)));
            i = end;
        }
        return out;
    }

    /** A name-like word, or a capitalised organisation word ("Capital" in "Ridge Capital LP"). */
    private boolean anchor(List<Token> tokens, boolean[] nameLike, int i) {
        return nameLike[i] || tokens.get(i).capitalised && isOrgWord(tokens.get(i));
    }

    /** The type of {@code tokens[from, to)}; {@code previous} is the finding before, if any. */
    private PiiFinding classify(
            String text, List<Token> tokens, int from, int to, PiiFinding previous) {
        Token first = tokens.get(from);
        Token last = tokens.get(to - 1);
        String name = joinLower(tokens, from, to);
        String key = keyBefore(text, first.start);
        String p1 = from > 0 ? tokens.get(from - 1).lower : "";
        String p2 = from > 1 ? tokens.get(from - 2).lower : "";
        boolean titled = TITLES.contains(stripDot(p1));
        String next = to < tokens.size() ? tokens.get(to).lower : "";
        String between = previous == null ? null : text.substring(previous.end(), first.start);
        PiiType type;
        if (!titled && (hasOrgWord(tokens, from, to) || organisations.contains(name))) {
            type = PiiType.ORG;
        } else if (between != null && previous.type() == PiiType.PERSON && between.equals(" (")) {
            type = PiiType.ORG; // an affiliation: "Ysolde Farringale (Razorpay)"
        } else if (between != null
                && between.equals(", ")
                && previous.start() > 0
                && text.charAt(previous.start() - 1) == '('
                && previous.type() == PiiType.ORG) {
            type = PiiType.GPE; // "(Pertamina, Sindh)"
        } else if (between != null
                && previous.type() != PiiType.PERSON
                && ENUMERATION.matcher(between).matches()) {
            type = previous.type(); // "in Mwanza, Makassar and Salalah"
        } else if (!titled
                && (ORG_VERBS.contains(p1)
                        || p1.equals("of") && p2.equals("behalf")
                        || p1.equals("by") && ORG_BY_CUES.contains(p2)
                        || next.equals("acquires")
                        || next.equals("acquired")
                        || to - from == 1 && brandLike(first))) {
            type = PiiType.ORG;
        } else if (titled || key != null && PERSON_KEYS.contains(key)) {
            type = PiiType.PERSON;
        } else if (key != null && ORG_KEYS.contains(key)) {
            type = PiiType.ORG;
        } else if (key != null && PLACE_KEYS.contains(key)
                || places.contains(name)
                || longestKnownPlace(tokens, from, to)
                || PLACE_CUES.contains(p1)
                || (p1.equals("to") || p1.equals("via")) && MOVE_CUES.contains(p2)
                || p1.equals("from") && !SENDER_CUES.contains(p2)
                || p1.equals("of") && PLACE_OF_CUES.contains(p2)
                || p1.equals("based")
                || p1.equals("visiting")
                || p1.equals("visit")) {
            type = PiiType.GPE;
        } else if (p1.equals("the")
                && to < tokens.size()
                && PLACE_NOUNS.contains(tokens.get(to).lower)
                && !last.possessive) {
            type = PiiType.GPE; // "the Jeonju office"
        } else if (p1.equals("to")
                && previous != null
                && previous.type() == PiiType.GPE
                && from > 1
                && tokens.get(from - 2).end == previous.end()) {
            type = PiiType.GPE; // "from Sfax to Gulu"
        } else if (p1.equals("at") && !tokens.get(from).possessive) {
            type = PiiType.ORG;
        } else {
            type = PiiType.PERSON;
        }
        return new PiiFinding(type, first.start, last.end, type == PiiType.PERSON ? 0.8 : 0.75);
    }

    /** A one-word name ending like a company or brand, capitalised once ("Razorpay"). */
    private static boolean brandLike(Token t) {
        for (String ending : BRAND_ENDINGS) {
            if (t.lower.length() >= ending.length() + 3 && t.lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** A case change inside the word that names do not have: "PageRank", "ChromeOS". */
    private static boolean camelCase(String word) {
        for (int k = 1; k < word.length(); k++) {
            if (Character.isUpperCase(word.charAt(k))
                    && Character.isLowerCase(word.charAt(k - 1))
                    && !(word.startsWith("Mc") && k == 2)
                    && !(word.startsWith("Mac") && k == 3)
                    && !((word.startsWith("De")
                                    || word.startsWith("Di")
                                    || word.startsWith("La")
                                    || word.startsWith("Le")
                                    || word.startsWith("Da"))
                            && k == 2)) {
                return true;
            }
        }
        return false;
    }

    private boolean nameLike(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!t.capitalised || t.allCaps || isNotName(t) || TITLES.contains(stripDot(t.lower))) {
            return false;
        }
        if (camelCase(t.word)) {
            return false;
        }
        int hyphen = t.word.indexOf('-');
        if (hyphen > 0
                && hyphen + 1 < t.word.length()
                && Character.isLowerCase(t.word.charAt(hyphen + 1))
                && isEnglish(t.lower.substring(0, hyphen))
                && isEnglish(t.lower.substring(hyphen + 1))) {
            return false; // "Follow-up", "Check-in", not "Soo-ah"
        }
        if (t.sentenceStart) {
            if (i + 1 < tokens.size() && IMPERATIVE_OBJECTS.contains(tokens.get(i + 1).lower)) {
                return false; // a verb: "Dedupe these vendors", "Redact the names"
            }
        }
        if (isOrgWord(t) && !(i > 0 && tokens.get(i - 1).capitalised)) {
            return false;
        }
        if (t.lower.endsWith("-style")
                || t.lower.endsWith("-like")
                || t.lower.endsWith("-based")
                || t.lower.endsWith("esque")
                || t.lower.endsWith("ean") && t.lower.length() > 7) {
            return false; // "Victorian-style", "Shakespearean"
        }
        if (t.word.length() == 1 || t.word.indexOf('\'') > 0 || t.word.indexOf('’') > 0) {
            return false; // "I", "I'm", "don't"
        }
        boolean common = isEnglish(t.lower);
        if (!common) {
            return true;
        }
        // a common word: a name only mid-sentence, and only when a list knows it as one
        return !t.sentenceStart
                && (givenNames.contains(t.lower)
                        || organisations.contains(t.lower)
                        || places.contains(t.lower));
    }

    /** Whether the word, or it without a plural or verb ending, is a common English word. */
    private static boolean isEnglish(String lower) {
        if (EnglishWords.contains(lower)) {
            return true;
        }
        for (String ending : ENDINGS) {
            if (lower.length() > ending.length() + 2
                    && lower.endsWith(ending)
                    && EnglishWords.contains(
                            lower.substring(0, lower.length() - ending.length()))) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> ENDINGS =
            List.of("s", "es", "ed", "d", "ing", "ly", "er", "ers");

    /** A lower-case word no list knows, after a strong cue: "ask nyokabi", "dr. ayodele". */
    private boolean lowerCaseName(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.word.length() < 3 || !unknownLowerCase(t)) {
            return false;
        }
        String key = keyBefore(text, t.start);
        if (key != null) {
            return PERSON_KEYS.contains(key);
        }
        if (t.start > 0 && text.charAt(t.start - 1) == '@'
                || text.regionMatches(true, Math.max(0, t.start - 5), "todo(", 0, 5)) {
            return true; // a mention or a code comment's owner: "@wanjiru", "TODO(halvard)"
        }
        if (i == 0) {
            return false;
        }
        String p1 = stripDot(tokens.get(i - 1).lower);
        String p2 = i > 1 ? tokens.get(i - 2).lower : "";
        boolean cue =
                PERSON_CUES.contains(p1)
                        || TITLES.contains(p1)
                        || (p1.equals("to") || p1.equals("with")) && TALK_CUES.contains(p2)
                        || p1.equals("for") && FOR_CUES.contains(p2);
        return cue && joined(text, tokens, i - 1);
    }

    private boolean unknownLowerCase(Token t) {
        return allLetters(t.word)
                && !isEnglish(t.lower)
                && !isNotName(t)
                && !t.lower.equals("pls")
                && !t.lower.equals("plz");
    }

    private static boolean allLetters(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (!Character.isLetter(word.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private boolean orgAhead(String text, List<Token> tokens, int from) {
        for (int k = from; k < tokens.size() && k < from + 4; k++) {
            if (isOrgWord(tokens.get(k))) {
                return true;
            }
            if (k + 1 < tokens.size() && !joined(text, tokens, k)) {
                return false;
            }
        }
        return false;
    }

    private boolean hasOrgWord(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (isOrgWord(tokens.get(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the word is a legal form or an organisation word: exactly as listed ("AS", "GmbH",
     * "s.r.o."), or capitalised for a listed capitalised word ("University", "Hospital").
     */
    private boolean isOrgWord(Token t) {
        return orgWordsExact.contains(t.word)
                || t.capitalised && t.word.length() > 3 && !t.allCaps && orgWords.contains(t.lower);
    }

    private boolean isNotName(Token t) {
        return notNames.contains(t.lower)
                || t.lower.endsWith("s")
                        && notNames.contains(t.lower.substring(0, t.lower.length() - 1));
    }

    private static boolean isParticle(Token t) {
        return PARTICLES.contains(t.lower);
    }

    private static boolean isInitial(Token t) {
        return t.word.length() == 2
                && Character.isUpperCase(t.word.charAt(0))
                && t.word.charAt(1) == '.';
    }

    private boolean longestKnownPlace(List<Token> tokens, int from, int to) {
        return to - from <= longestPlace && places.contains(joinLower(tokens, from, to));
    }

    /**
     * Whether token {@code i} and the next are one phrase: a single space or hyphen between them,
     * no sentence end, comma or possessive.
     */
    private static boolean joined(String text, List<Token> tokens, int i) {
        if (i + 1 >= tokens.size()) {
            return false;
        }
        Token a = tokens.get(i);
        Token b = tokens.get(i + 1);
        if (a.possessive || a.endsSentence) {
            return false;
        }
        for (int k = a.end; k < b.start; k++) {
            char c = text.charAt(k);
            if (c != ' ' && !(c == '.' && isInitial(a))) {
                return false;
            }
        }
        return b.start - a.end <= 2;
    }

    /** The key of a {@code key: value} or {@code "key": "value"} pair ending just before. */
    private static String keyBefore(String text, int start) {
        // the pattern ends in [:=]\s*["']?\s*$: without a ':' or '=' there, it cannot match
        int k = skipSpace(text, start - 1);
        if (k >= 0 && (text.charAt(k) == '"' || text.charAt(k) == '\'')) {
            k = skipSpace(text, k - 1);
        }
        if (k < 0 || text.charAt(k) != ':' && text.charAt(k) != '=' || start - k > 40) {
            return null;
        }
        int from = Math.max(0, start - 40);
        Matcher m = KEY_BEFORE.matcher(text.substring(from, start));
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** The index of the last character at or before {@code i} that is not {@code \s}, or -1. */
    private static int skipSpace(String text, int i) {
        while (i >= 0 && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i;
    }

    private static String stripDot(String word) {
        return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    }

    private static String joinLower(List<Token> tokens, int from, int to) {
        StringBuilder name = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                name.append(' ');
            }
            name.append(tokens.get(k).lower);
        }
        return name.toString();
    }

    /**
     * The words of the text: a letter or mark, then letters, marks, digits and {@code '’.&-}; or a
     * lone {@code &}. Scanned by hand (the regular expression {@code
     * [\p{L}\p{M}][\p{L}\p{M}\p{Nd}'’.&-]*|&} it replaces was a third of the recognizer's time).
     */
    private List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (letterOrMark(cp)) {
                int end = i + Character.charCount(cp);
                while (end < n) {
                    int next = text.codePointAt(end);
                    if (!letterOrMark(next)
                            && !Character.isDigit(next)
                            && "'’.&-".indexOf(next) < 0) {
                        break;
                    }
                    end += Character.charCount(next);
                }
                out.add(token(text, i, end));
                i = end;
            } else if (cp == '&') {
                out.add(token(text, i, i + 1));
                i++;
            } else {
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    /** {@code \p{L}} or {@code \p{M}}. */
    private static boolean letterOrMark(int cp) {
        if (cp < 0x80) {
            return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp)
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private Token token(String text, int start, int end) {
        String word = text.substring(start, end);
        boolean possessive = false;
        if (word.endsWith("'s") || word.endsWith("’s")) {
            word = word.substring(0, word.length() - 2);
            end -= 2;
            possessive = true;
        }
        boolean endsSentence = false;
        while (word.length() > 1
                && (word.endsWith(".")
                        || word.endsWith("-")
                        || word.endsWith("'")
                        || word.endsWith("’"))) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (word.endsWith(".")
                    && (TITLES.contains(stripDot(lower))
                            || orgWordsExact.contains(word)
                            || word.length() == 2 && Character.isUpperCase(word.charAt(0))
                            || word.indexOf('.') < word.length() - 1)) {
                break; // "Dr.", "Inc.", "K.", "S.A."
            }
            endsSentence |= word.endsWith(".");
            word = word.substring(0, word.length() - 1);
            end--;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        boolean capitalised = Character.isUpperCase(word.charAt(0));
        boolean allCaps =
                word.length() >= 2
                        && word.chars()
                                .filter(Character::isLetter)
                                .allMatch(Character::isUpperCase);
        return new Token(
                word,
                lower,
                start,
                end,
                capitalised,
                allCaps && !orgWordsExact.contains(word),
                sentenceStart(text, start),
                possessive,
                endsSentence);
    }

    private static boolean sentenceStart(String text, int start) {
        int i = start - 1;
        while (i >= 0
                && (text.charAt(i) == ' '
                        || text.charAt(i) == '"'
                        || text.charAt(i) == '('
                        || text.charAt(i) == '*'
                        || text.charAt(i) == '-')) {
            i--;
        }
        return i < 0 || ".!?\n:;/#>|".indexOf(text.charAt(i)) >= 0;
    }

    private record Token(
            String word,
            String lower,
            int start,
            int end,
            boolean capitalised,
            boolean allCaps,
            boolean sentenceStart,
            boolean possessive,
            boolean endsSentence) {}

    private static Set<String> lowerCase(List<String> entries) {
        Set<String> out = new HashSet<>();
        for (String e : entries) {
            out.add(e.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static List<String> words(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.addAll(List.of(line.split("\\s+")));
        }
        return out;
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = ContextRecognizer.class.getResourceAsStream("/pii/ner/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource pii/ner/" + resource);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    out.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
