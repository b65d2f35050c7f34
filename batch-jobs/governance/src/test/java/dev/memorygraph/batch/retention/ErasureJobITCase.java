package dev.memorygraph.batch.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.testing.LocalDataVault;
import dev.memorygraph.testing.TestPki;
import java.nio.file.Files;
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
    static TestPki pki;
    static LocalDataVault vault;
    static String[] vaultOptions;
    static final Set<String> erased = new HashSet<>();
    static final Set<String> kept = new HashSet<>();

    @TempDir static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        stack = RetentionStack.start("era", tmp);
        pki = new TestPki(Files.createDirectories(tmp.resolve("pki")));
        Files.writeString(tmp.resolve("vault-key.txt"), "vault-key\n");
        vault = new LocalDataVault(pki);
        vaultOptions =
                new String[] {
                    "--pii.enabled", "true",
                    "--pii.policy.default", "redact",
                    "--pii.policy.tenants", "acme:vault",
                    "--pii.vault.url", vault.url().toString(),
                    "--pii.vault.api-key-file", tmp.resolve("vault-key.txt").toString(),
                    "--pii.vault.key-store", pki.clientStore.toString(),
                    "--pii.vault.key-store-password-file", pki.passwordFile.toString(),
                    "--pii.vault.trust-store", pki.trustStore.toString(),
                    "--pii.vault.trust-store-password-file", pki.passwordFile.toString()
                };
        for (int i = 0; i < 24; i++) {
            Instant time = (i % 3 == 0 ? OLD : RECENT).plusSeconds(3_600L * 5 * i);
            // user-gone in acme, user-stays in acme and in globex; acme's PII goes to the vault
            String text =
                    i % 4 < 2
                            ? "Mail ticket " + i + " to pat.lee" + i + "@example.org today."
                            : "Summarise ticket " + i + " for the team.";
            (i % 2 == 0 ? erased : kept)
                    .add(
                            stack.add(
                                    time,
                                    i % 4 == 3 ? "globex" : "acme",
                                    i % 2 == 0 ? "gone" : "stays",
                                    text));
        }
        stack.stream(options(vaultOptions));
        BoundedJobs.Outcome archived =
                stack.run(ArchivalJob.NAME, ArchivalJob::run, "--archival.now", NOW.toString());
        assertThat(archived.code()).as(archived.summary()).isEqualTo(ExitCode.SUCCESS);
        assertThat(archived.summary()).startsWith("1 archives");
    }

    @AfterAll
    static void stop() throws Exception {
        vault.close();
        stack.close();
    }

    /** {@code --key value} pairs as {@code key, value} for a streaming run's configuration. */
    static String[] options(String[] args) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i += 2) {
            out[i] = out[i].substring(2);
        }
        return out;
    }

    static BoundedJobs.Outcome erase() {
        List<String> args =
                new java.util.ArrayList<>(List.of("--user", "user-gone", "--tenant", "acme"));
        args.addAll(List.of(vaultOptions));
        return stack.run(ErasureJob.NAME, ErasureJob::run, args.toArray(String[]::new));
    }

    @Test
    void aUserIsGoneFromEveryStoreAndTheArchiveAndAReplayDoesNotBringThemBack() throws Exception {
        Set<String> secretsBefore = secretIds();
        assertThat(secretsBefore).hasSizeGreaterThan(2);
        BoundedJobs.Outcome outcome = erase();
        assertThat(outcome.code()).as(outcome.summary()).isEqualTo(ExitCode.SUCCESS);
        assertThat(outcome.summary())
                .contains(
                        "remaining {archives=0, elasticsearch=0, influxdb=0, lake=0, neo4j=0,"
                                + " pinecone=0, vault=0}");
        // the other user's vaulted texts stay
        Set<String> secretsAfter = secretIds();
        assertThat(secretsAfter).isNotEmpty();
        assertThat(secretsBefore).containsAll(secretsAfter);
        assertThat(secretsAfter).hasSizeLessThan(secretsBefore.size());
        assertGoneAndOthersKept();

        List<Archive> catalog =
                ArchiveCatalog.query(stack.bucket(), "era", null, Instant.EPOCH, NOW);
        assertThat(catalog).hasSize(1);
        assertThat(catalog.get(0).erasures).hasSize(1);
        assertThat(stack.archivedRows(catalog)).doesNotContainAnyElementsOf(erased);

        // the erased user's vaulted texts are gone, the archived week's too
        Set<String> erasedTexts = new HashSet<>();
        stack.prompts.stream()
                .filter(p -> erased.contains(p.eventId()))
                .forEach(p -> erasedTexts.add(p.prompt().text()));
        assertThat(vault.secrets()).noneMatch(secret -> erasedTexts.contains(secret.text()));

        // the upstream replays the whole topic: the streaming job drops the erased user's events
        int before = secretsAfter.size();
        stack.stream(options(vaultOptions));
        assertGoneAndOthersKept();
        assertThat(vault.secrets().size()).isGreaterThan(before);
        assertThat(vault.secrets())
                .as("only the other user's texts are vaulted again")
                .noneMatch(secret -> erasedTexts.contains(secret.text()));

        // a second run finds nothing left and says so
        BoundedJobs.Outcome again = erase();
        assertThat(again.code()).as(again.summary()).isEqualTo(ExitCode.SUCCESS);
    }

    @Test
    void anErasureWithoutAUserIsRefusedNamingTheKey() {
        BoundedJobs.Outcome outcome =
                stack.run(ErasureJob.NAME, ErasureJob::run, "--tenant", "acme");
        assertThat(outcome.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.summary()).contains("user");
    }

    static Set<String> secretIds() {
        Set<String> ids = new HashSet<>();
        vault.secrets().forEach(secret -> ids.add(secret.id()));
        return ids;
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
