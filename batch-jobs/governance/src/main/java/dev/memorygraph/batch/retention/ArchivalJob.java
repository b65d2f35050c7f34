package dev.memorygraph.batch.retention;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.operators.lake.EventLakeRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.SchemaNormalization;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archival job (spec §4 Job 5, Sundays 01:00 UTC): every ISO week of the lake that ended more
 * than {@code archival.retention} ago is exported, uploaded to S3 in {@code GLACIER} (or the
 * configured class), verified from S3, and only then deleted from the hot stores and the lake; the
 * archive is then entered in the catalog.
 *
 * <p>A small state machine per archive ({@link Archive.State}), recorded in the bucket after every
 * step, so that a run that crashes anywhere is finished by the next: unfinished archives are taken
 * up first, from their recorded step. Every step is idempotent (a PUT replaces the same key, a
 * delete of what is gone deletes nothing), and the export is repeated only before anything was
 * deleted: after {@code VERIFIED} the recorded objects are final and the deletions go by the
 * recorded id list. Nothing is deleted from a store before its archive is {@code VERIFIED}.
 */
public final class ArchivalJob {

    public static final String NAME = "memory-graph archival";

    private static final Logger LOG = LoggerFactory.getLogger(ArchivalJob.class);

    /** Where a run is: tests stop it at each of these to show a rerun finishes the work. */
    public enum Step {
        EXPORTED,
        /** The first object is uploaded, the others not yet. */
        UPLOADING,
        UPLOADED,
        VERIFIED,
        /** The first store is cleared, the others not yet. */
        DELETING,
        DELETED,
        CATALOGED
    }

    /** Called after each step is recorded; the job's own is a no-op. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (step, archive) -> {};

        void reached(Step step, Archive archive) throws Exception;
    }

    private final ArchivalOptions.Settings settings;
    private final ArchiveStore bucket;
    private final LakeArchive lake;
    private final List<HotStore> stores;
    private final Path workDir;
    private final Progress progress;

    ArchivalJob(
            ArchivalOptions.Settings settings,
            ArchiveStore bucket,
            LakeArchive lake,
            List<HotStore> stores,
            Path workDir,
            Progress progress) {
        this.settings = settings;
        this.bucket = bucket;
        this.lake = lake;
        this.stores = stores;
        this.workDir = workDir;
        this.progress = progress;
    }

    public static void main(String[] args) {
        BoundedJobs.main(NAME, args, ArchivalJob::run);
    }

    static BoundedJobs.Outcome run(Configuration config, StreamExecutionEnvironment env)
            throws Exception {
        return run(config, Progress.NONE);
    }

    static BoundedJobs.Outcome run(Configuration config, Progress progress) throws Exception {
        ArchivalOptions.Settings settings = ArchivalOptions.settings(config);
        String lakePath = EventLakeOptions.path(config);
        LakeArchive lake = new LakeArchive(lakePath, config.get(EventLakeOptions.COMPRESSION));
        List<HotStore> stores = new ArrayList<>();
        try (ArchiveStore bucket = ArchiveStore.open(config, settings.bucket())) {
            stores.addAll(HotStore.open(config, lake));
            ArchivalJob job =
                    new ArchivalJob(
                            settings,
                            bucket,
                            lake,
                            stores,
                            Path.of(config.get(ArchivalOptions.WORK_DIR)),
                            progress);
            return job.archive();
        } finally {
            for (HotStore store : stores) {
                store.close();
            }
        }
    }

    /** Finishes the unfinished archives, then archives every week past the cutoff. */
    BoundedJobs.Outcome archive() throws Exception {
        List<Archive> done = new ArrayList<>();
        for (String key : bucket.list(settings.prefix() + "/_state/")) {
            if (key.endsWith(".json")) {
                Archive unfinished = Archive.fromJson(bucket.get(key).orElseThrow());
                LOG.info("{}: taking up {} at {}", NAME, unfinished.id, unfinished.state);
                done.add(finish(unfinished));
            }
        }
        LocalDate lastMonday =
                LakeArchive.monday(
                        LocalDate.ofInstant(settings.cutoff(), java.time.ZoneOffset.UTC));
        java.util.TreeSet<LocalDate> weeks = new java.util.TreeSet<>();
        for (LocalDate day : lake.days()) {
            LocalDate monday = LakeArchive.monday(day);
            // a week is archived whole, once it ended before the cutoff
            if (monday.isBefore(lastMonday)) {
                weeks.add(monday);
            }
        }
        for (LocalDate monday : weeks) {
            List<String> files = lake.files(monday);
            if (!files.isEmpty()) {
                done.add(finish(export(monday, files)));
            }
        }
        long rows = done.stream().mapToLong(a -> a.rows).sum();
        long objects = done.stream().mapToLong(a -> a.objects.size()).sum();
        Map<String, Long> deleted = new TreeMap<>();
        done.forEach(a -> a.deleted.forEach((store, n) -> deleted.merge(store, n, Long::sum)));
        return new BoundedJobs.Outcome(
                ExitCode.SUCCESS,
                String.format(
                        "%d archives, %d rows in %d objects, deleted %s; catalog at s3://%s/%s/catalog/",
                        done.size(), rows, objects, deleted, settings.bucket(), settings.prefix()));
    }

    /** Exports the week's files and records the archive as {@code EXPORTED}. */
    Archive export(LocalDate monday, List<String> files) throws Exception {
        Archive archive = new Archive();
        String week =
                String.format(
                        "week=%d-W%02d",
                        monday.get(IsoFields.WEEK_BASED_YEAR),
                        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        var digest = LakeArchive.messageDigest("SHA-256");
        for (String file : files) {
            digest.update(
                    file.substring(file.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        archive.id = week + "/" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        archive.week = week;
        archive.from = LakeArchive.start(monday).toString();
        archive.until = LakeArchive.start(monday.plusDays(7)).toString();
        archive.storageClass = settings.storageClass();
        archive.bucket = settings.bucket();
        archive.schemaFingerprint =
                Long.toHexString(
                        SchemaNormalization.parsingFingerprint64(EventLakeRecords.schema()));
        archive.createdAt = settings.now().toString();
        archive.lakeFiles = new ArrayList<>(files);
        archive.idsKey = stateKey(archive, ".ids.gz");
        exportLocally(archive);
        return archive;
    }

    /** Writes the archive's objects and id list under the work directory, then the journal. */
    private void exportLocally(Archive archive) throws Exception {
        Path dir = workDir.resolve(archive.id);
        ArchivedIds ids = lake.export(archive, dir, settings.prefix(), settings.rowsPerObject());
        long written = 0;
        for (Archive.ArchiveObject object : archive.objects) {
            long footer;
            try (ParquetFileReader reader =
                    ParquetFileReader.open(
                            new LocalInputFile(LakeArchive.localFile(dir, object)))) {
                footer = reader.getRecordCount();
            }
            if (footer != object.rows) {
                throw new IOException(
                        object.key
                                + " holds "
                                + footer
                                + " rows, "
                                + object.rows
                                + " were written");
            }
            written += footer;
        }
        if (written != archive.rows) {
            throw new IOException(
                    archive.id + ": " + written + " rows exported of " + archive.rows + " read");
        }
        Path idsFile = dir.resolve("ids.gz");
        ids.write(idsFile);
        archive.idsSha256 = sha256(Files.readAllBytes(idsFile));
        record(archive, Archive.State.EXPORTED);
        LOG.info(
                "{}: {} exported, {} rows in {} objects, {} ids",
                NAME,
                archive.id,
                archive.rows,
                archive.objects.size(),
                ids.all().size());
        progress.reached(Step.EXPORTED, archive);
    }

    /** Takes {@code archive} from its recorded step to the catalog. */
    Archive finish(Archive archive) throws Exception {
        if (archive.state == Archive.State.EXPORTED) {
            upload(archive);
        }
        if (archive.state == Archive.State.UPLOADED) {
            verify(archive);
        }
        if (archive.state == Archive.State.VERIFIED) {
            delete(archive);
        }
        if (archive.state == Archive.State.DELETED) {
            catalog(archive);
        }
        return archive;
    }

    private void upload(Archive archive) throws Exception {
        Path dir = workDir.resolve(archive.id);
        if (!exportedLocally(archive, dir)) {
            // a new machine, or a crash during the export: nothing is deleted yet, export again
            LOG.info("{}: {} exporting again (local files gone or changed)", NAME, archive.id);
            exportLocally(archive);
        }
        boolean first = true;
        for (Archive.ArchiveObject object : archive.objects) {
            if (uploaded(object)) {
                continue;
            }
            bucket.putArchive(
                    object.key,
                    LakeArchive.localFile(dir, object),
                    archive.storageClass,
                    Base64.getEncoder().encodeToString(HexFormat.of().parseHex(object.md5)),
                    object.sha256,
                    Map.of(
                            "sha256", object.sha256,
                            "rows", Long.toString(object.rows),
                            "archive", archive.id,
                            "schema", archive.schemaFingerprint));
            if (first) {
                first = false;
                progress.reached(Step.UPLOADING, archive);
            }
        }
        bucket.put(archive.idsKey, Files.readAllBytes(dir.resolve("ids.gz")), "application/gzip");
        record(archive, Archive.State.UPLOADED);
        LOG.info("{}: {} uploaded, {} objects", NAME, archive.id, archive.objects.size());
        progress.reached(Step.UPLOADED, archive);
    }

    /** Whether the export's files are still under {@code dir}, as recorded. */
    private static boolean exportedLocally(Archive archive, Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("ids.gz"))
                || !archive.idsSha256.equals(sha256(Files.readAllBytes(dir.resolve("ids.gz"))))) {
            return false;
        }
        for (Archive.ArchiveObject object : archive.objects) {
            Path file = LakeArchive.localFile(dir, object);
            if (!Files.isRegularFile(file) || Files.size(file) != object.bytes) {
                return false;
            }
        }
        return true;
    }

    /** Whether S3 holds {@code object} as recorded: size, checksum and row count. */
    private boolean uploaded(Archive.ArchiveObject object) {
        return problem(object).isEmpty();
    }

    private Optional<String> problem(Archive.ArchiveObject object) {
        Optional<ArchiveStore.Facts> head = bucket.head(object.key);
        if (head.isEmpty()) {
            return Optional.of(object.key + " is missing");
        }
        ArchiveStore.Facts facts = head.get();
        if (facts.size() != object.bytes) {
            return Optional.of(object.key + " has " + facts.size() + " bytes, not " + object.bytes);
        }
        if (!object.sha256.equals(facts.metadata().get("sha256"))
                || !Long.toString(object.rows).equals(facts.metadata().get("rows"))) {
            return Optional.of(object.key + " is another export's object");
        }
        // what the server computed on receipt: its SHA-256 where it keeps one, else the MD5 ETag
        boolean checksum =
                facts.checksumSha256() != null
                        ? facts.checksumSha256().equals(object.sha256)
                        : object.md5.equalsIgnoreCase(facts.eTag());
        if (!checksum) {
            return Optional.of(object.key + " does not match its checksum");
        }
        if (facts.storageClass() != null
                && !facts.storageClass().equalsIgnoreCase(settings.storageClass())
                && !"STANDARD".equalsIgnoreCase(settings.storageClass())) {
            return Optional.of(object.key + " is in " + facts.storageClass());
        }
        return Optional.empty();
    }

    private void verify(Archive archive) throws Exception {
        List<String> problems = new ArrayList<>();
        long rows = 0;
        for (Archive.ArchiveObject object : archive.objects) {
            problem(object).ifPresent(problems::add);
            rows += object.rows;
        }
        if (rows != archive.rows) {
            problems.add(rows + " rows in the objects, " + archive.rows + " read from the lake");
        }
        Optional<byte[]> ids = bucket.get(archive.idsKey);
        if (ids.isEmpty() || !archive.idsSha256.equals(sha256(ids.get()))) {
            problems.add(archive.idsKey + " is missing or changed");
        }
        if (!problems.isEmpty()) {
            // back to the upload: the next run puts the objects again; nothing was deleted
            record(archive, Archive.State.EXPORTED);
            throw new IOException(archive.id + " failed verification: " + problems);
        }
        record(archive, Archive.State.VERIFIED);
        LOG.info("{}: {} verified, {} rows", NAME, archive.id, rows);
        progress.reached(Step.VERIFIED, archive);
    }

    private void delete(Archive archive) throws Exception {
        ArchivedIds ids = ArchivedIds.read(bucket.get(archive.idsKey).orElseThrow());
        boolean first = true;
        for (HotStore store : stores) {
            long deleted = store.delete(archive, ids);
            long left = store.remaining(archive, ids);
            if (left != 0) {
                throw new IOException(
                        archive.id + ": " + left + " archived entries still in " + store.name());
            }
            archive.deleted.merge(store.name(), deleted, Long::sum);
            record(archive, archive.state);
            LOG.info(
                    "{}: {} cleared from {}: {} deleted, 0 left",
                    NAME,
                    archive.id,
                    store.name(),
                    deleted);
            if (first) {
                first = false;
                progress.reached(Step.DELETING, archive);
            }
        }
        record(archive, Archive.State.DELETED);
        progress.reached(Step.DELETED, archive);
    }

    private void catalog(Archive archive) throws Exception {
        archive.state = Archive.State.CATALOGED;
        archive.completedAt = settings.now().toString();
        bucket.put(
                ArchiveCatalog.key(settings.prefix(), archive),
                archive.toJson(),
                "application/json");
        bucket.delete(stateKey(archive, ".json"));
        deleteTree(workDir.resolve(archive.id));
        LOG.info("{}: {} in the catalog", NAME, archive.id);
        progress.reached(Step.CATALOGED, archive);
    }

    private void record(Archive archive, Archive.State state) {
        archive.state = state;
        bucket.put(stateKey(archive, ".json"), archive.toJson(), "application/json");
    }

    private String stateKey(Archive archive, String suffix) {
        return settings.prefix() + "/_state/" + archive.id + suffix;
    }

    static String sha256(byte[] bytes) {
        return Base64.getEncoder()
                .encodeToString(LakeArchive.messageDigest("SHA-256").digest(bytes));
    }

    /** Removes a finished export's local files. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
