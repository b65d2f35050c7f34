package dev.memorygraph.batch.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.PiiReport;
import dev.memorygraph.operators.erasure.ErasureOptions;
import dev.memorygraph.operators.erasure.Tombstones;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchConnection;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance report (spec §4 Job 6, monthly on the 1st) for the previous month, or {@code
 * --report.month 2026-11}: per tenant and overall, the events ingested (by topic, type and day),
 * the PII findings, policies and Data Vault use; overall, the dead letters by reason, the
 * reconciliation and re-enrichment records, the archival runs and erasures; the month's tokens and
 * cost from the daily rollups; and the retention check (anything older than the retention still in
 * a hot store is a violation). Written as PDF and JSON to {@code report.output-dir}, mailed to
 * {@code report.recipients} and, with {@code report.upload}, put beside the archives in the bucket.
 * Counts only: no text, no PII, no user id.
 *
 * <p>The lake's events are counted by a Flink job over the month's partitions (each event once,
 * replays deduplicated); the rest are small reads of Kafka offsets, the catalog, the tombstones and
 * the rollups index.
 */
public final class ComplianceReportJob {

    public static final String NAME = "memory-graph compliance report";

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceReportJob.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ALL = "*";

    public static final ConfigOption<String> MONTH =
            ConfigOptions.key("report.month")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The month to report (2026-11); the previous month by default.");

    public static final ConfigOption<String> OUTPUT_DIR =
            ConfigOptions.key("report.output-dir")
                    .stringType()
                    .defaultValue("reports")
                    .withDescription("Local directory the PDF and JSON are written to.");

    public static final ConfigOption<Boolean> UPLOAD =
            ConfigOptions.key("report.upload")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Also put the PDF and JSON in the archive bucket, under"
                                    + " <archival.s3.prefix>/reports/<month>/.");

    private ComplianceReportJob() {}

    public static void main(String[] args) {
        BoundedJobs.main(NAME, args, ComplianceReportJob::run);
    }

    static BoundedJobs.Outcome run(Configuration config, StreamExecutionEnvironment env)
            throws Exception {
        YearMonth month;
        try {
            // --report.month, else the month the window (a scheduler's --from) starts in, else
            // the previous month
            month =
                    config.getOptional(MONTH)
                            .map(m -> YearMonth.parse(m.strip()))
                            .orElseGet(
                                    () ->
                                            BoundedJobs.window(config)
                                                    .map(
                                                            w ->
                                                                    YearMonth.from(
                                                                            w.from()
                                                                                    .atZone(
                                                                                            ZoneOffset
                                                                                                    .UTC)))
                                                    .orElse(
                                                            YearMonth.now(ZoneOffset.UTC)
                                                                    .minusMonths(1)));
        } catch (DateTimeParseException e) {
            throw JobConfig.invalid(MONTH.key(), config.get(MONTH), "a month, 2026-11");
        }
        ReportMail mail = ReportMail.fromConfig(config);
        boolean upload = config.get(UPLOAD);
        ArchivalOptions.Settings archival =
                config.getOptional(ArchivalOptions.BUCKET).isPresent()
                        ? ArchivalOptions.settings(config)
                        : null;
        if (upload && archival == null) {
            throw JobConfig.invalid(UPLOAD.key(), true, "needs archival.s3.bucket to upload to");
        }
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        ComplianceReport report = new ComplianceReport();
        report.month = month.toString();
        report.from = from.toString();
        report.until = until.toString();
        report.generatedAt = Instant.now().toString();

        lake(env, config, from, until, report);
        LOG.info("{}: {} events in the lake for {}", NAME, report.overall.events(), month);
        kafka(config, from, until, report);
        rollups(config, from, until, report);
        archivesAndErasures(config, archival, from, until, report);
        retention(config, until, report);

        Path dir = Path.of(config.get(OUTPUT_DIR)).toAbsolutePath();
        Files.createDirectories(dir);
        Path pdf = dir.resolve("compliance-" + month + ".pdf");
        Path json = dir.resolve("compliance-" + month + ".json");
        Files.write(json, report.toJson());
        ReportPdf.write(report, pdf);
        if (upload) {
            try (ArchiveStore bucket = ArchiveStore.open(config, archival.bucket())) {
                String prefix = archival.prefix() + "/reports/" + month + "/";
                bucket.put(prefix + pdf.getFileName(), Files.readAllBytes(pdf), "application/pdf");
                bucket.put(prefix + json.getFileName(), report.toJson(), "application/json");
            }
        }
        int sent = mail.send(report, pdf, json);
        List<String> violations = report.violations();
        return new BoundedJobs.Outcome(
                ExitCode.SUCCESS,
                String.format(
                        "report of %s: %d events, %d tenants, %d dead letters, %d retention"
                                + " violations %s; %s and %s; mailed to %d recipients",
                        month,
                        report.overall.events(),
                        report.tenants.size(),
                        report.deadLetters.values().stream().mapToLong(Long::longValue).sum(),
                        violations.size(),
                        violations,
                        pdf,
                        json,
                        sent));
    }

    /** The month's events, counted once each by a bounded Flink job over the lake. */
    static void lake(
            StreamExecutionEnvironment env,
            Configuration config,
            Instant from,
            Instant until,
            ComplianceReport report)
            throws Exception {
        try (CloseableIterator<Tuple2<String, Long>> tallies =
                EventLake.read(env, EventLakeOptions.path(config), from, until)
                        .flatMap(ComplianceReportJob::tally)
                        .returns(Types.TUPLE(Types.STRING, Types.LONG))
                        .uid("report-tallies")
                        .name("Report tallies")
                        .keyBy(t -> t.f0)
                        .sum(1)
                        .uid("report-sums")
                        .name("Report sums")
                        .executeAndCollect(NAME + " (lake)")) {
            while (tallies.hasNext()) {
                Tuple2<String, Long> tally = tallies.next();
                String[] parts = tally.f0.split("\u0000", 3);
                ComplianceReport.Section section =
                        parts[0].equals(ALL)
                                ? report.overall
                                : report.tenants.computeIfAbsent(
                                        parts[0], t -> new ComplianceReport.Section());
                long n = tally.f1;
                switch (parts[1]) {
                    case "topic" -> section.eventsByTopic.put(parts[2], n);
                    case "type" -> section.eventsByType.put(parts[2], n);
                    case "day" -> section.dailyEvents.put(parts[2], n);
                    case "pii" -> section.piiFindings.put(parts[2], n);
                    case "policy" -> section.piiPolicies.put(parts[2], n);
                    case "vault" -> section.vaultSecrets = n;
                    default -> throw new IllegalStateException("unknown tally " + parts[1]);
                }
            }
        }
    }

    /** One event's counts, for its tenant and for all ({@code tenant\0metric\0label}, n). */
    static void tally(EnrichedEvent event, Collector<Tuple2<String, Long>> out) {
        String tenant = event.tenantId() == null ? LakeArchive.NO_TENANT : event.tenantId();
        List<String[]> counts = new ArrayList<>();
        String topic = event.event().origin() == null ? "unknown" : event.event().origin().topic();
        counts.add(new String[] {"topic", topic, "1"});
        counts.add(new String[] {"type", event.event().type().name(), "1"});
        counts.add(
                new String[] {
                    "day",
                    event.event().eventTime().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                    "1"
                });
        PiiReport pii = event.pii();
        if (pii != null) {
            if (pii.policy() != null) {
                counts.add(new String[] {"policy", pii.policy(), "1"});
            }
            if (pii.types() != null) {
                for (int i = 0; i < pii.types().size(); i++) {
                    int n =
                            pii.counts() == null || i >= pii.counts().size()
                                    ? 1
                                    : pii.counts().get(i);
                    counts.add(new String[] {"pii", pii.types().get(i), Integer.toString(n)});
                }
            }
            if (pii.textSecretId() != null) {
                counts.add(new String[] {"vault", "secrets", "1"});
            }
        }
        for (String[] c : counts) {
            long n = Long.parseLong(c[2]);
            out.collect(Tuple2.of(tenant + "\u0000" + c[0] + "\u0000" + c[1], n));
            out.collect(Tuple2.of(ALL + "\u0000" + c[0] + "\u0000" + c[1], n));
        }
    }

    /** Dead letters by reason, reconciliation and re-enrichment records, from the topics. */
    static void kafka(Configuration config, Instant from, Instant until, ComplianceReport report) {
        if (config.getOptional(KafkaOptions.BOOTSTRAP_SERVERS).isEmpty()) {
            report.notes.add(
                    "kafka.bootstrap-servers not set: no dead letters, reconciliations"
                            + " or re-enrichments counted");
            return;
        }
        Properties props = new Properties();
        props.putAll(KafkaOptions.clientProperties(config));
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(config));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            report.reconciliations =
                    records(
                            consumer,
                            config.get(KafkaOptions.RECONCILIATION_TOPIC),
                            from,
                            until,
                            null,
                            report);
            report.reenrichments =
                    records(
                            consumer,
                            config.get(KafkaOptions.REENRICH_TOPIC),
                            from,
                            until,
                            null,
                            report);
            records(
                    consumer,
                    config.get(KafkaOptions.DLQ_TOPIC),
                    from,
                    until,
                    report.deadLetters,
                    report);
        }
    }

    /**
     * The records of {@code topic} written in {@code [from, until)}, by their offsets for those
     * times; with {@code reasons}, read and counted by their {@code dlq.reason} header.
     */
    private static long records(
            KafkaConsumer<byte[], byte[]> consumer,
            String topic,
            Instant from,
            Instant until,
            Map<String, Long> reasons,
            ComplianceReport report) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            report.notes.add("topic " + topic + " not found");
            return 0;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        Map<TopicPartition, Long> start = offsets(consumer, partitions, from);
        Map<TopicPartition, Long> end = offsets(consumer, partitions, until);
        long total = 0;
        for (TopicPartition partition : partitions) {
            total += end.get(partition) - start.get(partition);
        }
        if (reasons == null || total == 0) {
            return total;
        }
        consumer.assign(partitions);
        start.forEach(consumer::seek);
        Map<TopicPartition, Long> done = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (done.size() < partitions.size() && System.nanoTime() < deadline) {
            for (TopicPartition partition : partitions) {
                if (consumer.position(partition) >= end.get(partition)) {
                    done.put(partition, end.get(partition));
                }
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(partition)) {
                    continue;
                }
                Header reason = record.headers().lastHeader("dlq.reason");
                reasons.merge(
                        reason == null
                                ? "UNKNOWN"
                                : new String(
                                        reason.value(), java.nio.charset.StandardCharsets.UTF_8),
                        1L,
                        Long::sum);
            }
        }
        consumer.unsubscribe();
        return total;
    }

    private static Map<TopicPartition, Long> offsets(
            KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Instant at) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, at.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found =
                consumer.offsetsForTimes(query, Duration.ofSeconds(30));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Map<TopicPartition, Long> out = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp offset = found.get(p);
            out.put(p, offset == null ? ends.get(p) : offset.offset());
        }
        return out;
    }

    /** Tokens and cost from the daily per-tenant rollups in the rollups index. */
    static void rollups(Configuration config, Instant from, Instant until, ComplianceReport report)
            throws Exception {
        if (!config.get(ElasticsearchOptions.ENABLED)) {
            report.notes.add("elasticsearch.enabled is false: no rollups, so no tokens or cost");
            return;
        }
        String index = config.get(ElasticsearchOptions.ROLLUPS_INDEX);
        String query =
                "{\"size\":10000,\"query\":{\"bool\":{\"filter\":["
                        + "{\"term\":{\"granularity\":\"day\"}},"
                        + "{\"term\":{\"dimension\":\"tenant\"}},"
                        + "{\"range\":{\"window_start\":{\"gte\":\""
                        + from
                        + "\",\"lt\":\""
                        + until
                        + "\"}}}]}}}";
        Request request = new Request("POST", "/" + index + "/_search");
        request.setJsonEntity(query);
        JsonNode hits;
        try (RestClient client = ElasticsearchConnection.fromConfig(config).createRestClient()) {
            hits =
                    JSON.readTree(client.performRequest(request).getEntity().getContent())
                            .path("hits")
                            .path("hits");
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                report.notes.add("no rollups index " + index + ": run the rollup job first");
                return;
            }
            throw e;
        }
        for (JsonNode hit : hits) {
            JsonNode row = hit.path("_source");
            String tenant = row.path("tenant_id").asText(LakeArchive.NO_TENANT);
            for (ComplianceReport.Section section :
                    List.of(
                            report.overall,
                            report.tenants.computeIfAbsent(
                                    tenant, t -> new ComplianceReport.Section()))) {
                section.responses += row.path("responses").asLong();
                section.promptTokens += row.path("prompt_tokens").asLong();
                section.completionTokens += row.path("completion_tokens").asLong();
                section.totalTokens += row.path("total_tokens").asLong();
                section.costUsd += row.path("cost_usd").asDouble();
            }
        }
    }

    /** The archives finished and the users erased in the month. */
    static void archivesAndErasures(
            Configuration config,
            ArchivalOptions.Settings archival,
            Instant from,
            Instant until,
            ComplianceReport report)
            throws Exception {
        if (archival == null) {
            report.notes.add("archival.s3.bucket not set: archival runs not listed");
        } else {
            try (ArchiveStore bucket = ArchiveStore.open(config, archival.bucket())) {
                for (Archive archive :
                        ArchiveCatalog.query(
                                bucket,
                                archival.prefix(),
                                null,
                                Instant.EPOCH,
                                Instant.parse("9999-12-31T00:00:00Z"))) {
                    Instant done = Instant.parse(archive.completedAt);
                    if (!done.isBefore(from) && done.isBefore(until)) {
                        Map<String, Object> run = new java.util.LinkedHashMap<>();
                        run.put("archive", archive.id);
                        run.put("rows", archive.rows);
                        run.put("tenants", archive.tenants.size());
                        run.put("completedAt", archive.completedAt);
                        report.archivalRuns.add(run);
                    }
                }
            }
        }
        var tombstones = ErasureOptions.fromConfig(config).tombstones();
        if (tombstones.isEmpty()) {
            report.notes.add("erasure.tombstones not set: erasures not counted");
        } else {
            for (Instant at : Tombstones.erasedAt(tombstones.get())) {
                if (!at.isBefore(from) && at.isBefore(until)) {
                    report.erasures++;
                }
            }
        }
    }

    /** What each hot store still holds of events older than the retention, at the month's end. */
    static void retention(Configuration config, Instant until, ComplianceReport report)
            throws Exception {
        Duration keep = config.get(ArchivalOptions.RETENTION);
        Instant cutoff = until.minus(keep);
        report.retentionCutoff = cutoff.toString();
        LakeArchive lake =
                new LakeArchive(
                        EventLakeOptions.path(config), config.get(EventLakeOptions.COMPRESSION));
        List<HotStore> stores = HotStore.open(config, lake);
        try {
            for (HotStore store : stores) {
                report.retention.put(store.name(), store.olderThan(cutoff));
            }
        } finally {
            for (HotStore store : stores) {
                store.close();
            }
        }
    }
}
