package dev.memorygraph.batch.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure of a user against the real stores: an old week of theirs already archived to s3proxy,
 * recent prompts in Neo4j, Elasticsearch, QuestDB, Pinecone and the lake; after the erasure every
 * store counts 0 for them (the archive rewritten, the catalog updated) and nobody else lost
 * anything; a replay of the whole topic through the streaming job, which reads the tombstones,
 * still leaves 0.
 */
class ErasureJobITCase {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant OLD = Instant.parse("2026-04-06T00:00:00Z");
    static final Instant RECENT = Instant.parse("2026-11-16T00:00:00Z");

    static RetentionStack stack;
    static final Set<String> erased = new HashSet<>();
    static final Set<String> kept = new HashSet<>();

    @TempDir static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        stack = RetentionStack.start("era", tmp);
        for (int i = 0; i < 24; i++) {
            Instant time = (i % 3 == 0 ? OLD : RECENT).plusSeconds(3_600L * 5 * i);
            // user-gone in acme, user-stays in acme and in globex
            (i % 2 == 0 ? erased : kept)
                    .add(
                            stack.add(
                                    time,
                                    i % 4 == 3 ? "globex" : "acme",
                                    i % 2 == 0 ? "gone" : "stays"));
        }
        stack.stream();
        BoundedJobs.Outcome archived =
                stack.run(ArchivalJob.NAME, ArchivalJob::run, "--archival.now", NOW.toString());
        assertThat(archived.code()).as(archived.summary()).isEqualTo(ExitCode.SUCCESS);
        assertThat(archived.summary()).startsWith("1 archives");
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
    }

    @Test
    void aUserIsGoneFromEveryStoreAndTheArchiveAndAReplayDoesNotBringThemBack() throws Exception {
        BoundedJobs.Outcome outcome =
                stack.run(
                        ErasureJob.NAME,
                        ErasureJob::run,
                        "--user",
                        "user-gone",
                        "--tenant",
                        "acme");
        assertThat(outcome.code()).as(outcome.summary()).isEqualTo(ExitCode.SUCCESS);
        assertThat(outcome.summary())
                .contains(
                        "remaining {archives=0, elasticsearch=0, influxdb=0, lake=0, neo4j=0,"
                                + " pinecone=0}");
        assertGoneAndOthersKept();

        List<Archive> catalog =
                ArchiveCatalog.query(stack.bucket(), "era", null, Instant.EPOCH, NOW);
        assertThat(catalog).hasSize(1);
        assertThat(catalog.get(0).erasures).hasSize(1);
        assertThat(stack.archivedRows(catalog)).doesNotContainAnyElementsOf(erased);

        // the upstream replays the whole topic: the streaming job drops the erased user's events
        stack.stream();
        assertGoneAndOthersKept();

        // a second run finds nothing left and says so
        BoundedJobs.Outcome again =
                stack.run(
                        ErasureJob.NAME,
                        ErasureJob::run,
                        "--user",
                        "user-gone",
                        "--tenant",
                        "acme");
        assertThat(again.code()).as(again.summary()).isEqualTo(ExitCode.SUCCESS);
    }

    @Test
    void anErasureWithoutAUserIsRefusedNamingTheKey() {
        BoundedJobs.Outcome outcome =
                stack.run(ErasureJob.NAME, ErasureJob::run, "--tenant", "acme");
        assertThat(outcome.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.summary()).contains("user");
    }

    static void assertGoneAndOthersKept() throws Exception {
        Set<String> graph = new HashSet<>(stack.graphPrompts());
        Set<String> lake = new HashSet<>(stack.lakeIds());
        assertThat(graph).doesNotContainAnyElementsOf(erased);
        assertThat(lake).doesNotContainAnyElementsOf(erased);
        assertThat(stack.searchable(erased)).isZero();
        assertThat(stack.vectors(erased, "acme", "globex")).isEmpty();
        assertThat(
                        RetentionStack.count(
                                "SELECT count() FROM llm_prompts WHERE user_id = 'user-gone'"))
                .isZero();
        assertThat(stack.graphPrompts().stream().filter(kept::contains).count())
                .as("the other user's recent prompts stay in the graph")
                .isEqualTo(kept.stream().filter(id -> graph.contains(id)).count());
        Set<String> keptRecent = new HashSet<>(kept);
        keptRecent.retainAll(lake);
        assertThat(keptRecent).isNotEmpty();
        assertThat(graph).containsAll(keptRecent);
        assertThat(stack.searchable(keptRecent)).isEqualTo(keptRecent.size());
        assertThat(
                        dev.memorygraph.sinks.testing.Neo4jTestSupport.query(
                                        stack.driver,
                                        "MATCH (u:User {id: 'user-gone'}) RETURN count(u) AS n",
                                        Map.of())
                                .get(0)
                                .get("n")
                                .asLong())
                .isZero();
    }
}
