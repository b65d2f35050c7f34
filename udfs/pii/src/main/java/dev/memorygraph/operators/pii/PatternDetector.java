package dev.memorygraph.operators.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pattern detectors of the PII stage. A regular expression only proposes a candidate; each type
 * has a validator that must accept it:
 *
 * <ul>
 *   <li>{@code EMAIL}: a local part and a domain of at least two labels with an alphabetic TLD.
 *   <li>{@code PHONE}: libphonenumber's matcher with {@code VALID} leniency (a real number plan),
 *       international numbers and national numbers of the default region.
 *   <li>{@code US_SSN}: {@code AAA-GG-SSSS} (dashes or spaces) without area 000, 666 or 9xx, group
 *       00 or serial 0000.
 *   <li>{@code CREDIT_CARD}: 13–19 digits (groups of spaces or dashes), Luhn check, and a known
 *       issuer prefix (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro).
 *   <li>{@code IBAN}: country code, check digits, BBAN of that country's length, mod-97 = 1.
 *   <li>{@code IP_ADDRESS}: dotted IPv4 with octets ≤ 255; IPv6 parsed by the JDK's rules.
 * </ul>
 *
 * Candidates inside a longer token of letters, digits or hyphens (UUIDs, order numbers, version
 * strings) are not taken. Thread-safe.
 */
public final class PatternDetector {

    // Each pattern takes its first character before it looks behind it: \d(?<![\w-]\d) is
    // (?<![\w-])\d, but the matcher then tries the cheap class at every position and the
    // lookbehind only where the class matched, instead of the lookbehind everywhere. Same
    // matches, about a fifth of the time (PatternDetectorTest keeps the original forms).
    static final Pattern EMAIL =
            Pattern.compile(
                    "[A-Za-z0-9](?<![\\w.+-][A-Za-z0-9])(?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9])?"
                            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}"
                            + "(?![\\w-]|\\.[A-Za-z0-9])");
    static final Pattern SSN =
            Pattern.compile("(\\d(?<![\\w-]\\d)\\d{2})([- ])(\\d{2})\\2(\\d{4})(?![\\w-])");
    static final Pattern CARD = Pattern.compile("\\d(?<![\\w-]\\d)(?:[ -]?\\d){12,18}(?![\\w-])");
    static final Pattern IBAN =
            Pattern.compile("[A-Z](?<![\\w-][A-Z])[A-Z]\\d{2}(?: ?[A-Z0-9]){11,30}(?![\\w-])");
    static final Pattern IPV4 =
            Pattern.compile(
                    "\\d(?<![\\w.-]\\d)\\d{0,2}\\.(?:\\d{1,3}\\.){2}\\d{1,3}(?![\\w-]|\\.\\d)");
    private static final Pattern IPV6 =
            Pattern.compile(
                    "(?<![\\w:.-])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}"
                            + "(?:%[0-9A-Za-z]+)?(?![\\w:-])");

    /** BBAN length + 4 per country (ISO 13616 registry, the countries we expect to see). */
    private static final java.util.Map<String, Integer> IBAN_LENGTHS =
            java.util.Map.ofEntries(
                    java.util.Map.entry("AD", 24), java.util.Map.entry("AT", 20),
                    java.util.Map.entry("BE", 16), java.util.Map.entry("BG", 22),
                    java.util.Map.entry("CH", 21), java.util.Map.entry("CY", 28),
                    java.util.Map.entry("CZ", 24), java.util.Map.entry("DE", 22),
                    java.util.Map.entry("DK", 18), java.util.Map.entry("EE", 20),
                    java.util.Map.entry("ES", 24), java.util.Map.entry("FI", 18),
                    java.util.Map.entry("FR", 27), java.util.Map.entry("GB", 22),
                    java.util.Map.entry("GR", 27), java.util.Map.entry("HR", 21),
                    java.util.Map.entry("HU", 28), java.util.Map.entry("IE", 22),
                    java.util.Map.entry("IS", 26), java.util.Map.entry("IT", 27),
                    java.util.Map.entry("LI", 21), java.util.Map.entry("LT", 20),
                    java.util.Map.entry("LU", 20), java.util.Map.entry("LV", 21),
                    java.util.Map.entry("MC", 27), java.util.Map.entry("MT", 31),
                    java.util.Map.entry("NL", 18), java.util.Map.entry("NO", 15),
                    java.util.Map.entry("PL", 28), java.util.Map.entry("PT", 25),
                    java.util.Map.entry("RO", 24), java.util.Map.entry("SE", 24),
                    java.util.Map.entry("SI", 19), java.util.Map.entry("SK", 24),
                    java.util.Map.entry("SM", 27), java.util.Map.entry("TR", 26),
                    java.util.Map.entry("AE", 23), java.util.Map.entry("SA", 24),
                    java.util.Map.entry("IL", 23), java.util.Map.entry("BR", 29));

    private static final Set<String> ISSUER_PREFIXES_2 =
            Set.of(
                    "34", "37", "36", "38", "39", "51", "52", "53", "54", "55", "62", "65", "50",
                    "56", "57", "58", "63", "67");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /**
     * @param defaultRegion ISO 3166 region for national phone formats, e.g. {@code US}
     */
    public PatternDetector(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    public List<PiiFinding> detect(String text) {
        List<PiiFinding> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return findings;
        }
        emails(text, findings);
        ssns(text, findings);
        cards(text, findings);
        ibans(text, findings);
        ips(text, findings);
        phoneNumbers(text, findings);
        return findings;
    }

    private static void emails(String text, List<PiiFinding> out) {
        if (text.indexOf('@') < 0) {
            return;
        }
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String local = m.group().substring(0, m.group().indexOf('@'));
            if (!local.contains("..")) {
                out.add(new PiiFinding(PiiType.EMAIL, m.start(), m.end(), 0.95));
            }
        }
    }

    private static void ssns(String text, List<PiiFinding> out) {
        Matcher m = SSN.matcher(text);
        while (m.find()) {
            int area = Integer.parseInt(m.group(1));
            int group = Integer.parseInt(m.group(3));
            int serial = Integer.parseInt(m.group(4));
            boolean valid = area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
            if (valid) {
                out.add(new PiiFinding(PiiType.US_SSN, m.start(), m.end(), 0.85));
            }
        }
    }

    private static void cards(String text, List<PiiFinding> out) {
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            String candidate = m.group();
            if (!consistentSeparators(candidate)) {
                continue;
            }
            String digits = candidate.replaceAll("[ -]", "");
            if (digits.length() >= 13
                    && digits.length() <= 19
                    && knownIssuer(digits)
                    && luhn(digits)) {
                out.add(new PiiFinding(PiiType.CREDIT_CARD, m.start(), m.end(), 0.95));
            }
        }
    }

    /** Either no separators, or separators between groups of 3–6 digits (4-4-4-4, 4-6-5). */
    private static boolean consistentSeparators(String candidate) {
        if (candidate.chars().allMatch(Character::isDigit)) {
            return true;
        }
        for (String group : candidate.split("[ -]")) {
            if (group.length() < 3 || group.length() > 6) {
                return false;
            }
        }
        return true;
    }

    static boolean knownIssuer(String digits) {
        char first = digits.charAt(0);
        if (first == '4') {
            return digits.length() == 13 || digits.length() == 16 || digits.length() == 19;
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if (two == 34 || two == 37) {
            return digits.length() == 15; // Amex
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return digits.length() == 16; // Mastercard
        }
        if (four == 6011 || two == 65 || (four >= 6440 && four <= 6499)) {
            return digits.length() >= 16; // Discover
        }
        if (four >= 3528 && four <= 3589) {
            return digits.length() >= 16; // JCB
        }
        if (two == 36 || two == 38 || two == 39 || (four >= 3000 && four <= 3059)) {
            return digits.length() >= 14; // Diners
        }
        if (two == 62) {
            return digits.length() >= 16; // UnionPay
        }
        return ISSUER_PREFIXES_2.contains(digits.substring(0, 2))
                && (two == 50 || (two >= 56 && two <= 58) || two == 63 || two == 67)
                && digits.length() >= 12; // Maestro
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static void ibans(String text, List<PiiFinding> out) {
        Matcher m = IBAN.matcher(text);
        while (m.find()) {
            String iban = m.group().replace(" ", "");
            Integer length = IBAN_LENGTHS.get(iban.substring(0, 2));
            if (length != null && iban.length() == length && mod97(iban)) {
                out.add(new PiiFinding(PiiType.IBAN, m.start(), m.end(), 0.95));
            }
        }
    }

    static boolean mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else {
                digits.append(c - 'A' + 10);
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static void ips(String text, List<PiiFinding> out) {
        Matcher m4 = IPV4.matcher(text);
        while (m4.find()) {
            boolean valid = true;
            for (String octet : m4.group().split("\\.")) {
                if (octet.length() > 1 && octet.startsWith("0") || Integer.parseInt(octet) > 255) {
                    valid = false;
                }
            }
            if (valid && !afterVersionWord(text, m4.start())) {
                out.add(new PiiFinding(PiiType.IP_ADDRESS, m4.start(), m4.end(), 0.9));
            }
        }
        if (text.indexOf(':') < 0) {
            return;
        }
        Matcher m6 = IPV6.matcher(text);
        while (m6.find()) {
            String candidate = m6.group();
            if (validIpv6(candidate)) {
                out.add(new PiiFinding(PiiType.IP_ADDRESS, m6.start(), m6.end(), 0.9));
            }
        }
    }

    private static final Pattern VERSION_CONTEXT =
            Pattern.compile("(?i)\\b(version|release|upgrade|update|build)\\b[^.\\n]{0,24}$|\\bv$");

    /** "version 10.0.19041.1" and "upgrade from 2.4.1.10": four numbers that are not an address. */
    private static boolean afterVersionWord(String text, int start) {
        return VERSION_CONTEXT.matcher(text.substring(Math.max(0, start - 40), start)).find();
    }

    /** Full RFC 4291 text forms (with at most one "::"), without resolving anything. */
    static boolean validIpv6(String candidate) {
        String address =
                candidate.contains("%")
                        ? candidate.substring(0, candidate.indexOf('%'))
                        : candidate;
        int doubleColon = address.indexOf("::");
        if (doubleColon != address.lastIndexOf("::") || address.contains(":::")) {
            return false;
        }
        String[] groups = address.split(":", -1);
        int nonEmpty = 0;
        for (String group : groups) {
            if (group.length() > 4) {
                return false;
            }
            if (!group.isEmpty()) {
                nonEmpty++;
            }
        }
        if (doubleColon < 0) {
            return groups.length == 8 && nonEmpty == 8;
        }
        // "::" stands for at least one zero group; "a::b" (C++ scopes) is too weak a signal.
        return nonEmpty >= 2 && nonEmpty <= 7 && address.chars().anyMatch(Character::isDigit);
    }

    private void phoneNumbers(String text, List<PiiFinding> out) {
        if (text.chars().filter(Character::isDigit).count() < 7) {
            return;
        }
        for (PhoneNumberMatch match :
                phones.findNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.VALID, 10_000)) {
            int start = match.start();
            int end = match.end();
            if (insideToken(text, start, end)
                    || overlapsExisting(out, start, end)
                    || !match.rawString().startsWith("+") && !groupedAsWritten(match.rawString())) {
                continue;
            }
            out.add(new PiiFinding(PiiType.PHONE, start, end, 0.85));
        }
    }

    /**
     * National formats must group digits as the region writes them ("2024-000123" is an invoice
     * number); international ones (+...) only need to be valid numbers. Checked on the candidate
     * alone, so the text is scanned once.
     */
    private boolean groupedAsWritten(String candidate) {
        return phones.findNumbers(
                        candidate, defaultRegion, PhoneNumberUtil.Leniency.STRICT_GROUPING, 10)
                .iterator()
                .hasNext();
    }

    private static boolean insideToken(String text, int start, int end) {
        return start > 0 && isTokenChar(text.charAt(start - 1))
                || end < text.length() && isTokenChar(text.charAt(end));
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '/';
    }

    private static boolean overlapsExisting(List<PiiFinding> found, int start, int end) {
        for (PiiFinding f : found) {
            if (f.start() < end && start < f.end()) {
                return true;
            }
        }
        return false;
    }
}
