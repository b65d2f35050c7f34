package dev.memorygraph.batch.retention;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.operators.erasure.ErasureOptions;
import dev.memorygraph.operators.erasure.Tombstones;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.operators.pii.VaultClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure of a user (GDPR art. 17): {@code ErasureJob --user ID [--tenant T]}.
 *
 * <ol>
 *   <li>A tombstone first ({@link Tombstones}, under {@code erasure.tombstones}), then a wait of
 *       {@code erasure.refresh-interval}: from then on the streaming job drops the user's events,
 *       so a replay or a late event cannot bring them back while, or after, they are deleted.
 *   <li>The lake is read for the user's rows: their event ids, Data Vault secrets and files, kept
 *       in a journal beside the tombstone (ids only), so a rerun after a crash still knows them
 *       once the lake no longer does.
 *   <li>Neo4j, Elasticsearch, InfluxDB and Pinecone are cleared by those ids and by user (the time
 *       series anonymise the user tag where the server cannot delete by tag); the lake files are
 *       rewritten without the user's rows; the catalog's archives holding the user are rewritten
 *       too (objects in {@code GLACIER} are asked back first, and the run ends {@code INCOMPLETE}
 *       until S3 has restored them).
 *   <li>Each store is counted again: the run succeeds only when every count is 0.
 * </ol>
 *
 * The Data Vault's secrets the user's rows name are deleted ({@code DELETE /v1/secrets/{id}}) and
 * checked gone; with secrets and no {@code pii.vault.url}, the vault counts as not cleared.
 */
public final class ErasureJob {

    public static final String NAME = "memory-graph erasure";

    private static final Logger LOG = LoggerFactory.getLogger(ErasureJob.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final ConfigOption<String> USER =
            ConfigOptions.key("user")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The user to erase (--user).");

    /** What a crash must not forget: the user's ids and secrets, as the lake had them. */
    record Journal(
            List<String> prompts,
            List<String> responses,
            List<String> sessions,
            Map<String, String> promptTenants,
            List<String> secrets) {}

    private ErasureJob() {}

    public static void main(String[] args) {
        BoundedJobs.main(NAME, args, ErasureJob::run);
    }

    static BoundedJobs.Outcome run(Configuration config, StreamExecutionEnvironment env)
            throws Exception {
        String user =
                config.getOptional(USER)
                        .map(String::strip)
                        .filter(u -> !u.isEmpty())
                        .orElseThrow(
                                () -> JobConfig.invalid(USER.key(), null, "the user to erase"));
        String tenant = config.getOptional(ArchiveCatalog.TENANT).map(String::strip).orElse(null);
        ErasureOptions erasure = ErasureOptions.fromConfig(config);
        String tombstones =
                erasure.tombstones()
                        .orElseThrow(
                                () ->
                                        JobConfig.invalid(
                                                ErasureOptions.TOMBSTONES.key(),
                                                null,
                                                "the tombstones the streaming job reads"));
        boolean archives = config.getOptional(ArchivalOptions.BUCKET).isPresent();
        ArchivalOptions.Settings settings = archives ? ArchivalOptions.settings(config) : null;
        Instant now = Instant.now();

        String key = Tombstones.add(tombstones, tenant, user, now);
        LOG.info(
                "{}: tombstone {} written; waiting {} for running jobs to read it",
                NAME,
                key.substring(0, 16),
                erasure.refreshInterval());
        Thread.sleep(erasure.refreshInterval().toMillis() + 1_000);

        LakeArchive lake =
                new LakeArchive(
                        EventLakeOptions.path(config), config.get(EventLakeOptions.COMPRESSION));
        UserErasure found = find(lake, tombstones, key, user, tenant);
        LOG.info(
                "{}: {} prompts, {} responses, {} sessions, {} lake files, {} vault secrets",
                NAME,
                found.ids().prompts().size(),
                found.ids().responses().size(),
                found.ids().sessions().size(),
                found.files().size(),
                found.secrets().size());

        List<HotStore> stores = new ArrayList<>();
        Map<String, Long> removed = new TreeMap<>();
        Map<String, Long> remaining = new TreeMap<>();
        int pending = 0;
        Set<String> archived = new TreeSet<>();
        try {
            stores.addAll(HotStore.open(config, lake));
            for (HotStore store : stores) {
                removed.put(store.name(), store.erase(found));
                LOG.info("{}: {} erased", NAME, store.name());
            }
            if (archives) {
                try (ArchiveStore bucket = ArchiveStore.open(config, settings.bucket())) {
                    ArchiveErasure rewrite =
                            new ArchiveErasure(
                                    bucket,
                                    settings,
                                    found,
                                    config.get(EventLakeOptions.COMPRESSION),
                                    Path.of(config.get(ArchivalOptions.WORK_DIR)),
                                    now,
                                    tombstones);
                    removed.put("archives", rewrite.erase());
                    archived.addAll(rewrite.secrets());
                    pending = rewrite.pending();
                    remaining.put("archives", rewrite.remaining());
                }
            }
            // the lake's, the journal's (an earlier run's) and the archives' secrets
            Set<String> secrets = new TreeSet<>(found.secrets());
            secrets.addAll(archived);
            secrets.addAll(journal(tombstones, key).secrets());
            if (config.getOptional(PiiOptions.VAULT_URL).isPresent()) {
                VaultClient vault = VaultClient.fromOptions(PiiOptions.fromConfig(config));
                long deleted = 0;
                long left = 0;
                for (String secret : secrets) {
                    deleted += vault.delete(secret).get() ? 1 : 0;
                }
                for (String secret : secrets) {
                    left += vault.exists(secret).get() ? 1 : 0;
                }
                removed.put("vault", deleted);
                remaining.put("vault", left);
            } else if (!secrets.isEmpty()) {
                // secrets the user's rows name, and no vault to delete them from: not done
                remaining.put("vault", (long) secrets.size());
            }
            for (HotStore store : stores) {
                remaining.put(store.name(), store.remainingOf(found));
            }
        } finally {
            for (HotStore store : stores) {
                store.close();
            }
        }
        long left = remaining.values().stream().mapToLong(Long::longValue).sum();
        String summary =
                String.format(
                        "user erased%s: removed %s; remaining %s; %d archive objects waiting for a"
                                + " Glacier restore",
                        tenant == null ? "" : " in one tenant", removed, remaining, pending);
        ExitCode code =
                left > 0 ? ExitCode.FAILED : pending > 0 ? ExitCode.INCOMPLETE : ExitCode.SUCCESS;
        return new BoundedJobs.Outcome(code, summary);
    }

    /** The user's ids and files from the lake, merged with the journal of an earlier run. */
    static UserErasure find(
            LakeArchive lake, String tombstones, String key, String user, String tenant)
            throws IOException {
        ArchivedIds.Builder ids = new ArchivedIds.Builder();
        Set<String> secrets = new TreeSet<>();
        Set<String> files = new TreeSet<>();
        Journal earlier = journal(tombstones, key);
        earlier.prompts().forEach(id -> ids.prompt(id, earlier.promptTenants().get(id)));
        earlier.responses().forEach(ids::response);
        earlier.sessions().forEach(ids::session);
        secrets.addAll(earlier.secrets());
        lake.scan(user, tenant, ids, secrets, files);
        ArchivedIds all = ids.build();
        write(
                tombstones,
                key,
                new Journal(
                        all.prompts(),
                        all.responses(),
                        all.sessions(),
                        all.promptTenants(),
                        List.copyOf(secrets)));
        return new UserErasure(user, tenant, key, all, List.copyOf(secrets), List.copyOf(files));
    }

    /** The journal beside the tombstone, empty before the first run. */
    static Journal journal(String tombstones, String key) throws IOException {
        org.apache.flink.core.fs.Path file =
                new org.apache.flink.core.fs.Path(tombstones, key + ".ids.json");
        FileSystem fs = file.getFileSystem();
        if (!fs.exists(file)) {
            return new Journal(List.of(), List.of(), List.of(), Map.of(), List.of());
        }
        try (FSDataInputStream in = fs.open(file)) {
            return JSON.readValue(in, Journal.class);
        }
    }

    private static void write(String tombstones, String key, Journal journal) throws IOException {
        org.apache.flink.core.fs.Path file =
                new org.apache.flink.core.fs.Path(tombstones, key + ".ids.json");
        try (FSDataOutputStream out =
                file.getFileSystem().create(file, FileSystem.WriteMode.OVERWRITE)) {
            out.write(JSON.writeValueAsBytes(journal));
        }
    }

    /** Adds {@code more} secrets to the journal. */
    static void recordSecrets(String tombstones, String key, Set<String> more) throws IOException {
        Journal journal = journal(tombstones, key);
        Set<String> all = new TreeSet<>(journal.secrets());
        if (all.addAll(more)) {
            write(
                    tombstones,
                    key,
                    new Journal(
                            journal.prompts(),
                            journal.responses(),
                            journal.sessions(),
                            journal.promptTenants(),
                            List.copyOf(all)));
        }
    }

    /** The catalog's archives of the user, rewritten without their rows. */
    static final class ArchiveErasure {
        private final ArchiveStore bucket;
        private final ArchivalOptions.Settings settings;
        private final UserErasure user;
        private final String compression;
        private final Path workDir;
        private final Instant now;
        private final String tombstones;
        private final Set<String> secrets = new TreeSet<>();
        private int pending;

        ArchiveErasure(
                ArchiveStore bucket,
                ArchivalOptions.Settings settings,
                UserErasure user,
                String compression,
                Path workDir,
                Instant now,
                String tombstones) {
            this.tombstones = tombstones;
            this.bucket = bucket;
            this.settings = settings;
            this.user = user;
            this.compression = compression;
            this.workDir = workDir;
            this.now = now;
        }

        int pending() {
            return pending;
        }

        /** The Data Vault secrets of the user's archived rows. */
        Set<String> secrets() {
            return secrets;
        }

        /** Rewrites every object holding the user's rows; returns the rows removed. */
        long erase() throws Exception {
            long removed = 0;
            pending = 0;
            for (Archive archive : entries()) {
                long fromArchive = 0;
                for (Archive.ArchiveObject object : archive.objects) {
                    Path local = download(object);
                    if (local == null) {
                        continue;
                    }
                    Path rewritten = local.resolveSibling(local.getFileName() + ".erased");
                    long[] counts = rewrite(local, rewritten);
                    if (counts[1] > 0) {
                        // the secrets are only in these rows: recorded before the rows go
                        recordSecrets(tombstones, user.key(), secrets);
                        byte[] bytes = Files.readAllBytes(rewritten);
                        object.rows = counts[0];
                        object.bytes = bytes.length;
                        object.sha256 = ArchivalJob.sha256(bytes);
                        object.md5 =
                                HexFormat.of()
                                        .formatHex(LakeArchive.messageDigest("MD5").digest(bytes));
                        bucket.putArchive(
                                object.key,
                                rewritten,
                                archive.storageClass,
                                java.util.Base64.getEncoder()
                                        .encodeToString(HexFormat.of().parseHex(object.md5)),
                                object.sha256,
                                Map.of(
                                        "sha256", object.sha256,
                                        "rows", Long.toString(object.rows),
                                        "archive", archive.id,
                                        "schema", archive.schemaFingerprint));
                        archive.tenants.merge(object.tenant, -counts[1], Long::sum);
                        fromArchive += counts[1];
                    }
                    Files.deleteIfExists(local);
                    Files.deleteIfExists(rewritten);
                }
                if (fromArchive > 0) {
                    archive.rows -= fromArchive;
                    archive.tenants.values().removeIf(n -> n <= 0);
                    archive.erasures.add(
                            Map.of(
                                    "tombstone", user.key(),
                                    "at", now.toString(),
                                    "rows", Long.toString(fromArchive)));
                    bucket.put(
                            ArchiveCatalog.key(settings.prefix(), archive),
                            archive.toJson(),
                            "application/json");
                    removed += fromArchive;
                }
            }
            return removed;
        }

        /** The user's rows still in the archives that can be read. */
        long remaining() throws Exception {
            long left = 0;
            for (Archive archive : entries()) {
                for (Archive.ArchiveObject object : archive.objects) {
                    Path local = download(object);
                    if (local != null) {
                        left += rewrite(local, null)[1];
                        Files.deleteIfExists(local);
                    }
                }
            }
            return left;
        }

        private List<Archive> entries() throws IOException {
            return ArchiveCatalog.query(
                    bucket,
                    settings.prefix(),
                    user.tenant(),
                    Instant.EPOCH,
                    Instant.parse("9999-12-31T00:00:00Z"));
        }

        /** The object, downloaded; {@code null} when it waits for a restore (asked for). */
        private Path download(Archive.ArchiveObject object) throws IOException {
            if (user.tenant() != null && !user.tenant().equals(object.tenant)) {
                return null;
            }
            Path local =
                    workDir.resolve("erasure")
                            .resolve(object.sha256.replace('/', '_') + ".parquet");
            if (bucket.downloadOrRestore(object.key, local, 7)) {
                return local;
            }
            pending++;
            return null;
        }

        /**
         * {@link LakeArchive#copyWithout} of a downloaded object, to {@code out} when given; the
         * Data Vault secrets of the user's rows go to {@link #secrets}.
         */
        private long[] rewrite(Path in, Path out) throws IOException {
            org.apache.flink.core.fs.Path source = new org.apache.flink.core.fs.Path(in.toUri());
            BulkWriter.Factory<EnrichedEvent> format = EventLake.fileWriter(compression);
            java.util.function.Consumer<EnrichedEvent> left =
                    row -> {
                        if (row.pii() != null && row.pii().textSecretId() != null) {
                            secrets.add(row.pii().textSecretId());
                        }
                    };
            if (out == null) {
                return LakeArchive.copyWithout(
                        source, null, format, user.user(), user.tenant(), left);
            }
            try (FSDataOutputStream stream =
                    FileSystem.getLocalFileSystem()
                            .create(
                                    new org.apache.flink.core.fs.Path(out.toUri()),
                                    FileSystem.WriteMode.OVERWRITE)) {
                return LakeArchive.copyWithout(
                        source, stream, format, user.user(), user.tenant(), left);
            }
        }
    }
}
