package dev.memorygraph.batch.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One archive: a week of the lake's rows, as objects per tenant, and how far the job has got with
 * it. The same document is the job's journal ({@code _state/<id>.json}, rewritten after every step)
 * and, once the hot copies are gone, the catalog entry ({@code catalog/week=…/<id>.json}) users
 * query. Counts and keys only: never content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Archive {

    /** The steps, in order; each is recorded before the next starts. */
    public enum State {
        /** Exported to local files; their sizes, checksums and row counts are recorded. */
        EXPORTED,
        /** Every object and the id list are in the bucket. */
        UPLOADED,
        /** Every object's size, checksum and row count read back from S3 match the export. */
        VERIFIED,
        /** The archived rows are gone from the lake and every hot store, checked by count. */
        DELETED,
        /** The catalog entry is written: the archive is done. */
        CATALOGED
    }

    /** One archive object: a tenant's rows of the week (one part of them, when they are many). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class ArchiveObject {
        public String key;
        public String tenant;
        public int part;
        public long rows;
        public long bytes;
        public String sha256;
        public String md5;
        public String firstEventTime;
        public String lastEventTime;
    }

    /** {@code week=2026-W20/3f2a…}: the week and a hash of the lake files it holds. */
    public String id;

    public String week;
    public String from;
    public String until;
    public State state;
    public String storageClass;
    public String bucket;

    /** The lake's schema (Avro parsing fingerprint): what reads the objects back. */
    public String schemaFingerprint;

    public int schemaVersion = 1;
    public String createdAt;
    public String completedAt;

    /** The lake files archived (as the lake names them), deleted only once this is verified. */
    public List<String> lakeFiles = new ArrayList<>();

    public List<ArchiveObject> objects = new ArrayList<>();

    /** Rows read from the lake files, which the objects hold all of. */
    public long rows;

    /** Distinct events by type ({@code PROMPT}, {@code RESPONSE}, {@code SESSION}). */
    public Map<String, Long> events = new TreeMap<>();

    /** Rows per tenant ({@code _none} for rows without one). */
    public Map<String, Long> tenants = new TreeMap<>();

    /** The id list object: the event ids the hot stores are cleared of. */
    public String idsKey;

    public String idsSha256;

    /** Per store, what the deletion removed; the check after it found none of them left. */
    public Map<String, Long> deleted = new TreeMap<>();

    /** The erasures that rewrote this archive's objects: tombstone key, when, rows removed. */
    public List<Map<String, String>> erasures = new ArrayList<>();

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write archive " + id, e);
        }
    }

    static Archive fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, Archive.class);
    }

    /**
     * Whether {@code tenant} has rows here and the archive's week overlaps {@code [from, until)}.
     */
    boolean holds(String tenant, java.time.Instant start, java.time.Instant end) {
        boolean overlaps =
                java.time.Instant.parse(from).isBefore(end)
                        && java.time.Instant.parse(until).isAfter(start);
        return overlaps && (tenant == null || tenants.containsKey(tenant));
    }
}
