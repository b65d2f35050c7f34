package dev.memorygraph.local;

import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.streaming.StreamingJob;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Throughput of the first slice on the MiniCluster (2 slots): a parse-only job (source, Jackson
 * parse, discard) against the full slice (validate, dedup, text, event lake, DLQ), on the same
 * generated ~2 KB events in the same run. Prints events/s, their ratio and peak heap; the slice
 * with PII again with the text caches off, and unchained, where each stage's CPU time per event is
 * printed next to the same code alone on the same records ({@link StageLimits}) and their ratio.
 *
 * <p>System properties: {@code bench.events} (default 200000), {@code bench.bytes} (prompt text
 * padding, default 1000, which with history and metadata makes ~2.2 KB records).
 */
public final class SliceBenchmark {

    private static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("bench.events", 200_000);
        int bytes = Integer.getInteger("bench.bytes", 1000);
        Path lake = Files.createTempDirectory("memory-graph-bench-lake");

        System.out.printf(
                "Benchmark: %d events of ~%d bytes, parallelism 2, %d cores, max heap %d MB%n",
                events,
                RecordPool.averageSize(bytes),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        String policy = System.getProperty("bench.pii.policy", "redact");
        // warm up the JIT on every graph
        run("warm-up parse-only", events / 10, bytes, lake, Mode.PARSE_ONLY, policy);
        run("warm-up full slice", events / 10, bytes, lake, Mode.SLICE, policy);
        run("warm-up with PII", events / 10, bytes, lake, Mode.SLICE_WITH_PII, policy);

        Result parse = run("parse-only", events, bytes, lake, Mode.PARSE_ONLY, policy);
        Result full = run("full slice", events, bytes, lake, Mode.SLICE, policy);
        Result pii = run("slice with PII", events, bytes, lake, Mode.SLICE_WITH_PII, policy);
        Result uncached =
                run(
                        "with PII, caches off",
                        events,
                        bytes,
                        lake,
                        Mode.SLICE_WITH_PII_UNCACHED,
                        policy);
        Result unchained =
                run(
                        "with PII, unchained",
                        events,
                        bytes,
                        lake,
                        Mode.SLICE_WITH_PII_UNCHAINED,
                        policy);

        System.out.println();
        System.out.printf(
                "parse-only : %,10.0f events/s   peak heap %,6d MB%n",
                parse.rate(), parse.peakHeapMb());
        System.out.printf(
                "full slice : %,10.0f events/s   peak heap %,6d MB%n",
                full.rate(), full.peakHeapMb());
        System.out.printf(
                "with PII   : %,10.0f events/s   peak heap %,6d MB   (policy %s, in-process NER)%n",
                pii.rate(), pii.peakHeapMb(), policy);
        System.out.printf(
                "  text caches off (text.cache-entries=0): %,10.0f events/s%n", uncached.rate());
        System.out.printf("ratio full/parse-only: %.2f%n", full.rate() / parse.rate());
        System.out.printf("ratio PII on/off: %.2f%n", pii.rate() / full.rate());
        printStages(events, unchained, pii.rate(), bytes);
        System.exit(0);
    }

    /**
     * Per stage, µs of CPU per event in the job (the unchained run: each operator its own task
     * thread, all subtasks summed; threads below 0.5 µs/event left out) next to the same code alone
     * on the same records (see {@link StageLimits}), and the sum-of-stages limit on this machine's
     * cores.
     */
    private static void printStages(long events, Result unchained, double rate, int bytes)
            throws java.io.IOException {
        Configuration config =
                LocalJobConfig.create(
                        "unused:9092",
                        Path.of("unused"),
                        Duration.ofSeconds(10),
                        Path.of("unused-checkpoints"),
                        null);
        Map<String, Double> limits = StageLimits.measure(config, RecordPool.sample(bytes, 2));
        Map<String, Double> inJob = new TreeMap<>();
        unchained
                .cpuMillis()
                .forEach(
                        (thread, ms) -> {
                            if (ms * 1e3 / events >= 0.5) {
                                inJob.put(thread, ms * 1e3 / events);
                            }
                        });
        System.out.println();
        System.out.println(
                "µs of CPU per event, in the job (its task threads, unchained run) and alone:");
        System.out.printf("  %-52s %10s %10s %7s%n", "stage", "in the job", "alone", "ratio");
        double aloneSum = 0;
        double jobSum = 0;
        for (Map.Entry<String, String> stage : STAGE_TASKS.entrySet()) {
            double job =
                    inJob.entrySet().stream()
                            .filter(e -> e.getKey().startsWith(stage.getValue()))
                            .mapToDouble(Map.Entry::getValue)
                            .sum();
            double alone =
                    limits.entrySet().stream()
                            .filter(e -> e.getKey().startsWith(stage.getKey()))
                            .mapToDouble(Map.Entry::getValue)
                            .sum();
            aloneSum += alone;
            jobSum += job;
            System.out.printf(
                    "  %-52s %10.1f %10.1f %7.2f%n", stage.getKey(), job, alone, job / alone);
        }
        limits.forEach(
                (stage, micros) ->
                        System.out.printf("    %-50s %10s %10.1f%n", stage.strip(), "", micros));
        double other = 0;
        for (Map.Entry<String, Double> task : inJob.entrySet()) {
            boolean matched =
                    STAGE_TASKS.values().stream().anyMatch(p -> task.getKey().startsWith(p));
            if (!matched) {
                other += task.getValue();
                System.out.printf(
                        "  %-52s %10.1f %10s%n",
                        "(other thread) " + task.getKey(), task.getValue(), "");
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double limit = cores * 1e6 / aloneSum;
        System.out.printf(
                "RESULT stages alone %.1f µs/event: the sum-of-stages limit on %d cores is %,.0f"
                        + " events/s; the chained job with PII ran %,.0f events/s = %.2f of it"
                        + " (in the unchained job those stages took %.1f µs, everything else"
                        + " %.1f µs)%n",
                aloneSum, cores, limit, rate, rate / limit, jobSum, other);
    }

    /** The stages measured alone, by the prefix of their task's name in the unchained job. */
    private static final Map<String, String> STAGE_TASKS =
            new java.util.LinkedHashMap<>(
                    Map.of(
                            "validation", "Validate events",
                            "text", "Text features",
                            "PII", "PII detection and policy",
                            "lake", "Event lake (Parquet)"));

    record Result(double rate, long peakHeapMb, Map<String, Double> cpuMillis) {}

    /** The baseline's whole work: parse the JSON, as the cheapest possible ingest would. */
    static int parseOnly(RawEvent raw) {
        try {
            return raw.value() == null ? 0 : EventJson.mapper().readTree(raw.value()).size();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** What a run measures. */
    enum Mode {
        PARSE_ONLY,
        SLICE,
        SLICE_WITH_PII,
        /** With PII, {@code text.cache-entries} 0: every text measured again. */
        SLICE_WITH_PII_UNCACHED,
        /** With PII, every operator its own task thread, CPU time sampled by thread. */
        SLICE_WITH_PII_UNCHAINED
    }

    private static Result run(
            String name, long events, int bytes, Path lake, Mode mode, String piiPolicy)
            throws Exception {
        String run = name.replace(' ', '-');
        Configuration config =
                LocalJobConfig.create(
                        "unused:9092",
                        lake.resolve(run),
                        Duration.ofSeconds(10),
                        lake.resolve(run + "-checkpoints"),
                        null);
        config.setString("restart-strategy.type", "none"); // a benchmark must fail, not loop
        config.set(
                dev.memorygraph.operators.embed.EmbeddingOptions.ENABLED, false); // measured apart
        config.set(PiiOptions.ENABLED, mode != Mode.SLICE && mode != Mode.PARSE_ONLY);
        if (mode == Mode.SLICE_WITH_PII_UNCACHED) {
            config.set(dev.memorygraph.operators.text.TextOptions.CACHE_ENTRIES, 0);
        }
        boolean unchained = mode == Mode.SLICE_WITH_PII_UNCHAINED;
        if (unchained) {
            config.set(org.apache.flink.configuration.PipelineOptions.OPERATOR_CHAINING, false);
        }
        config.set(PiiOptions.DEFAULT_POLICY, piiPolicy);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        DataGeneratorSource<RawEvent> source =
                new DataGeneratorSource<>(
                        new RecordPool(bytes), events, TypeInformation.of(RawEvent.class));
        if (mode != Mode.PARSE_ONLY) {
            new StreamingJob(
                            config,
                            new StreamingJob.Io(
                                    source,
                                    WatermarkStrategy.noWatermarks(),
                                    new DiscardingSink<>(),
                                    EventLake.sink(config),
                                    null,
                                    null,
                                    null),
                            Clock.systemUTC())
                    .build(env);
        } else {
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "generated")
                    .map(SliceBenchmark::parseOnly)
                    .name("Parse JSON")
                    .sinkTo(new DiscardingSink<>());
        }
        System.gc();
        HeapSampler heap = new HeapSampler();
        heap.start();
        FIRST_RECORD_NANOS.set(0);
        ThreadCpu cpu = new ThreadCpu();
        cpu.start();
        env.execute(name);
        long end = System.nanoTime();
        Map<String, Double> cpuMillis = cpu.finish();
        heap.finish();
        double seconds = (end - FIRST_RECORD_NANOS.get()) / 1e9;
        double rate = events / seconds;
        System.out.printf(
                "%-20s %,d events in %.2f s = %,.0f events/s%n", name, events, seconds, rate);
        return new Result(rate, heap.peak() >> 20, cpuMillis);
    }

    /**
     * Generates a pool of realistic records once per subtask, then hands out copies whose event ids
     * are made unique per index, so dedup sees the intended ~1% duplicates, not the pool size.
     */
    static final class RecordPool implements GeneratorFunction<Long, RawEvent> {
        private static final long serialVersionUID = 1L;
        private static final int POOL = 4096;
        private static final byte[] EVENT_ID = "\"eventId\":\"".getBytes(StandardCharsets.UTF_8);

        private final int bytes;
        private transient TestRecord[] pool;
        private transient int[] idOffsets;

        RecordPool(int bytes) {
            this.bytes = bytes;
        }

        /** The records subtasks {@code 0..subtasks-1} hand out first, one pool each. */
        static java.util.List<RawEvent> sample(int bytes, int subtasks) {
            java.util.List<RawEvent> out = new java.util.ArrayList<>();
            for (int subtask = 0; subtask < subtasks; subtask++) {
                RecordPool pool = new RecordPool(bytes);
                pool.fill(subtask);
                for (long i = 0; i < POOL; i++) {
                    out.add(pool.map(i));
                }
            }
            return out;
        }

        static int averageSize(int bytes) {
            RecordPool pool = new RecordPool(bytes);
            pool.fill(0);
            return (int)
                    Arrays.stream(pool.pool)
                            .filter(r -> r.value() != null)
                            .mapToInt(r -> r.value().length)
                            .average()
                            .orElse(0);
        }

        @Override
        public void open(SourceReaderContext context) {
            fill(context.getIndexOfSubtask());
        }

        private void fill(int subtask) {
            TrafficGenerator generator =
                    new TrafficGenerator(
                            new TrafficGenerator.Config(
                                    "llm.prompts.v1",
                                    "llm.responses.v1",
                                    "llm.sessions.v1",
                                    0.01,
                                    0.01,
                                    bytes,
                                    1000L + subtask),
                            Clock.systemUTC());
            pool = new TestRecord[POOL];
            idOffsets = new int[POOL];
            for (int i = 0; i < POOL; i++) {
                pool[i] = generator.next();
                idOffsets[i] =
                        pool[i].kind() == TestRecord.Kind.INVALID
                                ? -1
                                : indexOf(pool[i].value(), EVENT_ID);
            }
        }

        @Override
        public RawEvent map(Long index) {
            FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime());
            TestRecord record = pool[(int) (index % POOL)];
            byte[] value = record.value();
            int at = idOffsets[(int) (index % POOL)];
            if (at >= 0 && record.kind() != TestRecord.Kind.DUPLICATE) {
                value = Arrays.copyOf(value, value.length);
                // overwrite the last 12 hex digits of the UUID with the index
                byte[] suffix = String.format("%012x", index).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(suffix, 0, value, at + EVENT_ID.length + 24, 12);
            }
            return new RawEvent(
                    record.topic(),
                    0,
                    index,
                    System.currentTimeMillis(),
                    record.key(),
                    value,
                    "1.0",
                    "bench");
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; haystack != null && i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** Samples used heap every 20 ms. */
    static final class HeapSampler extends Thread {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running.get()) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() throws InterruptedException {
            running.set(false);
            join();
        }

        long peak() {
            return peak;
        }
    }
}
