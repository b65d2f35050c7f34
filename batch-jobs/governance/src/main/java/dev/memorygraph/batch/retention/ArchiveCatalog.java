package dev.memorygraph.batch.retention;

import dev.memorygraph.core.config.CommandLineConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * The catalog of archives: one JSON document per finished archive under {@code
 * <prefix>/catalog/week=…/<id>.json} in the archive bucket ({@code STANDARD} class, readable at
 * once), saying where its objects are and what they hold: tenants with row counts, the week, event
 * counts by type, each object's checksum and rows, the lake schema's fingerprint. {@link #main}
 * lists the archives of a tenant and a time range, one JSON document a line.
 */
public final class ArchiveCatalog {

    static final ConfigOption<String> TENANT =
            ConfigOptions.key("tenant")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Only archives holding this tenant's rows.");

    private ArchiveCatalog() {}

    static String key(String prefix, Archive archive) {
        return prefix + "/catalog/" + archive.id + ".json";
    }

    /** The archives holding {@code tenant} (any, when {@code null}) in {@code [from, until)}. */
    static List<Archive> query(
            ArchiveStore bucket, String prefix, String tenant, Instant from, Instant until)
            throws IOException {
        List<Archive> found = new ArrayList<>();
        for (String key : bucket.list(prefix + "/catalog/")) {
            if (key.endsWith(".json")) {
                Archive archive = Archive.fromJson(bucket.get(key).orElseThrow());
                if (archive.holds(tenant, from, until)) {
                    found.add(archive);
                }
            }
        }
        return found;
    }

    /**
     * {@code ArchiveCatalog --archival.s3.bucket B [--tenant T] [--from I --until I]}: prints the
     * matching catalog entries, one a line; exit code 0, 2 on bad arguments.
     */
    public static void main(String[] args) throws Exception {
        Configuration config = CommandLineConfig.parse(args);
        ArchivalOptions.Settings settings;
        Instant from;
        Instant until;
        try {
            settings = ArchivalOptions.settings(config);
            from = Instant.parse(config.getString("from", Instant.EPOCH.toString()));
            until = Instant.parse(config.getString("until", "9999-12-31T00:00:00Z"));
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try (ArchiveStore bucket = ArchiveStore.open(config, settings.bucket())) {
            for (Archive archive :
                    query(bucket, settings.prefix(), config.get(TENANT), from, until)) {
                System.out.println(new String(archive.toJson()).replaceAll("\\s*\\n\\s*", " "));
            }
        }
    }
}
