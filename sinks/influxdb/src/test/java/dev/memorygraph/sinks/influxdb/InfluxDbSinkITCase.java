package dev.memorygraph.sinks.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memorygraph.childjvm.ChildJvm;
import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.questdb.server.EmbeddedQuestDb;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import dev.memorygraph.testing.TestEvents;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link InfluxDbSink} on a MiniCluster against a real server of the InfluxDB v2 write API (QuestDB
 * 9.3, which stores line protocol in tables and answers SQL): points read back and compared, a
 * malformed point dead-lettered alone, an unreachable server failing the job.
 */
class InfluxDbSinkITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final Instant T = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void everyResponseIsOnePointWithItsFields() throws Exception {
        EventPoints points = new EventPoints();
        List<LinePoint> batch = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            EnrichedEvent response =
                    new EnrichedEvent(
                            TestEvents.response("r" + i, T.plusMillis(i / 3), "p" + i, "ok"),
                            null,
                            null);
            batch.add(points.toPoint(response));
        }
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("influx-points");

        run(batch, sink(dlq).setMaxBatchSize(500).build(), 2);

        assertThat(awaitCount("select count() from llm_responses where status = 'ok'", 1_200))
                .isEqualTo(1_200);
        JsonNode sums = sql("select sum(total_tokens), sum(error) from llm_responses");
        assertThat(sums.get(0).get(0).asLong()).isEqualTo(1_200 * 15L);
        assertThat(sums.get(0).get(1).asLong()).isZero();
        assertThat(dlq.durable()).isEmpty();
    }

    @Test
    void aMalformedPointIsDeadLetteredAloneAfterTheBatchIsSplit() throws Exception {
        List<LinePoint> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(
                    i == 13
                            ? new LinePoint("bad", "llm_split,status=ok error=0i not-a-timestamp")
                            : new LinePoint(
                                    "e" + i,
                                    "llm_split,status=ok error=0i "
                                            + EventPoints.timestamp("e" + i, T)));
        }
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("influx-poison");

        run(batch, sink(dlq).build(), 1);

        assertThat(awaitCount("select count() from llm_split", 39)).isEqualTo(39);
        assertThat(dlq.durable()).hasSize(1);
        DeadLetter letter = dlq.durable().get(0);
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("bad");
        assertThat(letter.message()).contains("400");
    }

    @Test
    void anUnreachableServerFailsTheJobAfterItsRetries() throws Exception {
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("influx-down");
        InfluxDbSink sink =
                InfluxDbSink.builder()
                        .setConnection(
                                InfluxDbConnection.unauthenticated(
                                        "http://127.0.0.1:" + ChildJvm.freePort(), "llm"))
                        .setDeadLetterQueue(dlq)
                        .setRetryPolicy(retries(Duration.ofMillis(50), 2))
                        .build();

        assertThatThrownBy(() -> run(List.of(new LinePoint("e", "down error=0i 1")), sink, 1))
                .hasStackTraceContaining("ConnectException");
        assertThat(dlq.durable()).isEmpty();
    }

    static InfluxDbSink.Builder sink(TestingDeadLetterQueue dlq) {
        return InfluxDbSink.builder()
                .setConnection(
                        InfluxDbConnection.unauthenticated(
                                EmbeddedQuestDb.shared().uri().toString(), "llm"))
                .setDeadLetterQueue(dlq)
                .setRetryPolicy(retries(Duration.ofMillis(100), 3));
    }

    static RetryPolicy retries(Duration initial, int maxRetries) {
        return RetryPolicy.of(
                "test", initial, 2.0, initial.multipliedBy(1L << maxRetries), maxRetries, 0.0);
    }

    static void run(List<LinePoint> points, InfluxDbSink sink, int parallelism) throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.fromData(points)
                .setParallelism(1)
                .rebalance()
                .sinkTo(sink)
                .setParallelism(parallelism)
                .name("InfluxDB");
        env.execute("influxdb-sink-test");
    }

    /** QuestDB commits line protocol asynchronously: polls until the count is reached. */
    static long awaitCount(String query, long expected) throws Exception {
        long count = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                count = sql(query).get(0).get(0).asLong();
            } catch (RuntimeException notYet) {
                count = -1; // the table does not exist yet
            }
            if (count >= expected) {
                return count;
            }
            Thread.sleep(200);
        }
        return count;
    }

    static JsonNode sql(String query) throws Exception {
        URI uri =
                EmbeddedQuestDb.shared()
                        .uri()
                        .resolve("/exec?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(uri).build(),
                                HttpResponse.BodyHandlers.ofString());
        JsonNode dataset = new ObjectMapper().readTree(response.body()).get("dataset");
        if (dataset == null) {
            throw new IllegalStateException("QuestDB: HTTP " + response.statusCode());
        }
        return dataset;
    }
}
