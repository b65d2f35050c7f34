package dev.memorygraph.batch.retention;

import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.operators.validate.ValidationOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** The archival job's options ({@code archival.*}); every one is checked before any work. */
public final class ArchivalOptions {

    /** The storage classes an archive may be written with. */
    static final Set<String> STORAGE_CLASSES =
            Set.of("GLACIER", "DEEP_ARCHIVE", "GLACIER_IR", "STANDARD_IA", "STANDARD");

    public static final ConfigOption<Duration> RETENTION =
            ConfigOptions.key("archival.retention")
                    .durationType()
                    .defaultValue(Duration.ofDays(180))
                    .withDescription(
                            "How long data stays in the hot stores and the lake; whole ISO weeks"
                                    + " (Monday 00:00 UTC) that ended before now minus this are"
                                    + " archived.");

    public static final ConfigOption<String> NOW =
            ConfigOptions.key("archival.now")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The run's reference time (ISO-8601 instant); the clock when not set.");

    public static final ConfigOption<String> BUCKET =
            ConfigOptions.key("archival.s3.bucket")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The S3 bucket archives, their journal and catalog go to.");

    public static final ConfigOption<String> PREFIX =
            ConfigOptions.key("archival.s3.prefix")
                    .stringType()
                    .defaultValue("memory-graph/archive")
                    .withDescription("Key prefix of everything the job writes in the bucket.");

    public static final ConfigOption<String> ENDPOINT =
            ConfigOptions.key("archival.s3.endpoint")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "An S3-compatible endpoint (http://host:port); Amazon S3 when not set.");

    public static final ConfigOption<String> REGION =
            ConfigOptions.key("archival.s3.region")
                    .stringType()
                    .defaultValue("us-east-1")
                    .withDescription("The bucket's region.");

    public static final ConfigOption<Boolean> PATH_STYLE =
            ConfigOptions.key("archival.s3.path-style-access")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Path-style addressing (bucket in the path), as most S3-compatible"
                                    + " servers need.");

    public static final ConfigOption<String> ACCESS_KEY =
            ConfigOptions.key("archival.s3.access-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Static credentials, with archival.s3.secret-key; the SDK's default"
                                    + " provider chain (environment, profile, IRSA) when not set.");

    public static final ConfigOption<String> SECRET_KEY =
            ConfigOptions.key("archival.s3.secret-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The secret of archival.s3.access-key (hidden in the web UI).");

    public static final ConfigOption<String> STORAGE_CLASS =
            ConfigOptions.key("archival.storage-class")
                    .stringType()
                    .defaultValue("GLACIER")
                    .withDescription(
                            "Storage class of the archive objects: GLACIER, DEEP_ARCHIVE, GLACIER_IR,"
                                    + " STANDARD_IA or STANDARD. Journal, id lists and catalog are"
                                    + " always STANDARD: they are read back.");

    public static final ConfigOption<String> WORK_DIR =
            ConfigOptions.key("archival.work-dir")
                    .stringType()
                    .defaultValue(System.getProperty("java.io.tmpdir") + "/memory-graph-archival")
                    .withDescription(
                            "Local directory the exports are written to before upload; lost with"
                                    + " the machine, which a rerun survives (it exports again).");

    public static final ConfigOption<Integer> ROWS_PER_OBJECT =
            ConfigOptions.key("archival.rows-per-object")
                    .intType()
                    .defaultValue(500_000)
                    .withDescription(
                            "Most rows in one archive object; more rows of a tenant's week make more"
                                    + " parts, so every object is a single PUT well under 5 GB.");

    public static final ConfigOption<String> INFLUXDB_DIALECT =
            ConfigOptions.key("archival.influxdb.dialect")
                    .stringType()
                    .defaultValue("influxdb")
                    .withDescription(
                            "How the time series are deleted: influxdb (the v2 delete API) or questdb"
                                    + " (day partitions dropped; the local stack's server).");

    private ArchivalOptions() {}

    /** The options, checked: names the first key that is wrong. */
    static Settings settings(ReadableConfig config) {
        String bucket =
                config.getOptional(BUCKET)
                        .map(String::strip)
                        .filter(b -> !b.isEmpty())
                        .orElseThrow(
                                () ->
                                        JobConfig.invalid(
                                                BUCKET.key(),
                                                null,
                                                "the archive bucket is needed"));
        Duration retention = config.get(RETENTION);
        if (retention.isNegative() || retention.isZero()) {
            throw JobConfig.invalid(RETENTION.key(), retention, "a positive duration");
        }
        String storageClass = config.get(STORAGE_CLASS).strip().toUpperCase();
        if (!STORAGE_CLASSES.contains(storageClass)) {
            throw JobConfig.invalid(
                    STORAGE_CLASS.key(), config.get(STORAGE_CLASS), "one of " + STORAGE_CLASSES);
        }
        int rows = config.get(ROWS_PER_OBJECT);
        if (rows < 1) {
            throw JobConfig.invalid(ROWS_PER_OBJECT.key(), rows, "at least 1");
        }
        if (config.getOptional(ACCESS_KEY).isPresent()
                != config.getOptional(SECRET_KEY).isPresent()) {
            throw JobConfig.invalid(
                    SECRET_KEY.key(), null, "archival.s3.access-key and its secret go together");
        }
        Instant now = Instant.now();
        if (config.getOptional(NOW).isPresent()) {
            try {
                now = Instant.parse(config.get(NOW).strip());
            } catch (DateTimeParseException e) {
                throw JobConfig.invalid(NOW.key(), config.get(NOW), "an ISO-8601 instant");
            }
        }
        String dialect = config.get(INFLUXDB_DIALECT);
        if (!Set.of("influxdb", "questdb").contains(dialect)) {
            throw JobConfig.invalid(INFLUXDB_DIALECT.key(), dialect, "influxdb or questdb");
        }
        // a week is deleted from the time series by range: no event of it may still arrive
        Duration maxAge = config.get(ValidationOptions.MAX_EVENT_AGE);
        if (retention.compareTo(maxAge.plusDays(7)) <= 0) {
            throw JobConfig.invalid(
                    RETENTION.key(),
                    retention,
                    "longer than validation.max-event-age ("
                            + maxAge
                            + ") plus a week: events of an archived week could still arrive");
        }
        String prefix = config.get(PREFIX).strip().replaceAll("^/+|/+$", "");
        return new Settings(bucket, prefix, storageClass, retention, now, rows);
    }

    /** The checked options. */
    record Settings(
            String bucket,
            String prefix,
            String storageClass,
            Duration retention,
            Instant now,
            int rowsPerObject) {

        /** Weeks that ended before this instant are archived. */
        Instant cutoff() {
            return now.minus(retention);
        }
    }
}
