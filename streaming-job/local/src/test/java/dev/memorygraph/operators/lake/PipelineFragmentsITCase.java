package dev.memorygraph.operators.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.model.TopicMapping;
import dev.memorygraph.operators.dedup.DedupOptions;
import dev.memorygraph.operators.dedup.DedupStage;
import dev.memorygraph.operators.metadata.MetadataOptions;
import dev.memorygraph.operators.metadata.MetadataStage;
import dev.memorygraph.operators.text.TextOptions;
import dev.memorygraph.operators.text.TextStage;
import dev.memorygraph.operators.validate.ValidationOptions;
import dev.memorygraph.operators.validate.ValidationStage;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Validate, dedup and text fragments into the event lake, on the MiniCluster in both runtime modes:
 * the lake must hold the same rows either way, and read back into the same events.
 */
class PipelineFragmentsITCase {

    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    static final TopicMapping TOPICS = new TopicMapping("p", "r", "s");

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path tmp;

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"STREAMING", "BATCH"})
    void lakeHoldsEachValidEventOnceInBothModes(RuntimeExecutionMode mode) throws Exception {
        List<TestRecord> records = traffic(600);
        Path lake = tmp.resolve("lake-" + mode);

        runFragments(records, lake, mode);
        List<EnrichedEvent> rows = LakeTestSupport.readRows(lake);

        Set<String> expected =
                records.stream()
                        .filter(r -> r.kind() == TestRecord.Kind.VALID)
                        .map(TestRecord::eventId)
                        .collect(Collectors.toSet());
        assertThat(rows).extracting(EnrichedEvent::eventId).doesNotHaveDuplicates();
        assertThat(rows.stream().map(EnrichedEvent::eventId).collect(Collectors.toSet()))
                .isEqualTo(expected);
        assertThat(rows)
                .filteredOn(r -> r.event().text() != null)
                .allSatisfy(r -> assertThat(r.text().textHash()).hasSize(64));
        assertThat(partitions(lake))
                .allMatch(p -> p.matches("dt=\\d{4}-\\d{2}-\\d{2}/hour=\\d{2}"));
    }

    @Test
    void bothModesProduceTheSameRows() throws Exception {
        List<TestRecord> records = traffic(300);
        Path streaming = tmp.resolve("streaming");
        Path batch = tmp.resolve("batch");

        runFragments(records, streaming, RuntimeExecutionMode.STREAMING);
        runFragments(records, batch, RuntimeExecutionMode.BATCH);

        // Duplicates share the payload; BATCH may keep another copy (another Kafka offset).
        assertSameEvents(
                LakeTestSupport.readLake(batch),
                LakeTestSupport.readLake(streaming),
                "event.origin");
    }

    @Test
    void aReplayDoublesTheRowsAndTheReaderStillGivesEachEventOnce() throws Exception {
        List<TestRecord> records = traffic(200);
        Path lake = tmp.resolve("replayed");

        List<EnrichedEvent> written = runFragments(records, lake, RuntimeExecutionMode.BATCH);
        runFragments(records, lake, RuntimeExecutionMode.BATCH); // the same input again

        assertThat(LakeTestSupport.readRows(lake)).hasSize(2 * written.size());
        List<EnrichedEvent> read = LakeTestSupport.readLake(lake);
        assertThat(read).extracting(EnrichedEvent::eventId).doesNotHaveDuplicates();
        // Which copy survives is not defined: the traffic has duplicates, copies differ in offsets.
        assertSameEvents(read, written, "event.origin");
    }

    @Test
    void readingBackRebuildsTheEnrichedEvents() throws Exception {
        List<TestRecord> records = traffic(100);
        Path lake = tmp.resolve("roundtrip");

        List<EnrichedEvent> written = runFragments(records, lake, RuntimeExecutionMode.BATCH);

        assertSameEvents(LakeTestSupport.readLake(lake), written);
    }

    /**
     * Files written before stage 6's columns existed (schema 0.2) read back through today's reader:
     * the new columns are null and the events carry no metadata.
     */
    @Test
    void filesOfTheSchemaBeforeStageSixStillRead() throws Exception {
        List<TestRecord> records = traffic(60);
        Path current = tmp.resolve("current");
        List<EnrichedEvent> written = runFragments(records, current, RuntimeExecutionMode.BATCH);
        assertThat(written)
                .filteredOn(e -> e.event().type() == dev.memorygraph.model.EventType.RESPONSE)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.metadata().cost()).isNotNull());

        org.apache.avro.Schema schema = EventLakeRecords.schema();
        List<org.apache.avro.Schema.Field> older = new ArrayList<>();
        for (org.apache.avro.Schema.Field f : schema.getFields()) {
            if (f.doc() == null || !f.doc().contains("(added in 0.3)")) {
                older.add(new org.apache.avro.Schema.Field(f, f.schema()));
            }
        }
        org.apache.avro.Schema before =
                org.apache.avro.Schema.createRecord(
                        schema.getName(), schema.getDoc(), schema.getNamespace(), false, older);
        Path old = tmp.resolve("old/dt=2026-11-25/hour=08");
        Files.createDirectories(old);
        try (var writer =
                org.apache.parquet.avro.AvroParquetWriter
                        .<org.apache.avro.generic.GenericRecord>builder(
                                org.apache.parquet.hadoop.util.HadoopOutputFile.fromPath(
                                        new org.apache.hadoop.fs.Path(
                                                old.resolve("part-0.parquet").toUri()),
                                        new org.apache.hadoop.conf.Configuration()))
                        .withSchema(before)
                        .build()) {
            for (EnrichedEvent e : written) {
                org.apache.avro.generic.GenericRecord full = EventLakeRecords.toRecord(e);
                org.apache.avro.generic.GenericData.Record row =
                        new org.apache.avro.generic.GenericData.Record(before);
                for (org.apache.avro.Schema.Field f : before.getFields()) {
                    row.put(f.name(), full.get(f.name()));
                }
                writer.write(row);
            }
        }
        List<EnrichedEvent> read = LakeTestSupport.readLake(tmp.resolve("old"));
        assertThat(read).hasSize(written.size());
        assertThat(read).allSatisfy(e -> assertThat(e.metadata()).isNull());
        assertSameEvents(
                read, written.stream().map(e -> e.withMetadata(null)).toList(), "event.origin");
    }

    /**
     * Issue 8 (defect 6a): without compaction every checkpoint leaves one file per subtask and
     * partition; with it, a partition's files are merged (here only at the end of input, the
     * thresholds being out of reach) into one, holding the same rows.
     */
    @Test
    void compactionLeavesOneFilePerPartitionWithTheSameRows() throws Exception {
        List<TestRecord> records = traffic(600);
        Path small = tmp.resolve("uncompacted");
        Path compacted = tmp.resolve("compacted");
        Configuration off = new Configuration();
        off.set(EventLakeOptions.COMPACTION_ENABLED, false);
        Configuration on = new Configuration();
        on.set(EventLakeOptions.COMPACTION_ENABLED, true);
        on.set(EventLakeOptions.COMPACTION_CHECKPOINTS, 1_000_000);

        runFragments(records, small, RuntimeExecutionMode.STREAMING, off, 2_000);
        List<EnrichedEvent> written =
                runFragments(records, compacted, RuntimeExecutionMode.STREAMING, on, 2_000);

        Map<String, Long> before = LakeFiles.filesPerPartition(small);
        Map<String, Long> after = LakeFiles.filesPerPartition(compacted);
        System.out.printf(
                "Lake files per partition: %s without compaction, %s with%n", before, after);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.values()).containsOnly(1L);
        assertThat(before.values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThan(after.size());
        assertSameEvents(LakeTestSupport.readRows(compacted), written);
    }

    private static List<TestRecord> traffic(int count) {
        TrafficGenerator generator =
                new TrafficGenerator(
                        TrafficGenerator.Config.defaults(
                                        TOPICS.promptsTopic(),
                                        TOPICS.responsesTopic(),
                                        TOPICS.sessionsTopic())
                                .withRatios(0.05, 0.05),
                        Clock.fixed(NOW, ZoneOffset.UTC));
        return generator.take(count);
    }

    /** Runs the fragments into the lake and returns what reached the lake sink. */
    private static List<EnrichedEvent> runFragments(
            List<TestRecord> records, Path lake, RuntimeExecutionMode mode) throws Exception {
        return runFragments(records, lake, mode, new Configuration(), 0);
    }

    /** Runs with {@code options} added, the source slowed by {@code pauseMicros} per record. */
    private static List<EnrichedEvent> runFragments(
            List<TestRecord> records,
            Path lake,
            RuntimeExecutionMode mode,
            Configuration options,
            long pauseMicros)
            throws Exception {
        Configuration config = new Configuration(options);
        config.set(ExecutionOptions.RUNTIME_MODE, mode);
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.setString("execution.checkpointing.interval", "200 ms");
        config.set(EventLakeOptions.PATH, lake.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);

        List<RawEvent> raw = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            TestRecord r = records.get(i);
            raw.add(
                    new RawEvent(
                            r.topic(),
                            0,
                            i,
                            NOW.toEpochMilli(),
                            r.key(),
                            r.value(),
                            "1.0",
                            "test"));
        }
        DataStream<InboundEvent> valid =
                ValidationStage.apply(
                                pauseMicros > 0
                                        ? env.fromData(raw).map(new Slow(pauseMicros))
                                        : env.fromData(raw),
                                TOPICS,
                                ValidationOptions.fromConfig(config),
                                Clock.fixed(NOW, ZoneOffset.UTC))
                        .valid();
        // stage 6 without a registry: the join, and costs from the fallback table
        MetadataOptions metadata = MetadataOptions.fromConfig(config);
        DataStream<EnrichedEvent> enriched =
                MetadataStage.lookUpModels(
                        MetadataStage.join(
                                TextStage.apply(
                                        DedupStage.apply(
                                                valid, new DedupOptions(Duration.ofHours(1))),
                                        TextOptions.defaults()),
                                metadata),
                        metadata);
        enriched.sinkTo(EventLake.sink(config))
                .uid(EventLake.SINK_UID)
                .name("Event lake (Parquet)");
        List<EnrichedEvent> out = new ArrayList<>();
        try (CloseableIterator<EnrichedEvent> it = enriched.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** Passes records on slowly, so that a run spans several checkpoints. */
    static final class Slow
            implements org.apache.flink.api.common.functions.MapFunction<RawEvent, RawEvent> {
        private final long pauseMicros;

        Slow(long pauseMicros) {
            this.pauseMicros = pauseMicros;
        }

        @Override
        public RawEvent map(RawEvent value) throws InterruptedException {
            java.util.concurrent.TimeUnit.MICROSECONDS.sleep(pauseMicros);
            return value;
        }
    }

    /** Same ids, and field by field the same events (ingestedAt comes from one fixed clock). */
    private static void assertSameEvents(
            List<EnrichedEvent> actual, List<EnrichedEvent> expected, String... ignoredFields) {
        Map<String, EnrichedEvent> byId =
                actual.stream().collect(Collectors.toMap(EnrichedEvent::eventId, e -> e));
        assertThat(byId.keySet())
                .isEqualTo(
                        expected.stream().map(EnrichedEvent::eventId).collect(Collectors.toSet()));
        for (EnrichedEvent e : expected) {
            assertThat(byId.get(e.eventId()))
                    .usingRecursiveComparison()
                    .ignoringFields(ignoredFields)
                    .isEqualTo(e);
        }
    }

    private static Set<String> partitions(Path lake) throws Exception {
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(lake)) {
            files.filter(f -> f.getFileName().toString().endsWith(EventLake.FILE_SUFFIX))
                    .forEach(f -> out.add(lake.relativize(f.getParent()).toString()));
        }
        return out;
    }
}
