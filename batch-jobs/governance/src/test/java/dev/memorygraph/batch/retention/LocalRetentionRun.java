package dev.memorygraph.batch.retention;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.s3.server.EmbeddedS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The README's "Archival, report and erasure locally": this month's compliance report, the archival
 * job and an erasure, in BATCH mode on a MiniCluster, on a copy of the local run's lake ({@code
 * .local-run/lake}, copied to {@code .local-run/retention/lake}) against s3proxy, Neo4j,
 * Elasticsearch, QuestDB and the Pinecone fake. Without a local run's lake, the streaming job first
 * writes a few days of prompts and responses there. The run's clock is moved three weeks ahead and
 * the retention is ten days, so the local data qualifies for archival. Prints where the catalog
 * entries and the PDF are.
 */
public final class LocalRetentionRun {

    private LocalRetentionRun() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("local.root", ".")).toAbsolutePath().normalize();
        Path dir = root.resolve(".local-run/retention");
        ArchivalJobITCase.deleteTree(dir);
        Files.createDirectories(dir);
        Path source = root.resolve(".local-run/lake");
        System.out.println("Starting Kafka, Neo4j, Elasticsearch, QuestDB, s3proxy, Pinecone …");
        try (RetentionStack stack = RetentionStack.start("local", dir)) {
            if (!LakeFiles.committedFiles(source).isEmpty()) {
                System.out.printf("Copying the local run's lake %s to %s%n", source, stack.lake());
                for (Path file : LakeFiles.committedFiles(source)) {
                    Path target = stack.lake().resolve(source.relativize(file));
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Instant start = Instant.now().minus(Duration.ofDays(3));
                System.out.printf(
                        "No local run's lake at %s: the streaming job writes 60 prompts and responses first%n",
                        source);
                for (int i = 0; i < 60; i++) {
                    Instant time = start.plusSeconds(3_917L * i);
                    String id = stack.add(time, i % 3 == 0 ? "globex" : "acme", "s" + i % 5);
                    stack.respond(id, time, 200 + i, 80);
                }
                stack.stream();
            }
            Instant now = Instant.now().plus(Duration.ofDays(21));
            String[] clock = {
                "--archival.now", now.toString(),
                "--archival.retention", "10 d",
                "--validation.max-event-age", "1 d"
            };
            // the report first: the archival then moves this data out of the lake
            String month = YearMonth.now(ZoneOffset.UTC).toString();
            BoundedJobs.Outcome report =
                    stack.run(
                            ComplianceReportJob.NAME,
                            ComplianceReportJob::run,
                            "--report.month",
                            month,
                            "--report.output-dir",
                            dir.resolve("reports").toString());
            System.out.println(
                    "\nCompliance report: " + report.code() + " (" + report.summary() + ")");
            BoundedJobs.Outcome archival = stack.run(ArchivalJob.NAME, ArchivalJob::run, clock);
            System.out.println("\nArchival: " + archival.code() + " (" + archival.summary() + ")");
            Path catalog = dir.resolve("catalog");
            Files.createDirectories(catalog);
            try (ArchiveStore bucket = stack.bucket()) {
                for (String key : bucket.list("local/catalog/")) {
                    Path copy = catalog.resolve(key.substring(key.lastIndexOf('/') + 1));
                    Files.write(copy, bucket.get(key).orElseThrow());
                    System.out.println("  catalog entry " + key + " (copy: " + copy + ")");
                }
            }
            String user = firstUser(stack);
            if (user != null) {
                BoundedJobs.Outcome erasure =
                        stack.run(ErasureJob.NAME, ErasureJob::run, concat(clock, "--user", user));
                System.out.println(
                        "\nErasure of one user: "
                                + erasure.code()
                                + " ("
                                + erasure.summary()
                                + ")");
            }
            System.out.println("\nPDF: " + dir.resolve("reports/compliance-" + month + ".pdf"));
            System.out.println("Catalog entries: " + catalog);
        } finally {
            EmbeddedS3.shared().close();
            EmbeddedQuestDb.shared().close();
            EmbeddedElasticsearch.shared().close();
            EmbeddedNeo4j.shared().close();
        }
        System.exit(0);
    }

    /** A user with a prompt in the restored lake copy (archived by now: the catalog's). */
    private static String firstUser(RetentionStack stack) throws Exception {
        try (ArchiveStore bucket = stack.bucket()) {
            List<Archive> archives =
                    ArchiveCatalog.query(
                            bucket,
                            "local",
                            null,
                            Instant.EPOCH,
                            Instant.parse("9999-12-31T00:00:00Z"));
            for (Archive archive : archives) {
                for (Archive.ArchiveObject object : archive.objects) {
                    Path file = Files.createTempFile(stack.dir, "object", ".parquet");
                    bucket.download(object.key, file);
                    var reader =
                            dev.memorygraph.operators.lake.EventLake.openFile(
                                    new org.apache.flink.core.fs.Path(file.toUri()));
                    try {
                        for (var row = reader.read(); row != null; row = reader.read()) {
                            String user =
                                    dev.memorygraph.operators.erasure.ErasedUsersFilter.userOf(row);
                            if (user != null) {
                                return user;
                            }
                        }
                    } finally {
                        reader.close();
                        Files.delete(file);
                    }
                }
            }
        }
        return null;
    }

    private static String[] concat(String[] first, String... more) {
        String[] out = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }
}
