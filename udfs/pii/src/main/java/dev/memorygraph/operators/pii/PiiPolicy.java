package dev.memorygraph.operators.pii;

import dev.memorygraph.core.config.JobConfig;
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

    public static PiiPolicy parse(String key, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JobConfig.invalid(key, value, "one of flag, redact, vault is expected");
        }
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
            String tenant = colon <= 0 ? "" : pair.substring(0, colon).strip();
            if (tenant.isEmpty()) {
                throw JobConfig.invalid(
                        "pii.policy.tenants",
                        value,
                        "comma-separated tenant:policy pairs"
                                + " are expected, e.g. acme:redact,globex:vault");
            }
            PiiPolicy policy =
                    parse("pii.policy.tenants (tenant " + tenant + ")", pair.substring(colon + 1));
            if (out.put(tenant, policy) != null) {
                throw JobConfig.invalid(
                        "pii.policy.tenants", value, "tenant " + tenant + " is listed twice");
            }
        }
        return out;
    }
}
