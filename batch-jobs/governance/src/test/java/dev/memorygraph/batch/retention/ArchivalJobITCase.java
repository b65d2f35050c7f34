package dev.memorygraph.batch.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.sinks.testing.Neo4jTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archival job against a real S3-compatible server (s3proxy), real Neo4j, Elasticsearch and
 * QuestDB (the InfluxDB line-protocol server), the Pinecone fake, and a lake, all written by the
 * streaming job: one archive is stopped at every step a crash can hit (after the export, in the
 * middle of the upload, after the upload, after the verification, in the middle of the deletions,
 * before the catalog write), with its local export lost once and one object corrupted in the bucket
 * once; after every stop, nothing is gone from a store that a verified archive does not hold, and
 * the last run finishes both weeks with every old event archived exactly once.
 */
class ArchivalJobITCase {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant WEEK_1 = Instant.parse("2026-03-02T00:00:00Z");
    static final Instant WEEK_2 = Instant.parse("2026-03-09T00:00:00Z");
    static final Instant RECENT = Instant.parse("2026-11-23T00:00:00Z");

    static RetentionStack stack;
    static final Map<String, String> tenantOf = new HashMap<>();

    @TempDir static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        stack = RetentionStack.start("arc", tmp);
        for (int i = 0; i < 30; i++) {
            add(WEEK_1.plusSeconds(3_600L * 5 * i), i % 2 == 0 ? "acme" : "globex", "w1-" + i % 4);
        }
        for (int i = 0; i < 20; i++) {
            add(WEEK_2.plusSeconds(3_600L * 5 * i), "acme", "w2-" + i % 3);
        }
        // a session that spans the cutoff: its old prompts go, the session stays
        add(WEEK_2.plusSeconds(86_400L * 6), "acme", "span");
        for (int i = 0; i < 10; i++) {
            add(RECENT.plusSeconds(3_600L * 11 * i), i % 2 == 0 ? "acme" : "globex", "r-" + i % 2);
        }
        add(RECENT.plusSeconds(86_400L * 6), "acme", "span");
        stack.stream();
    }

    static void add(Instant time, String tenant, String session) {
        tenantOf.put(stack.add(time, tenant, session), tenant);
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
    }

    @Test
    void aCrashAtAnyStepIsFinishedByTheNextRunAndNothingUnverifiedIsEverDeleted() throws Exception {
        Set<String> old = new HashSet<>();
        Set<String> recent = new HashSet<>();
        for (PromptEvent p : stack.prompts) {
            (p.timestamp().isBefore(RECENT) ? old : recent).add(p.eventId());
        }
        long lakeRowsBefore = LakeFiles.committedRows(stack.lake());

        assertCrashesAt(ArchivalJob.Step.EXPORTED, old);
        assertCrashesAt(ArchivalJob.Step.UPLOADING, old);
        // the machine is replaced: the local export is gone, the rerun exports again
        deleteTree(tmp.resolve("work"));
        assertCrashesAt(ArchivalJob.Step.UPLOADED, old);

        // an object is damaged in the bucket: verification fails, nothing is deleted
        Archive unfinished = journals().get(0);
        bucket().put(
                        unfinished.objects.get(0).key,
                        "not parquet".getBytes(),
                        "application/octet-stream");
        BoundedJobs.Outcome refused = archival(ArchivalJob.Progress.NONE);
        assertThat(refused.code()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.summary()).isEqualTo("IOException");
        assertNothingUnverifiedDeleted(old);
        assertThat(stack.graphPrompts()).containsAll(old);

        assertCrashesAt(ArchivalJob.Step.VERIFIED, old);
        assertCrashesAt(ArchivalJob.Step.DELETING, old);
        assertCrashesAt(ArchivalJob.Step.DELETED, old);

        BoundedJobs.Outcome done = archival(ArchivalJob.Progress.NONE);
        assertThat(done.code()).as(done.summary()).isEqualTo(ExitCode.SUCCESS);
        assertThat(done.summary()).startsWith("2 archives");
        assertThat(journals()).isEmpty();

        List<Archive> catalog = ArchiveCatalog.query(bucket(), "arc", null, Instant.EPOCH, NOW);
        assertThat(catalog)
                .extracting(a -> a.week)
                .containsExactly("week=2026-W10", "week=2026-W11");
        assertThat(catalog).allMatch(a -> a.state == Archive.State.CATALOGED);
        assertThat(catalog.get(0).tenants).containsOnlyKeys("acme", "globex");
        assertThat(catalog.get(0).storageClass).isEqualTo("GLACIER");

        // every old event is in exactly one archive, once; the lake and the graph keep the rest
        List<String> archived = stack.archivedRows(catalog);
        assertThat(archived).hasSize(old.size()).containsExactlyInAnyOrderElementsOf(old);
        assertThat(stack.graphPrompts()).containsExactlyInAnyOrderElementsOf(recent);
        assertThat(stack.searchable(old)).isZero();
        assertThat(stack.searchable(recent)).isEqualTo(recent.size());
        assertThat(timeSeries(WEEK_1, WEEK_2.plus(java.time.Duration.ofDays(7)))).isZero();
        assertThat(timeSeries(RECENT, NOW)).isEqualTo(recent.size());
        assertThat(stack.vectors(old, "acme", "globex")).isEmpty();
        assertThat(stack.vectors(recent, "acme", "globex"))
                .containsExactlyInAnyOrderElementsOf(recent);
        assertThat(catalog.get(0).deleted)
                .containsOnlyKeys("elasticsearch", "influxdb", "lake", "neo4j", "pinecone");
        assertThat(stack.lakeIds()).containsExactlyInAnyOrderElementsOf(recent);
        assertThat(LakeFiles.committedRows(stack.lake()) + archived.size())
                .isEqualTo(lakeRowsBefore);
        assertThat(
                        Neo4jTestSupport.query(
                                        stack.driver,
                                        "MATCH (s:Session) RETURN s.id AS id ORDER BY id",
                                        Map.of())
                                .stream()
                                .map(r -> r.get("id").asString()))
                .containsExactly("r-0", "r-1", "span");
        for (Archive archive : catalog) {
            for (Archive.ArchiveObject object : archive.objects) {
                assertThat(bucket().head(object.key).orElseThrow().storageClass())
                        .isEqualTo("GLACIER");
            }
        }

        // a tenant's archives, as users query them
        assertThat(ArchiveCatalog.query(bucket(), "arc", "globex", Instant.EPOCH, NOW))
                .extracting(a -> a.week)
                .containsExactly("week=2026-W10");

        // the restore path: globex's archived week back as a lake, read by the lake's reader
        Path restored = tmp.resolve("restored-lake");
        BoundedJobs.Outcome restore =
                stack.run(
                        ArchiveRestore.NAME,
                        ArchiveRestore::run,
                        "--tenant",
                        "globex",
                        "--from",
                        WEEK_1.toString(),
                        "--until",
                        RECENT.toString(),
                        "--restore.dir",
                        restored.toString());
        assertThat(restore.code()).as(restore.summary()).isEqualTo(ExitCode.SUCCESS);
        Set<String> globexOld = new HashSet<>();
        old.stream().filter(id -> tenantOf.get(id).equals("globex")).forEach(globexOld::add);
        assertThat(restore.summary())
                .startsWith("2 objects restored (" + globexOld.size() + " rows)");
        Configuration read = new Configuration();
        read.set(
                org.apache.flink.configuration.ExecutionOptions.RUNTIME_MODE,
                org.apache.flink.api.common.RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(read);
        List<String> back = new ArrayList<>();
        try (var rows =
                EventLake.read(env, restored.toUri().toString(), WEEK_1, RECENT)
                        .map(EnrichedEvent::eventId)
                        .executeAndCollect("read the restored lake")) {
            rows.forEachRemaining(back::add);
        }
        assertThat(back).containsExactlyInAnyOrderElementsOf(globexOld);

        BoundedJobs.Outcome again = archival(ArchivalJob.Progress.NONE);
        assertThat(again.summary()).startsWith("0 archives");
        assertThat(ArchiveCatalog.query(bucket(), "arc", null, Instant.EPOCH, NOW)).hasSize(2);
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        BoundedJobs.Outcome outcome =
                BoundedJobs.run(
                        ArchivalJob.NAME,
                        new String[] {
                            "--execution.runtime-mode", "BATCH",
                            "--lake.path", tmp.toUri().toString(),
                            "--archival.s3.bucket", "b",
                            "--archival.storage-class", "COLD"
                        },
                        StreamExecutionEnvironment.getExecutionEnvironment(),
                        ArchivalJob::run);
        assertThat(outcome.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.summary()).contains("archival.storage-class");
    }

    /** A run stopped at {@code step} fails, and leaves nothing deleted that is not archived. */
    void assertCrashesAt(ArchivalJob.Step step, Set<String> old) throws Exception {
        BoundedJobs.Outcome outcome =
                archival(
                        (reached, archive) -> {
                            if (reached == step) {
                                throw new Crash();
                            }
                        });
        assertThat(outcome.code()).as("stopped at %s", step).isEqualTo(ExitCode.FAILED);
        assertThat(outcome.summary()).as("stopped at %s", step).isEqualTo("Crash");
        assertNothingUnverifiedDeleted(old);
    }

    /** Every old event missing from the lake or the graph is in a verified archive's objects. */
    void assertNothingUnverifiedDeleted(Set<String> old) throws Exception {
        Set<String> graph = new HashSet<>(stack.graphPrompts());
        Set<String> lake = new HashSet<>(stack.lakeIds());
        List<Archive> verified =
                new ArrayList<>(ArchiveCatalog.query(bucket(), "arc", null, Instant.EPOCH, NOW));
        for (Archive journal : journals()) {
            if (journal.state.compareTo(Archive.State.VERIFIED) >= 0) {
                verified.add(journal);
            }
        }
        Set<String> archived = new HashSet<>(stack.archivedRows(verified));
        for (String id : old) {
            if (!graph.contains(id) || !lake.contains(id)) {
                assertThat(archived).as("deleted but not in a verified archive").contains(id);
            }
        }
    }

    /** The injected crash: the job's process dies here. */
    static final class Crash extends RuntimeException {}

    static BoundedJobs.Outcome archival(ArchivalJob.Progress progress) {
        return stack.run(
                ArchivalJob.NAME,
                (config, env) -> ArchivalJob.run(config, progress),
                "--archival.now",
                NOW.toString(),
                // two objects for a tenant's week: the upload can stop between them
                "--archival.rows-per-object",
                "8");
    }

    static List<Archive> journals() throws Exception {
        List<Archive> out = new ArrayList<>();
        for (String key : bucket().list("arc/_state/")) {
            if (key.endsWith(".json")) {
                out.add(Archive.fromJson(bucket().get(key).orElseThrow()));
            }
        }
        return out;
    }

    /** Prompt points in {@code [from, until)}. */
    static long timeSeries(Instant from, Instant until) throws Exception {
        return RetentionStack.count(
                "SELECT count() FROM llm_prompts WHERE timestamp >= '"
                        + from
                        + "' AND timestamp < '"
                        + until
                        + "'");
    }

    static ArchiveStore bucket() {
        return stack.bucket();
    }

    static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
