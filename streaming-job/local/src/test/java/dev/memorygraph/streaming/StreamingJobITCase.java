package dev.memorygraph.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.memorygraph.local.LocalJobConfig;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.operators.lake.LakeTestSupport;
import dev.memorygraph.testing.EmbeddedKafka;
import dev.memorygraph.testing.InvalidRecords;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job end to end: a real KRaft broker, the MiniCluster, a fixed mix of valid traffic,
 * duplicates and every hostile kind of record. The lake must hold exactly the unique valid events
 * and the DLQ exactly the invalid records, byte for byte, with their reasons.
 */
class StreamingJobITCase {

    static final String PROMPTS = "llm.prompts.v1";
    static final String RESPONSES = "llm.responses.v1";
    static final String SESSIONS = "llm.sessions.v1";
    static final String DLQ = "llm.dlq.v1";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static EmbeddedKafka kafka;

    @TempDir Path tmp;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, PROMPTS, RESPONSES);
        kafka.createTopics(1, SESSIONS, DLQ);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void lakeHoldsTheUniqueValidEventsAndTheDlqEveryInvalidRecord() throws Exception {
        Instant now = Instant.now();
        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults(PROMPTS, RESPONSES, SESSIONS)
                                .withRatios(0.05, 0.0),
                        Clock.systemUTC());
        List<TestRecord> records = new ArrayList<>(generator.take(400));
        InvalidRecords invalid = new InvalidRecords(PROMPTS, RESPONSES, SESSIONS, now);
        records.addAll(invalid.all());
        records.add(invalid.withUnknownFields());
        try (KafkaTrafficProducer producer = new KafkaTrafficProducer(kafka.bootstrapServers())) {
            producer.sendAll(records);
        }
        Set<String> expectedIds =
                records.stream()
                        .filter(r -> r.kind() == TestRecord.Kind.VALID)
                        .map(TestRecord::eventId)
                        .collect(Collectors.toSet());
        List<TestRecord> expectedDeadLetters =
                records.stream().filter(r -> r.kind() == TestRecord.Kind.INVALID).toList();
        assertThat(records).anyMatch(r -> r.kind() == TestRecord.Kind.DUPLICATE);

        Path lake = tmp.resolve("lake");
        Configuration config =
                LocalJobConfig.create(
                        kafka.bootstrapServers(),
                        lake,
                        Duration.ofMillis(500),
                        tmp.resolve("checkpoints"),
                        null);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        StreamingJob.fromConfig(config).build(env);
        JobClient job = env.executeAsync(StreamingJob.JOB_NAME);
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () ->
                                    LakeFiles.committedRows(lake) >= expectedIds.size()
                                            && kafka.endOffsetSum(DLQ)
                                                    >= expectedDeadLetters.size());
            // and it stays so over several more checkpoints: nothing extra arrives late
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () ->
                                    LakeFiles.committedRows(lake) == expectedIds.size()
                                            && kafka.endOffsetSum(DLQ)
                                                    == expectedDeadLetters.size());
        } finally {
            job.cancel().get();
        }

        List<EnrichedEvent> rows = LakeTestSupport.readRows(lake);
        assertThat(rows).extracting(EnrichedEvent::eventId).doesNotHaveDuplicates();
        assertThat(rows.stream().map(EnrichedEvent::eventId).collect(Collectors.toSet()))
                .isEqualTo(expectedIds);
        assertThat(rows)
                .filteredOn(r -> r.event().text() != null)
                .allSatisfy(
                        r -> {
                            assertThat(r.text().textHash()).hasSize(64);
                            assertThat(r.text().tokenCount()).isPositive();
                            assertThat(r.event().origin().schemaVersion()).isEqualTo("1.0");
                            assertThat(r.event().origin().source()).isEqualTo("observatory");
                        });
        // the embedding stage is on by default: every prompt with text has its vector in the lake
        assertThat(rows)
                .filteredOn(
                        r ->
                                r.event().type() == dev.memorygraph.model.EventType.PROMPT
                                        && r.event().text() != null
                                        && !r.event().text().isBlank())
                .isNotEmpty()
                .allSatisfy(
                        r -> {
                            assertThat(r.embedding()).isNotNull();
                            assertThat(r.embedding().model()).isEqualTo("all-minilm-l6-v2-q");
                            assertThat(r.embedding().vector()).hasSize(384);
                        });
        assertThat(rows)
                .filteredOn(r -> r.event().type() != dev.memorygraph.model.EventType.PROMPT)
                .allMatch(r -> r.embedding() == null);

        List<ConsumerRecord<byte[], byte[]>> deadLetters = kafka.readAll(DLQ);
        assertThat(deadLetters).hasSize(expectedDeadLetters.size());
        assertThat(reasonsWithBytes(deadLetters))
                .isEqualTo(expectedReasonsWithBytes(expectedDeadLetters));
        for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
            assertThat(header(letter, "dlq.source.topic")).isIn(PROMPTS, RESPONSES, SESSIONS);
            assertThat(header(letter, "dlq.source.offset")).matches("\\d+");
            assertThat(header(letter, "dlq.failed.at")).isNotBlank();
            assertThat(header(letter, "dlq.message")).doesNotContain("lorem", "SECRET", "caf");
        }
    }

    /** reason -> sorted list of value fingerprints (length + hash), a multiset comparison. */
    private static Map<String, List<String>> reasonsWithBytes(
            List<ConsumerRecord<byte[], byte[]>> letters) {
        Map<String, List<String>> out = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> l : letters) {
            out.computeIfAbsent(header(l, "dlq.reason"), k -> new ArrayList<>())
                    .add(fingerprint(l.value()));
        }
        out.values().forEach(v -> v.sort(null));
        return out;
    }

    private static Map<String, List<String>> expectedReasonsWithBytes(List<TestRecord> records) {
        Map<String, List<String>> out = new HashMap<>();
        for (TestRecord r : records) {
            out.computeIfAbsent(r.expectedReason().name(), k -> new ArrayList<>())
                    .add(fingerprint(r.value()));
        }
        out.values().forEach(v -> v.sort(null));
        assertThat(out.keySet()).contains(ReasonCode.RECORD_TOO_LARGE.name());
        return out;
    }

    private static String fingerprint(byte[] value) {
        return value == null ? "null" : value.length + ":" + Arrays.hashCode(value);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
