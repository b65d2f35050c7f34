package dev.memorygraph.model;

import java.util.List;

/**
 * What the PII stage found in an event and did about it. Types and counts only, never values.
 *
 * @param policy {@code flag}, {@code redact} or {@code vault}, as applied to this event
 * @param types the PII types found, sorted by name
 * @param counts how many of each, in the order of {@code types}
 * @param textSecretId under {@code vault}: the Data Vault secret holding the original text
 */
public record PiiReport(
        String policy, List<String> types, List<Integer> counts, String textSecretId) {

    public boolean found() {
        return types != null && !types.isEmpty();
    }

    public int total() {
        return counts == null ? 0 : counts.stream().mapToInt(Integer::intValue).sum();
    }
}
