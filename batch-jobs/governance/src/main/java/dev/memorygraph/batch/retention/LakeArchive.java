package dev.memorygraph.batch.retention;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.operators.lake.EventLake;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The lake's side of archival: which committed files hold a week, their rows copied as stored into
 * one lake-format Parquet file per tenant (and part), and the files deleted once the archive is
 * verified. The lake is partitioned by event time ({@code dt=…/hour=…}), so a week is seven days of
 * partitions and deleting it removes whole files: no live file is ever rewritten.
 */
final class LakeArchive implements HotStore {

    static final String NO_TENANT = "_none";

    private final String lake;
    private final String compression;

    LakeArchive(String lake, String compression) {
        this.lake = lake.replaceAll("/+$", "");
        this.compression = compression;
    }

    @Override
    public String name() {
        return "lake";
    }

    /** Days (UTC) that have a partition in the lake, in order. */
    List<LocalDate> days() throws IOException {
        Path root = new Path(lake);
        FileSystem fs = root.getFileSystem();
        List<LocalDate> days = new ArrayList<>();
        if (!fs.exists(root)) {
            return days;
        }
        for (FileStatus status : fs.listStatus(root)) {
            String name = status.getPath().getName();
            if (status.isDir() && name.startsWith("dt=")) {
                try {
                    days.add(LocalDate.parse(name.substring(3)));
                } catch (java.time.format.DateTimeParseException e) {
                    // not a partition of ours
                }
            }
        }
        days.sort(null);
        return days;
    }

    /** The committed files of the seven days from {@code monday}, sorted by path. */
    List<String> files(LocalDate monday) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        for (int d = 0; d < 7; d++) {
            files.addAll(filesOf(monday.plusDays(d)));
        }
        return new ArrayList<>(files);
    }

    /** The committed files of one day's partitions. */
    private List<String> filesOf(LocalDate date) throws IOException {
        List<String> files = new ArrayList<>();
        Path day = new Path(lake, "dt=" + date);
        FileSystem fs = day.getFileSystem();
        if (!fs.exists(day)) {
            return files;
        }
        for (FileStatus hour : fs.listStatus(day)) {
            if (!hour.isDir()) {
                continue;
            }
            for (FileStatus file : fs.listStatus(hour.getPath())) {
                String name = file.getPath().getName();
                if (!file.isDir()
                        && name.endsWith(EventLake.FILE_SUFFIX)
                        && !name.startsWith(".")
                        && !name.startsWith("_")) {
                    files.add(file.getPath().toString());
                }
            }
        }
        return files;
    }

    /**
     * Copies every row of {@code archive}'s lake files into files under {@code dir}, one per tenant
     * (a new part each {@code rowsPerObject} rows), records the objects, counts and ids in {@code
     * archive}, and returns the ids.
     */
    ArchivedIds export(Archive archive, java.nio.file.Path dir, String keyPrefix, int rowsPerObject)
            throws IOException {
        Files.createDirectories(dir);
        BulkWriter.Factory<EnrichedEvent> format = EventLake.fileWriter(compression);
        Map<String, Part> open = new HashMap<>();
        List<Part> parts = new ArrayList<>();
        ArchivedIds.Builder ids = new ArchivedIds.Builder();
        Map<EventType, java.util.Set<String>> events = new java.util.EnumMap<>(EventType.class);
        long rows = 0;
        try {
            for (String file : archive.lakeFiles) {
                StreamFormat.Reader<EnrichedEvent> reader = EventLake.openFile(new Path(file));
                try {
                    for (EnrichedEvent row = reader.read(); row != null; row = reader.read()) {
                        rows++;
                        String tenant = row.tenantId() == null ? NO_TENANT : row.tenantId();
                        Part part = open.get(tenant);
                        if (part == null || part.rows >= rowsPerObject) {
                            if (part != null) {
                                part.finish();
                            }
                            int n = part == null ? 0 : part.object.part + 1;
                            part = new Part(dir, keyPrefix, archive, tenant, n, format);
                            open.put(tenant, part);
                            parts.add(part);
                        }
                        part.add(row);
                        archive.tenants.merge(tenant, 1L, Long::sum);
                        collect(row, ids, events);
                    }
                } finally {
                    reader.close();
                }
            }
        } finally {
            for (Part part : open.values()) {
                part.finish();
            }
        }
        archive.rows = rows;
        archive.events.clear();
        events.forEach((type, set) -> archive.events.put(type.name(), (long) set.size()));
        archive.objects.clear();
        for (Part part : parts) {
            part.digest();
            archive.objects.add(part.object);
        }
        return ids.build();
    }

    /** The ids a lake row stands for in the hot stores. */
    private static void collect(
            EnrichedEvent row,
            ArchivedIds.Builder ids,
            Map<EventType, java.util.Set<String>> events) {
        EventType type = row.event().type();
        events.computeIfAbsent(type, t -> new java.util.HashSet<>()).add(row.eventId());
        switch (type) {
            case PROMPT -> ids.prompt(row.eventId(), row.tenantId());
            case RESPONSE -> ids.response(row.eventId());
            case SESSION -> {}
        }
        ids.session(row.event().sessionId());
    }

    /** Every committed file of the lake, sorted by path. */
    List<String> allFiles() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        for (LocalDate day : days()) {
            files.addAll(filesOf(day));
        }
        return new ArrayList<>(files);
    }

    /** Whether {@code row} is the user's (in the tenant, when the erasure names one). */
    static boolean belongsTo(EnrichedEvent row, String user, String tenant) {
        return user.equals(dev.memorygraph.operators.erasure.ErasedUsersFilter.userOf(row))
                && (tenant == null || tenant.equals(row.tenantId()));
    }

    /**
     * Reads every lake file for {@code user}'s rows: their ids, Data Vault secrets and files go to
     * the arguments; returns the rows found.
     */
    long scan(
            String user,
            String tenant,
            ArchivedIds.Builder ids,
            java.util.Set<String> secrets,
            java.util.Set<String> files)
            throws IOException {
        long rows = 0;
        for (String file : allFiles()) {
            StreamFormat.Reader<EnrichedEvent> reader = EventLake.openFile(new Path(file));
            try {
                for (EnrichedEvent row = reader.read(); row != null; row = reader.read()) {
                    if (belongsTo(row, user, tenant)) {
                        rows++;
                        files.add(file);
                        collect(row, ids, new java.util.EnumMap<>(EventType.class));
                        if (row.pii() != null && row.pii().textSecretId() != null) {
                            secrets.add(row.pii().textSecretId());
                        }
                    }
                }
            } finally {
                reader.close();
            }
        }
        return rows;
    }

    /**
     * Rewrites each of the user's files without their rows: the copy is written under a hidden
     * name, renamed to {@code <file>-erased-<key>.parquet} (a rerun writes the same name again),
     * and only then is the original deleted, so no other row is ever missing from the lake.
     */
    @Override
    public long erase(UserErasure user) throws IOException {
        long removed = 0;
        BulkWriter.Factory<EnrichedEvent> format = EventLake.fileWriter(compression);
        for (String file : user.files()) {
            Path original = new Path(file);
            FileSystem fs = original.getFileSystem();
            if (!fs.exists(original)) {
                continue;
            }
            String name = original.getName();
            String base = name.substring(0, name.length() - EventLake.FILE_SUFFIX.length());
            Path copy =
                    new Path(
                            original.getParent(),
                            base
                                    + "-erased-"
                                    + user.key().substring(0, 16)
                                    + EventLake.FILE_SUFFIX);
            Path hidden = new Path(original.getParent(), "." + copy.getName() + ".inprogress");
            long[] counts;
            try (FSDataOutputStream out = fs.create(hidden, FileSystem.WriteMode.OVERWRITE)) {
                counts = copyWithout(original, out, format, user.user(), user.tenant(), row -> {});
            }
            long kept = counts[0];
            removed += counts[1];
            if (kept > 0) {
                fs.delete(copy, false);
                if (!fs.rename(hidden, copy)) {
                    throw new IOException("cannot commit the rewritten copy of a lake file");
                }
            } else {
                fs.delete(hidden, false);
            }
            fs.delete(original, false);
        }
        return removed;
    }

    /**
     * Copies the rows of lake file {@code in} but {@code user}'s into {@code out} in {@code format}
     * (only counts when {@code out} is {@code null}); the user's rows go to {@code left}. Returns
     * the rows kept and the rows left out.
     */
    static long[] copyWithout(
            Path in,
            FSDataOutputStream out,
            BulkWriter.Factory<EnrichedEvent> format,
            String user,
            String tenant,
            java.util.function.Consumer<EnrichedEvent> left)
            throws IOException {
        long kept = 0;
        long removed = 0;
        BulkWriter<EnrichedEvent> writer = out == null ? null : format.create(out);
        StreamFormat.Reader<EnrichedEvent> reader = EventLake.openFile(in);
        try {
            for (EnrichedEvent row = reader.read(); row != null; row = reader.read()) {
                if (belongsTo(row, user, tenant)) {
                    removed++;
                    left.accept(row);
                } else {
                    kept++;
                    if (writer != null) {
                        writer.addElement(row);
                    }
                }
            }
        } finally {
            reader.close();
        }
        if (writer != null) {
            writer.finish();
        }
        return new long[] {kept, removed};
    }

    @Override
    public long remainingOf(UserErasure user) throws IOException {
        return scan(
                user.user(),
                user.tenant(),
                new ArchivedIds.Builder(),
                new java.util.HashSet<>(),
                new java.util.HashSet<>());
    }

    @Override
    public long olderThan(Instant cutoff) throws IOException {
        LocalDate last = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        long files = 0;
        for (LocalDate day : days()) {
            if (day.isBefore(last)) {
                files += filesOf(day).size();
            }
        }
        return files;
    }

    /** The local file of an object exported into {@code dir}. */
    static java.nio.file.Path localFile(java.nio.file.Path dir, Archive.ArchiveObject object) {
        return dir.resolve(object.key.substring(object.key.lastIndexOf("/tenant=") + 1));
    }

    @Override
    public long delete(Archive archive, ArchivedIds ids) throws IOException {
        long deleted = 0;
        for (String file : archive.lakeFiles) {
            Path path = new Path(file);
            FileSystem fs = path.getFileSystem();
            if (fs.exists(path) && fs.delete(path, false)) {
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public long remaining(Archive archive, ArchivedIds ids) throws IOException {
        long left = 0;
        for (String file : archive.lakeFiles) {
            Path path = new Path(file);
            if (path.getFileSystem().exists(path)) {
                left++;
            }
        }
        return left;
    }

    /** One object being written: a tenant's part. */
    private static final class Part {
        final Archive.ArchiveObject object = new Archive.ArchiveObject();
        final java.nio.file.Path file;
        final FSDataOutputStream out;
        final BulkWriter<EnrichedEvent> writer;
        long rows;
        Instant first;
        Instant last;
        boolean finished;

        Part(
                java.nio.file.Path dir,
                String keyPrefix,
                Archive archive,
                String tenant,
                int n,
                BulkWriter.Factory<EnrichedEvent> format)
                throws IOException {
            String tenantDir = "tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8);
            String name = String.format("%s-part-%05d%s", hash(archive), n, EventLake.FILE_SUFFIX);
            object.key = keyPrefix + "/" + archive.week + "/" + tenantDir + "/" + name;
            object.tenant = tenant;
            object.part = n;
            file = dir.resolve(tenantDir).resolve(name);
            Files.createDirectories(file.getParent());
            out =
                    FileSystem.getLocalFileSystem()
                            .create(new Path(file.toUri()), FileSystem.WriteMode.OVERWRITE);
            writer = format.create(out);
        }

        void add(EnrichedEvent row) throws IOException {
            writer.addElement(row);
            rows++;
            Instant time = row.event().eventTime();
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
        }

        void finish() throws IOException {
            if (!finished) {
                finished = true;
                writer.finish();
                out.close();
            }
        }

        void digest() throws IOException {
            object.rows = rows;
            object.firstEventTime = first == null ? null : first.toString();
            object.lastEventTime = last == null ? null : last.toString();
            object.bytes = Files.size(file);
            MessageDigest sha256 = messageDigest("SHA-256");
            MessageDigest md5 = messageDigest("MD5");
            try (InputStream in =
                    new DigestInputStream(
                            new DigestInputStream(Files.newInputStream(file), sha256), md5)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            object.sha256 = Base64.getEncoder().encodeToString(sha256.digest());
            object.md5 = HexFormat.of().formatHex(md5.digest());
        }

        private static String hash(Archive archive) {
            return archive.id.substring(archive.id.lastIndexOf('/') + 1);
        }
    }

    static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JVM", e);
        }
    }

    /** The week of {@code day}: its Monday. */
    static LocalDate monday(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
