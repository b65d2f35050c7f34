package dev.memorygraph.batch.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monthly compliance report's content, the same for the PDF and the JSON: counts only, never
 * text, PII values or user ids. Per tenant and overall ({@link Section}); then what only exists
 * overall (dead letters have no trustworthy tenant), the month's archival runs and erasures, and
 * the retention check.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ComplianceReport {

    /** One tenant's month, or every tenant's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Section {
        /** Distinct events by the topic they came from. */
        public Map<String, Long> eventsByTopic = new TreeMap<>();

        /** Distinct events by type ({@code PROMPT}, {@code RESPONSE}, {@code SESSION}). */
        public Map<String, Long> eventsByType = new TreeMap<>();

        /** Distinct events by UTC day ({@code 2026-11-03}). */
        public Map<String, Long> dailyEvents = new TreeMap<>();

        /** PII findings by type (counts of findings, not of events). */
        public Map<String, Long> piiFindings = new TreeMap<>();

        /** Events by the PII policy applied to them. */
        public Map<String, Long> piiPolicies = new TreeMap<>();

        /** Texts kept in the Data Vault (events with a vault secret). */
        public long vaultSecrets;

        /** From the daily rollups: responses, tokens and cost (USD of priced responses). */
        public long responses;

        public long promptTokens;
        public long completionTokens;
        public long totalTokens;
        public double costUsd;

        long events() {
            return eventsByType.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** {@code 2026-11}. */
    public String month;

    public String from;
    public String until;
    public String generatedAt;

    public Section overall = new Section();
    public Map<String, Section> tenants = new TreeMap<>();

    /** Dead letters of the month by reason code. */
    public Map<String, Long> deadLetters = new TreeMap<>();

    /** Records written to the reconciliation topic this month (failed store writes). */
    public long reconciliations;

    /** Records written to the re-enrichment topic this month (partial enrichments). */
    public long reenrichments;

    /** Archives finished this month: id, week, rows, tenants. */
    public List<Map<String, Object>> archivalRuns = new ArrayList<>();

    /** Users erased this month (tombstones written). */
    public long erasures;

    /** Anything of events before this instant still in a hot store breaks the retention. */
    public String retentionCutoff;

    /**
     * Per store, how much older than the cutoff it still holds (lake: files; -1: the store cannot
     * tell); a store with a count above 0 is a violation.
     */
    public Map<String, Long> retention = new TreeMap<>();

    /** Where a part of the report could not be filled, and why (a store off, a topic missing). */
    public List<String> notes = new ArrayList<>();

    /** The stores with data older than the cutoff. */
    List<String> violations() {
        return retention.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    byte[] toJson() throws IOException {
        return JSON.writeValueAsBytes(this);
    }

    static ComplianceReport fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, ComplianceReport.class);
    }
}
