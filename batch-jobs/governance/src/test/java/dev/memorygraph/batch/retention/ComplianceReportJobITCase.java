package dev.memorygraph.batch.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.batch.rollup.RollupJob;
import dev.memorygraph.childjvm.ChildJvm;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly compliance report on a month the streaming job wrote (with PII redacted), the real
 * rollups of it, dead letters, reconciliation and re-enrichment records on Kafka, an erasure and an
 * old prompt past the retention: the JSON holds the figures, the PDF's text shows the same ones,
 * its first page renders, and a real SMTP server (GreenMail) receives it with both files.
 */
class ComplianceReportJobITCase {

    static final Instant NOVEMBER = Instant.parse("2026-11-02T08:00:00Z");
    static final Instant MARCH = Instant.parse("2026-03-10T08:00:00Z");

    static RetentionStack stack;
    static GreenMail smtp;
    static long tokens;

    @TempDir static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        stack = RetentionStack.start("rep", tmp);
        stack.kafka.createTopics(1, "rep.reenrich");
        smtp = new GreenMail(new ServerSetup(ChildJvm.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        // past the retention, never archived: a violation in every store
        stack.add(MARCH, "acme", "old");
        for (int i = 0; i < 12; i++) {
            Instant time = NOVEMBER.plusSeconds(86_400L * i + 3_600L * i);
            String text =
                    i % 3 == 0
                            ? "Write to jane.doe" + i + "@example.com about order " + i + "."
                            : "Summarise ticket " + i + " for the team.";
            String id =
                    stack.add(
                            time,
                            i % 2 == 0 ? "acme" : "globex",
                            i == 11 ? "leaver" : "s" + i % 3,
                            text);
            stack.respond(id, time, 100 + i, 50);
            tokens += 150 + i;
        }
        stack.stream("pii.enabled", "true", "pii.policy.default", "redact");
        send("rep.dlq", "SCHEMA_VIOLATION", "SCHEMA_VIOLATION", "MISSING_REQUIRED_FIELD");
        send("rep.reconcile", null, null);
        send("rep.reenrich", (String) null);
        BoundedJobs.Outcome rollups =
                stack.run(
                        RollupJob.NAME,
                        (config, env) -> RollupJob.run(config, env).outcome(),
                        "--from",
                        "2026-11-01T00:00:00Z",
                        "--until",
                        "2026-12-01T00:00:00Z",
                        "--elasticsearch.rollups-index",
                        "rep-rollups");
        assertThat(rollups.code()).as(rollups.summary()).isEqualTo(ExitCode.SUCCESS);
        BoundedJobs.Outcome erased =
                stack.run(ErasureJob.NAME, ErasureJob::run, "--user", "user-leaver");
        assertThat(erased.code()).as(erased.summary()).isEqualTo(ExitCode.SUCCESS);
    }

    /** Records on {@code topic} in November, with these {@code dlq.reason} headers. */
    static void send(String topic, String... reasons) throws Exception {
        var props = new java.util.Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (String reason : reasons) {
                ProducerRecord<byte[], byte[]> record =
                        new ProducerRecord<>(
                                topic,
                                null,
                                NOVEMBER.plusSeconds(60).toEpochMilli(),
                                null,
                                "{}".getBytes(StandardCharsets.UTF_8));
                if (reason != null) {
                    record.headers().add("dlq.reason", reason.getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record).get();
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        smtp.stop();
        stack.close();
    }

    @Test
    void theMonthsFiguresAreInTheJsonAndThePdfAndTheMailArrives() throws Exception {
        Path out = tmp.resolve("reports");
        BoundedJobs.Outcome outcome =
                stack.run(
                        ComplianceReportJob.NAME,
                        ComplianceReportJob::run,
                        "--report.month",
                        "2026-11",
                        "--report.output-dir",
                        out.toString(),
                        "--report.upload",
                        "true",
                        "--kafka.topic.reenrich",
                        "rep.reenrich",
                        "--elasticsearch.rollups-index",
                        "rep-rollups",
                        "--report.recipients",
                        "privacy@example.com;audit@example.com",
                        "--report.smtp.host",
                        "127.0.0.1",
                        "--report.smtp.port",
                        Integer.toString(smtp.getSmtp().getPort()),
                        "--report.smtp.starttls",
                        "false");
        assertThat(outcome.code()).as(outcome.summary()).isEqualTo(ExitCode.SUCCESS);
        assertThat(outcome.summary()).contains("mailed to 2 recipients");

        ComplianceReport report =
                ComplianceReport.fromJson(
                        Files.readAllBytes(out.resolve("compliance-2026-11.json")));
        // 11 prompts and their responses stay; the erased user's prompt and response are gone
        assertThat(report.overall.eventsByType)
                .containsEntry("PROMPT", 11L)
                .containsEntry("RESPONSE", 11L);
        assertThat(report.tenants).containsOnlyKeys("acme", "globex");
        assertThat(report.overall.piiFindings).containsKey("EMAIL");
        assertThat(report.overall.piiPolicies).containsEntry("redact", 22L);
        assertThat(report.deadLetters)
                .containsEntry("SCHEMA_VIOLATION", 2L)
                .containsEntry("MISSING_REQUIRED_FIELD", 1L);
        assertThat(report.reconciliations).isEqualTo(2);
        assertThat(report.reenrichments).isEqualTo(1);
        // the erasure ran today: it is this month's, not November's
        assertThat(report.erasures).isZero();
        // tenant rollups are aggregates that name nobody: the erased user's tokens stay in them
        assertThat(report.overall.totalTokens).isEqualTo(tokens);
        assertThat(report.overall.costUsd).isPositive();
        assertThat(report.violations()).contains("lake", "neo4j", "elasticsearch", "influxdb");
        assertThat(report.retention).containsEntry("pinecone", -1L);

        String text;
        BufferedImage first;
        try (PDDocument pdf = Loader.loadPDF(out.resolve("compliance-2026-11.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf);
            first = new PDFRenderer(pdf).renderImageWithDPI(0, 60);
        }
        List<String> figures = new ArrayList<>();
        figures.add("Events " + report.overall.events());
        figures.add("Total tokens " + report.overall.totalTokens);
        figures.add("Prompt tokens " + report.overall.promptTokens);
        figures.add("SCHEMA_VIOLATION 2");
        figures.add("MISSING_REQUIRED_FIELD 1");
        figures.add("Reconciliation records 2");
        figures.add("Re-enrichment records 1");
        figures.add("Erasures 0");
        figures.add("EMAIL " + report.overall.piiFindings.get("EMAIL"));
        figures.add("Tenant acme");
        figures.add("Events " + report.tenants.get("acme").events());
        figures.add("lake " + report.retention.get("lake") + " VIOLATION");
        figures.add("pinecone not checked ok");
        assertThat(text).contains(figures);
        assertThat(text).doesNotContain("jane.doe").doesNotContain("user-");
        int inked = 0;
        for (int x = 0; x < first.getWidth(); x++) {
            for (int y = 0; y < first.getHeight(); y++) {
                if ((first.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        assertThat(inked).as("the first page draws text and the chart").isGreaterThan(2_000);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        Multipart parts = (Multipart) mails[0].getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("compliance-2026-11.pdf");
        assertThat(parts.getBodyPart(2).getFileName()).isEqualTo("compliance-2026-11.json");
        assertThat(mails[0].getSubject()).isEqualTo("memory-graph compliance report 2026-11");

        try (ArchiveStore bucket = stack.bucket()) {
            assertThat(bucket.list("rep/reports/2026-11/"))
                    .containsExactly(
                            "rep/reports/2026-11/compliance-2026-11.json",
                            "rep/reports/2026-11/compliance-2026-11.pdf");
        }
    }

    @Test
    void thisMonthsReportCountsTheErasure() throws Exception {
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        Path out = tmp.resolve("this-month");
        BoundedJobs.Outcome outcome =
                stack.run(
                        ComplianceReportJob.NAME,
                        ComplianceReportJob::run,
                        "--report.month",
                        month,
                        "--report.output-dir",
                        out.toString(),
                        "--kafka.topic.reenrich",
                        "rep.reenrich");
        assertThat(outcome.code()).as(outcome.summary()).isEqualTo(ExitCode.SUCCESS);
        ComplianceReport report =
                ComplianceReport.fromJson(
                        Files.readAllBytes(out.resolve("compliance-" + month + ".json")));
        assertThat(report.erasures).isEqualTo(1);
    }

    @Test
    void aBadRecipientIsRefusedNamingTheKey() {
        BoundedJobs.Outcome outcome =
                stack.run(
                        ComplianceReportJob.NAME,
                        ComplianceReportJob::run,
                        "--report.recipients",
                        "not an address",
                        "--report.smtp.host",
                        "127.0.0.1");
        assertThat(outcome.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.summary()).contains("report.recipients");
    }
}
