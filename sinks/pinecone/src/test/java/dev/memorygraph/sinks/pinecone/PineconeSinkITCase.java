package dev.memorygraph.sinks.pinecone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Value;
import dev.memorygraph.core.retry.RetryPolicy;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.PiiReport;
import dev.memorygraph.sinks.pinecone.fake.PineconeFake;
import dev.memorygraph.sinks.testing.TestingDeadLetterQueue;
import dev.memorygraph.testing.TestEvents;
import io.grpc.Status;
import io.pinecone.proto.Vector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PineconeSink} on a MiniCluster, driving the real Pinecone client against {@link
 * PineconeFake}: Pinecone has no local server, so this is the one store tested against a fake. The
 * fake speaks the client's gRPC wire protocol and enforces Pinecone's documented limits; the
 * results say nothing about Pinecone's own latency or consistency.
 */
class PineconeSinkITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final Instant T = Instant.parse("2026-11-26T08:00:00Z");
    static final int DIMENSION = 384;
    static final String KEY = "test-key-123";

    @TempDir static Path dir;
    static Path keyFile;
    static PineconeFake pinecone;

    @BeforeAll
    static void start() throws Exception {
        keyFile = Files.writeString(dir.resolve("pinecone.key"), KEY + "\n");
        pinecone = PineconeFake.start(KEY, "llm-prompts", DIMENSION);
    }

    @AfterAll
    static void stop() throws Exception {
        pinecone.close();
    }

    @BeforeEach
    void clear() {
        pinecone.clear();
    }

    @Test
    void promptsAreUpsertedOncePerIdIntoTheirTenantsNamespaceWithinPineconesLimits()
            throws Exception {
        List<VectorRecord> vectors = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            vectors.add(vector("p" + i, i % 4 == 3 ? null : "tenant-" + (i % 4), DIMENSION, i));
        }
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("pinecone-ok");

        run(vectors, sink(dlq).build(), 2);
        run(vectors, sink(dlq).build(), 2); // a replay overwrites

        assertThat(pinecone.totalVectors()).isEqualTo(2_500);
        assertThat(pinecone.vectors("tenant-0")).hasSize(625);
        assertThat(pinecone.vectors("tenant-1")).hasSize(625);
        assertThat(pinecone.vectors("tenant-2")).hasSize(625);
        assertThat(pinecone.vectors("__default__")).hasSize(625);
        assertThat(pinecone.upserts())
                .allSatisfy(
                        upsert -> {
                            assertThat(upsert.vectors()).isBetween(1, 500);
                            assertThat(upsert.bytes()).isLessThanOrEqualTo(2 * 1024 * 1024);
                        });
        Vector stored = pinecone.vectors("tenant-1").get("p1");
        assertThat(stored.getValuesList()).hasSize(DIMENSION);
        Map<String, Value> metadata = stored.getMetadata().getFieldsMap();
        assertThat(metadata.keySet())
                .isSubsetOf(
                        Set.of(
                                "tenant_id",
                                "user_id",
                                "session_id",
                                "application_id",
                                "model_id",
                                "model_provider",
                                "created_at",
                                "created_at_iso",
                                "language",
                                "template_id",
                                "has_pii",
                                "pii_types"));
        assertThat(metadata.get("tenant_id").getStringValue()).isEqualTo("tenant-1");
        assertThat(metadata.get("created_at").getNumberValue())
                .isEqualTo(T.plusSeconds(1).getEpochSecond());
        assertThat(metadata.get("pii_types").getListValue().getValues(0).getStringValue())
                .isEqualTo("EMAIL");
        assertThat(stored.getMetadata().toString()).doesNotContain("secret text");
        assertThat(dlq.durable()).isEmpty();
    }

    @Test
    void largeVectorsAreBatchedUnderTwoMegabytes() throws Exception {
        PineconeFake wide = PineconeFake.start(KEY, "wide", 3_072);
        try {
            List<VectorRecord> large = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                large.add(vector("w" + i, "tenant-0", 3_072, i));
            }
            TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("pinecone-wide");
            run(large, sink(dlq, wide, 3_072).setMaxBatchSize(1_000).build(), 1);

            assertThat(wide.totalVectors()).isEqualTo(1_200);
            assertThat(wide.upserts()).hasSizeGreaterThan(1);
            assertThat(wide.upserts())
                    .allSatisfy(u -> assertThat(u.bytes()).isLessThanOrEqualTo(2 * 1024 * 1024));
            assertThat(dlq.durable()).isEmpty();
        } finally {
            wide.close();
        }
    }

    @Test
    void aVectorOfTheWrongDimensionIsDeadLetteredAloneAfterTheBatchIsSplit() throws Exception {
        List<VectorRecord> vectors = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            vectors.add(vector("e" + i, "tenant-0", i == 13 ? 10 : DIMENSION, i));
        }
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("pinecone-poison");

        run(vectors, sink(dlq).build(), 1);

        assertThat(pinecone.vectors("tenant-0")).hasSize(39).doesNotContainKey("e13");
        assertThat(dlq.durable()).hasSize(1);
        DeadLetter letter = dlq.durable().get(0);
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("e13");
        assertThat(letter.message()).contains("grpc INVALID_ARGUMENT");
        assertThat(Vector.parseFrom(letter.value()).getId()).isEqualTo("e13");
    }

    @Test
    void overloadAndOutagesAreRetried() throws Exception {
        pinecone.failNext(Status.UNAVAILABLE, 1);
        pinecone.failNext(Status.RESOURCE_EXHAUSTED, 1);
        pinecone.failNext(Status.DEADLINE_EXCEEDED, 1);
        List<VectorRecord> vectors = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            vectors.add(vector("r" + i, "tenant-0", DIMENSION, i));
        }
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("pinecone-retry");

        run(vectors, sink(dlq).setMaxBatchSize(50).build(), 1);

        assertThat(pinecone.vectors("tenant-0")).hasSize(50);
        assertThat(dlq.durable()).isEmpty();
    }

    @Test
    void aRejectedKeyFailsTheJobNamingTheStatus() throws Exception {
        Path wrongKey = Files.writeString(dir.resolve("wrong.key"), "not-the-key");
        TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("pinecone-auth");
        PineconeSink sink =
                PineconeSink.builder()
                        .setConnection(
                                new PineconeIndexConnection(
                                        "llm-prompts",
                                        pinecone.dataPlaneUrl(),
                                        "https://api.pinecone.io",
                                        wrongKey.toString(),
                                        Duration.ofSeconds(5),
                                        false,
                                        DIMENSION,
                                        "aws",
                                        "us-east-1"))
                        .setDeadLetterQueue(dlq)
                        .setRetryPolicy(retries())
                        .build();

        assertThatThrownBy(() -> run(List.of(vector("a", "t", DIMENSION, 1)), sink, 1))
                .hasStackTraceContaining("grpc UNAUTHENTICATED")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("not-the-key"));
        assertThat(dlq.durable()).isEmpty();
    }

    @Test
    void theControlPlaneCreatesAMissingIndexAndNamesItsHost() throws Exception {
        try (PineconeFake empty = PineconeFake.startWithoutIndex(KEY)) {
            TestingDeadLetterQueue dlq = new TestingDeadLetterQueue("pinecone-create");
            PineconeSink sink =
                    PineconeSink.builder()
                            .setConnection(
                                    new PineconeIndexConnection(
                                            "llm-prompts",
                                            null,
                                            empty.controlPlaneUrl(),
                                            keyFile.toString(),
                                            Duration.ofSeconds(5),
                                            true,
                                            DIMENSION,
                                            "aws",
                                            "us-east-1"))
                            .setDeadLetterQueue(dlq)
                            .setRetryPolicy(retries())
                            .build();

            run(List.of(vector("c1", "t", DIMENSION, 1), vector("c2", "t", DIMENSION, 2)), sink, 2);

            assertThat(empty.dimension()).contains(DIMENSION);
            assertThat(empty.createdTags().orElseThrow().path("hnsw_m").asText()).isEqualTo("16");
            assertThat(empty.vectors("t")).containsOnlyKeys("c1", "c2");
        }
    }

    @Test
    void aMissingIndexFailsTheJobWhenNotToBeCreated() throws Exception {
        try (PineconeFake empty = PineconeFake.startWithoutIndex(KEY)) {
            PineconeSink sink =
                    PineconeSink.builder()
                            .setConnection(
                                    new PineconeIndexConnection(
                                            "llm-prompts",
                                            null,
                                            empty.controlPlaneUrl(),
                                            keyFile.toString(),
                                            Duration.ofSeconds(5),
                                            false,
                                            DIMENSION,
                                            "aws",
                                            "us-east-1"))
                            .setDeadLetterQueue(new TestingDeadLetterQueue("pinecone-missing"))
                            .build();

            assertThatThrownBy(() -> run(List.of(vector("m", "t", DIMENSION, 1)), sink, 1))
                    .hasStackTraceContaining("Pinecone has no index 'llm-prompts'")
                    .hasStackTraceContaining("pinecone.index.create-if-missing");
        }
    }

    @Test
    void settingsBeyondPineconesLimitsAreRefusedNamingTheKey() {
        Configuration config = new Configuration();
        config.set(PineconeOptions.API_KEY_FILE, keyFile.toString());
        config.set(PineconeOptions.HOST, pinecone.dataPlaneUrl());
        config.set(PineconeOptions.BATCH_MAX_VECTORS, 1_001);
        assertThatThrownBy(
                        () ->
                                PineconeSink.builder()
                                        .fromConfig(config)
                                        .setDeadLetterQueue(new TestingDeadLetterQueue("x"))
                                        .build())
                .hasMessageContaining("pinecone.batch.max-vectors");
        config.set(PineconeOptions.BATCH_MAX_VECTORS, 100);
        config.setString("pinecone.batch.max-bytes", "4mb");
        assertThatThrownBy(
                        () ->
                                PineconeSink.builder()
                                        .fromConfig(config)
                                        .setDeadLetterQueue(new TestingDeadLetterQueue("y"))
                                        .build())
                .hasMessageContaining("pinecone.batch.max-bytes");
        Configuration noKey = new Configuration();
        assertThatThrownBy(() -> PineconeSink.builder().fromConfig(noKey))
                .hasMessageContaining("pinecone.api-key-file");
    }

    static VectorRecord vector(String id, String tenant, int dimension, int seed) {
        InboundEvent prompt = TestEvents.prompt(id, T.plusSeconds(seed), "secret text " + seed);
        if (tenant != null) {
            prompt = InboundEvent.of(prompt.prompt().withTenant(tenant), prompt.origin());
        }
        EnrichedEvent enriched =
                new EnrichedEvent(
                        prompt, null, new PiiReport("redact", List.of("EMAIL"), List.of(1), null));
        float[] values = new float[dimension];
        Random random = new Random(seed);
        for (int i = 0; i < dimension; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new EventVectors("__default__", dimension).toRecord(enriched, values);
    }

    static PineconeSink.Builder sink(TestingDeadLetterQueue dlq) {
        return sink(dlq, pinecone, DIMENSION);
    }

    static PineconeSink.Builder sink(TestingDeadLetterQueue dlq, PineconeFake fake, int dimension) {
        return PineconeSink.builder()
                .setConnection(
                        new PineconeIndexConnection(
                                "llm-prompts",
                                fake.dataPlaneUrl(),
                                "https://api.pinecone.io",
                                keyFile.toString(),
                                Duration.ofSeconds(5),
                                false,
                                dimension,
                                "aws",
                                "us-east-1"))
                .setDeadLetterQueue(dlq)
                .setRetryPolicy(retries());
    }

    static RetryPolicy retries() {
        return RetryPolicy.of("test", Duration.ofMillis(50), 2.0, Duration.ofMillis(400), 3, 0.0);
    }

    static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    static void run(List<VectorRecord> vectors, PineconeSink sink, int parallelism)
            throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.fromData(vectors)
                .setParallelism(1)
                .rebalance()
                .sinkTo(sink)
                .setParallelism(parallelism)
                .name("Pinecone");
        env.execute("pinecone-sink-test");
    }
}
