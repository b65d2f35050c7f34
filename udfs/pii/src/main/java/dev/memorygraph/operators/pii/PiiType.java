package dev.memorygraph.operators.pii;

/** The kinds of personal data the PII stage finds, with the placeholder redaction writes. */
public enum PiiType {
    EMAIL,
    PHONE,
    US_SSN,
    CREDIT_CARD,
    IBAN,
    IP_ADDRESS,
    PERSON,
    ORG,
    GPE;

    /** The typed placeholder that replaces a finding under the {@code redact} policy. */
    public String placeholder() {
        return "<" + name() + ">";
    }

    /** Whether a pattern with a validator finds it (the others come from NER). */
    public boolean isPattern() {
        return this != PERSON && this != ORG && this != GPE;
    }
}
