package dev.memorygraph.operators.pii;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What the PII stage does with an event in which it found personal data. */
public enum PiiPolicy {
    /** Text kept as it is; the event carries the PII types and counts. */
    FLAG,
    /** Each finding replaced by a typed placeholder such as {@code <EMAIL>}. */
    REDACT,
    /**
     * The text stored in the Data Vault; the event keeps {@code [ENCRYPTED - See Vault]} and the
     * secret id. Other text fields (history, documents, arguments) are redacted.
     */
    VAULT;

    public static final String VAULT_MARKER = "[ENCRYPTED - See Vault]";

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PiiPolicy parse(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Tenant policies from {@code pii.policy.tenants}: {@code tenant:policy} pairs separated by
     * commas, e.g. {@code acme:redact,globex:vault}.
     */
    public static Map<String, PiiPolicy> parseTenants(String value) {
        Map<String, PiiPolicy> out = new HashMap<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String pair : value.split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "pii.policy.tenants entries look like tenant:policy");
            }
            out.put(pair.substring(0, colon).strip(), parse(pair.substring(colon + 1)));
        }
        return out;
    }
}
