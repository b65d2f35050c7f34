package dev.memorygraph.batch.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.elasticsearch.server.EmbeddedElasticsearch;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.rollup.Rollup;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.operators.rollup.RollupStage;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.sinks.elasticsearch.RollupView;
import dev.memorygraph.testing.EmbeddedKafka;
import dev.memorygraph.testing.TestEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hourly rollup job on the lake, against a real InfluxDB-protocol server (QuestDB) and a real
 * Elasticsearch node (the view): the rows of the window's hours, exactly the rows the rollup
 * operator gives for those events; the days and the month merged from them through the view; and a
 * rerun of the same hours overwrites everything (QuestDB deduplicating on the point's timestamp and
 * tags, as InfluxDB keeps one point per series and time; the view by document id).
 */
class RollupJobITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final Instant T0 = Instant.parse("2026-11-30T20:00:00Z");

    @TempDir Path tmp;

    static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(1, "rollups.dlq", "rollups.reconcile");
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void theWindowsHoursBecomeExactlyTheOperatorsRowsAndARerunOverwritesThem() throws Exception {
        List<EnrichedEvent> events =
                TestEvents.joinedResponses(2_000, new Random(5), T0, Duration.ofHours(10));
        Path lake = tmp.resolve("lake");
        writeLake(events, lake);
        Instant from = T0.plus(Duration.ofHours(2));
        Instant until = T0.plus(Duration.ofHours(6));
        List<Rollup> contributions = new ArrayList<>();
        long inWindow = 0;
        for (EnrichedEvent e : events) {
            Instant t = e.event().eventTime();
            if (!t.isBefore(from) && t.isBefore(until)) {
                inWindow++;
                for (Rollup r : RollupStage.contributions(e)) {
                    contributions.add(
                            r.inWindow(
                                    RollupStage.HOUR,
                                    RollupStage.windowStart(RollupStage.HOUR, t.toEpochMilli())));
                }
            }
        }
        List<Rollup> expected = RollupStage.mergeInto(RollupStage.HOUR, contributions);

        List<Rollup> days = RollupStage.mergeInto(RollupStage.DAY, expected);
        List<Rollup> months = RollupStage.mergeInto(RollupStage.MONTH, days);

        BoundedJobs.Outcome first = rollUp(lake, from, until);
        assertThat(first.code()).as(first.summary()).isEqualTo(ExitCode.SUCCESS);
        assertThat(first.summary())
                .contains(expected.size() + " hourly rows")
                .contains(days.size() + " daily rows")
                .contains(months.size() + " monthly rows");
        awaitRows(expected.size());
        query(
                "alter table llm_rollups dedup enable upsert keys(timestamp, granularity,"
                        + " dimension, tenant_id, model_id, user_id)");
        BoundedJobs.Outcome again = rollUp(lake, from, until);
        assertThat(again.code()).isEqualTo(ExitCode.SUCCESS);
        Thread.sleep(2_000); // QuestDB applies WAL writes asynchronously
        long all = expected.size() + days.size() + months.size();
        assertThat(awaitRows(all)).isEqualTo(all);

        // the view holds every row once, sketches included: days and months equal the merges
        try (RestClient rest =
                RestClient.builder(HttpHost.create(EmbeddedElasticsearch.shared().uri().toString()))
                        .build()) {
            RollupView view = new RollupView("rollups-it");
            Instant far = Instant.parse("2030-01-01T00:00:00Z");
            assertThat(view.read(rest, RollupStage.HOUR, Instant.EPOCH, far))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(view.read(rest, RollupStage.DAY, Instant.EPOCH, far))
                    .containsExactlyInAnyOrderElementsOf(days);
            assertThat(view.read(rest, RollupStage.MONTH, Instant.EPOCH, far))
                    .containsExactlyInAnyOrderElementsOf(months);
        }

        JsonNode sums =
                query(
                        "select sum(responses), sum(errors), sum(unpriced) from llm_rollups"
                                + " where granularity = 'hour' and dimension = 'tenant'");
        assertThat(sums.get(0).get(0).asLong()).isEqualTo(inWindow);
        assertThat(sums.get(0).get(1).asLong())
                .isEqualTo(
                        expected.stream()
                                .filter(r -> r.dimension.equals("tenant"))
                                .mapToLong(r -> r.errors)
                                .sum());
        assertThat(sums.get(0).get(2).asLong())
                .isEqualTo(
                        expected.stream()
                                .filter(r -> r.dimension.equals("tenant"))
                                .mapToLong(r -> r.unpriced)
                                .sum());
        Rollup acme =
                expected.stream()
                        .filter(r -> r.dimension.equals("tenant") && "acme".equals(r.tenantId))
                        .filter(r -> r.windowStart == from.toEpochMilli())
                        .findFirst()
                        .orElseThrow();
        JsonNode row =
                query(
                        "select responses, latency_p95_ms from llm_rollups where granularity = 'hour'"
                                + " and dimension = 'tenant' and tenant_id = 'acme' and timestamp = '"
                                + from
                                + "'");
        assertThat(row.get(0).get(0).asLong()).isEqualTo(acme.responses);
        assertThat(row.get(0).get(1).asDouble()).isEqualTo(acme.latencyMs.quantile(0.95));
    }

    @Test
    void aWindowThatIsNotWholeHoursIsRefusedBeforeSubmission() throws Exception {
        BoundedJobs.Outcome outcome =
                rollUp(tmp.resolve("lake"), T0.plusSeconds(90), T0.plus(Duration.ofHours(1)));
        assertThat(outcome.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.summary()).contains("whole hours");
    }

    static void writeLake(List<EnrichedEvent> events, Path lake) throws Exception {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(EventLakeOptions.PATH, lake.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.fromData(events).sinkTo(EventLake.sink(config)).uid("lake").name("lake");
        env.execute("write-lake");
    }

    static BoundedJobs.Outcome rollUp(Path lake, Instant from, Instant until) {
        String[] args = {
            "--execution.runtime-mode",
            "BATCH",
            "--lake.path",
            lake.toUri().toString(),
            "--influxdb.enabled",
            "true",
            "--influxdb.url",
            EmbeddedQuestDb.shared().uri().toString(),
            "--neo4j.enabled",
            "false",
            // where a store's rejections and outages go, as in every job
            "--kafka.bootstrap-servers",
            kafka.bootstrapServers(),
            "--kafka.topic.dlq",
            "rollups.dlq",
            "--kafka.topic.reconciliation",
            "rollups.reconcile",
            "--elasticsearch.enabled",
            "true",
            "--elasticsearch.hosts",
            EmbeddedElasticsearch.shared().uri().toString(),
            "--elasticsearch.rollups-index",
            "rollups-it",
            "--from",
            from.toString(),
            "--until",
            until.toString()
        };
        return BoundedJobs.run(
                RollupJob.NAME,
                args,
                StreamExecutionEnvironment.getExecutionEnvironment(),
                (config, env) -> RollupJob.run(config, env).outcome());
    }

    static long awaitRows(long expected) throws Exception {
        long count = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                count = query("select count() from llm_rollups").get(0).get(0).asLong();
            } catch (RuntimeException notYet) {
                count = -1;
            }
            if (count >= expected) {
                return count;
            }
            Thread.sleep(200);
        }
        return count;
    }

    static JsonNode query(String sql) throws Exception {
        String body = EmbeddedQuestDb.shared().sql(sql);
        JsonNode node = new ObjectMapper().readTree(body);
        if (node.has("error")) {
            throw new IllegalStateException(node.path("error").asText());
        }
        return node.path("dataset");
    }
}
