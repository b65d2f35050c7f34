package dev.memorygraph.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memorygraph.core.metrics.MetricNames;
import dev.memorygraph.neo4j.server.EmbeddedNeo4j;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.operators.metadata.MetadataOptions;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.streaming.StreamingJob;
import dev.memorygraph.testing.EmbeddedKafka;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.LocalModelRegistry;
import dev.memorygraph.testing.LocalUserDirectory;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * The streaming job's capacity on this machine, end to end: the job as {@code run-local} deploys it
 * (Kafka source, validation, dedup, text, PII {@code redact}, metadata lookups against the local
 * registry and user directory, embeddings, the lake, graph extraction and the three Neo4j sinks;
 * chained, parallelism 2, checkpoints every 5 s) with the traffic generator, the broker and the
 * MiniCluster in this JVM and Neo4j 5.26 in a child JVM, all on the same cores. Elasticsearch and
 * InfluxDB are off: they have their own benchmark, and each adds a child JVM to the two cores.
 *
 * <p>It offers the job a rising rate, a step at a time, and calls a step sustained when the source
 * read what was produced in it (at least 97%), the backlog at its end is under two seconds of
 * traffic and the lake's committed rows are within one commit cycle plus one checkpoint of what was
 * produced (a row waits for its checkpoint, then for the compaction's checkpoints, then for the
 * commit on the next checkpoint: {@code lake.compaction.checkpoints} 2 here, so 4 checkpoints, 20
 * s). For every step it prints the offered and achieved rates, the backlog, the lake's lag, Neo4j
 * mutations per second (accepted and sent), and for the highest sustained step each job vertex's
 * busy and back-pressured time from the REST API (as the web UI shows them) and the CPU of each
 * component. After the ramp it drains the backlog, then offers half the highest sustained rate and
 * measures, for sampled prompts, the time from the producer's send to the prompt's node being
 * readable in Neo4j (p50, p99). Figures only; nothing is asserted.
 *
 * <p>System properties: {@code bench.capacity.rates} (offered records per second, comma-separated;
 * default 1000,1500,2000,2500,3000,3500,4000,5000,6000), {@code bench.capacity.step-seconds} (30),
 * {@code bench.capacity.warmup-seconds} (45, at 500 records/s), {@code
 * bench.capacity.latency-seconds} (60), {@code bench.capacity.dir} (a temporary directory).
 */
public final class CapacityBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "Kafka events";
    private static final String NEO4J = "neo4j";
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    private static final int LAKE_COMMIT_CHECKPOINTS = 2;

    private CapacityBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] rates =
                Arrays.stream(
                                System.getProperty(
                                                "bench.capacity.rates",
                                                "1000,1500,2000,2500,3000,3500,4000,5000,6000")
                                        .split(","))
                        .mapToInt(r -> Integer.parseInt(r.trim()))
                        .toArray();
        int stepSeconds = Integer.getInteger("bench.capacity.step-seconds", 30);
        int warmupSeconds = Integer.getInteger("bench.capacity.warmup-seconds", 45);
        int latencySeconds = Integer.getInteger("bench.capacity.latency-seconds", 60);
        String dirProperty = System.getProperty("bench.capacity.dir");
        Path dir =
                dirProperty == null
                        ? Files.createTempDirectory("memory-graph-capacity-")
                        : Path.of(dirProperty).toAbsolutePath();
        Files.createDirectories(dir);
        System.out.printf(
                "Capacity benchmark: the whole streaming job (PII redact, lookups, embeddings, lake,"
                        + " Neo4j) with generator, broker and Neo4j on the same %d cores; steps of"
                        + " %d s%n",
                Runtime.getRuntime().availableProcessors(), stepSeconds);

        try (EmbeddedNeo4j neo4j =
                        EmbeddedNeo4j.builder(dir.resolve("neo4j"))
                                .heap("1g")
                                .pageCache("512m")
                                .deleteOnClose(true)
                                .start();
                Driver graph = GraphDatabase.driver(neo4j.boltUri().toString());
                LocalUserDirectory users = LocalUserDirectory.start(0, null).withGeneratorUsers();
                LocalModelRegistry registry = LocalModelRegistry.start(0).withGeneratorModels();
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            Configuration config =
                    LocalJobConfig.create(
                            kafka.bootstrapServers(),
                            dir.resolve("lake"),
                            CHECKPOINT_INTERVAL,
                            dir.resolve("checkpoints"),
                            neo4j.boltUri());
            LocalJobConfig.createTopics(kafka, config);
            config.set(PiiOptions.ENABLED, true);
            config.set(PiiOptions.DEFAULT_POLICY, "redact");
            config.set(MetadataOptions.ADDRESS, registry.address());
            config.set(MetadataOptions.USER_URL, users.uri().toString());
            config.set(EventLakeOptions.COMPACTION_CHECKPOINTS, LAKE_COMMIT_CHECKPOINTS);
            int restPort = freePort();
            config.set(RestOptions.PORT, restPort);
            config.addAll(Configuration.fromMap(BenchmarkMetrics.options()));
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);
            StreamingJob.fromConfig(config).build(env);
            JobClient job = env.executeAsync(StreamingJob.JOB_NAME + " (capacity)");
            Rest rest = new Rest(URI.create("http://localhost:" + restPort), job);
            System.out.printf("Flink web UI: http://localhost:%d%n", restPort);

            ThreadCpu cpu = new ThreadCpu();
            cpu.start();
            Traffic traffic = new Traffic(kafka.bootstrapServers(), config);
            traffic.start();
            Ramp ramp =
                    new Ramp(
                            traffic,
                            rest,
                            cpu,
                            neo4j.pid(),
                            dir.resolve("lake"),
                            (LAKE_COMMIT_CHECKPOINTS + 2) * CHECKPOINT_INTERVAL.toMillis() / 1e3);

            System.out.printf("%nWarm-up: %d s at 500 records/s%n", warmupSeconds);
            ramp.step(500, warmupSeconds);
            ramp.drain();

            System.out.printf(
                    "%n%-8s %9s %9s %9s %10s %10s %12s %10s  %s%n",
                    "offered",
                    "produced",
                    "read",
                    "backlog",
                    "lake lag s",
                    "neo4j mut",
                    "neo4j sent",
                    "sent/rec",
                    "sustained");
            Step best = null;
            Step firstMissed = null;
            for (int rate : rates) {
                Step step = ramp.step(rate, stepSeconds);
                step.print();
                if (!step.sustained()) {
                    firstMissed = step;
                    break;
                }
                best = step;
            }
            double drained = ramp.drain();
            System.out.printf(
                    "Backlog and lake drained %.1f s after the producer stopped%n", drained);
            if (best == null) {
                System.out.println("RESULT no step was sustained");
            } else {
                System.out.printf(
                        "%nRESULT highest sustained rate %,d records/s (%,.0f read/s); Neo4j %,.0f"
                                + " mutations/s accepted, %,.0f sent (%.2f sent per record)%n",
                        best.offered,
                        best.readRate(),
                        best.mutationsRate(),
                        best.sentRate(),
                        best.sentPerRecord());
                best.printVertices("at the highest sustained rate");
                best.printCpu("at the highest sustained rate");
                if (firstMissed != null) {
                    firstMissed.printVertices("at the first rate not sustained");
                }
                int half = Math.max(100, best.offered / 2);
                System.out.printf(
                        "%nLatency: %d s at %,d records/s (half the highest sustained rate),"
                                + " producer send to the Prompt node readable in Neo4j%n",
                        latencySeconds, half);
                Latency latency = new Latency(graph, traffic);
                latency.start();
                Step atHalf = ramp.step(half, latencySeconds);
                List<Double> millis = latency.finish();
                atHalf.print();
                System.out.printf(
                        "RESULT event -> visible in Neo4j at %,d records/s: p50 %.0f ms, p90 %.0f"
                                + " ms, p99 %.0f ms, max %.0f ms (%d sampled prompts, %d not seen"
                                + " within 30 s)%n",
                        half,
                        percentile(millis, 0.50),
                        percentile(millis, 0.90),
                        percentile(millis, 0.99),
                        percentile(millis, 1.0),
                        millis.size(),
                        latency.unseen());
            }
            traffic.interrupt();
            job.cancel().get(30, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    /** The generator on its own thread, sending at a rate that can change between steps. */
    static final class Traffic extends Thread {
        private final KafkaTrafficProducer producer;
        private final TrafficGenerator generator;
        private final String promptsTopic;
        private volatile int rate;
        private volatile ConcurrentLinkedQueue<Probe> probes;
        private volatile long probeEveryNanos;
        private final AtomicLong valid = new AtomicLong();

        Traffic(String bootstrapServers, Configuration config) {
            super("traffic-generator");
            setDaemon(true);
            this.producer = new KafkaTrafficProducer(bootstrapServers);
            this.promptsTopic = config.get(KafkaOptions.PROMPTS_TOPIC);
            this.generator =
                    new TrafficGenerator(
                            TrafficGenerator.Config.defaults(
                                    promptsTopic,
                                    config.get(KafkaOptions.RESPONSES_TOPIC),
                                    config.get(KafkaOptions.SESSIONS_TOPIC)),
                            Clock.systemUTC());
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            long nextProbe = next;
            while (!isInterrupted()) {
                int perSecond = rate;
                if (perSecond == 0) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                    next = System.nanoTime();
                    continue;
                }
                TestRecord record = generator.next();
                producer.send(record);
                if (record.kind() == TestRecord.Kind.VALID) {
                    valid.incrementAndGet();
                    ConcurrentLinkedQueue<Probe> queue = probes;
                    long now = System.nanoTime();
                    if (queue != null && record.topic().equals(promptsTopic) && now >= nextProbe) {
                        queue.add(new Probe(record.eventId(), now));
                        nextProbe = now + probeEveryNanos;
                    }
                }
                next += TimeUnit.SECONDS.toNanos(1) / perSecond;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                } else if (wait < -TimeUnit.SECONDS.toNanos(1)) {
                    next = System.nanoTime(); // behind by a second: the generator is the limit
                }
            }
        }

        void rate(int perSecond) {
            rate = perSecond;
        }

        long sent() {
            return producer.sent();
        }

        long valid() {
            return valid.get();
        }

        void probe(ConcurrentLinkedQueue<Probe> queue, int perSecond) {
            probeEveryNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
            probes = queue;
        }
    }

    record Probe(String promptId, long sentNanos) {}

    /**
     * Polls Neo4j every 20 ms for the sampled prompts not seen yet (one query for all of them) and
     * keeps the time from each one's send to the first poll that read it.
     */
    static final class Latency extends Thread {
        private final Driver graph;
        private final Traffic traffic;
        private final ConcurrentLinkedQueue<Probe> sent = new ConcurrentLinkedQueue<>();
        private final List<Double> millis = new ArrayList<>();
        private final Map<String, Long> waiting = new LinkedHashMap<>();
        private volatile boolean running = true;
        private int unseen;

        Latency(Driver graph, Traffic traffic) {
            super("latency-probe");
            setDaemon(true);
            this.graph = graph;
            this.traffic = traffic;
            traffic.probe(sent, 20);
        }

        @Override
        public void run() {
            try (Session session = graph.session()) {
                while (running || !waiting.isEmpty()) {
                    for (Probe p; (p = sent.poll()) != null; ) {
                        waiting.put(p.promptId(), p.sentNanos());
                    }
                    if (!waiting.isEmpty()) {
                        List<String> ids = new ArrayList<>(waiting.keySet());
                        long now = System.nanoTime();
                        session.run(
                                        "UNWIND $ids AS id MATCH (p:Prompt {id: id}) RETURN id",
                                        Map.of("ids", ids))
                                .forEachRemaining(
                                        r -> {
                                            Long at = waiting.remove(r.get("id").asString());
                                            if (at != null) {
                                                millis.add((now - at) / 1e6);
                                            }
                                        });
                        waiting.values()
                                .removeIf(
                                        at -> {
                                            boolean late = now - at > TimeUnit.SECONDS.toNanos(30);
                                            unseen += late ? 1 : 0;
                                            return late;
                                        });
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops sampling, waits for the prompts sampled so far, and returns their latencies. */
        List<Double> finish() throws InterruptedException {
            traffic.probe(null, 1);
            running = false;
            join();
            return millis;
        }

        int unseen() {
            return unseen;
        }
    }

    /** Runs the steps and measures them. */
    record Ramp(
            Traffic traffic,
            Rest rest,
            ThreadCpu cpu,
            long neo4jPid,
            Path lake,
            double lakeAllowanceSeconds) {

        Step step(int rate, int seconds) throws Exception {
            Counters start = counters();
            Map<String, Double> cpuStart = cpu.snapshot(false);
            double neo4jStart = processCpuMillis(neo4jPid);
            double jvmStart = jvmCpuMillis();
            traffic.rate(rate);
            Map<String, double[]> vertices = new LinkedHashMap<>();
            int samples = 0;
            long began = System.nanoTime();
            for (int s = 1; s <= seconds; s++) {
                TimeUnit.NANOSECONDS.sleep(began + TimeUnit.SECONDS.toNanos(s) - System.nanoTime());
                // the first seconds of a step show the previous rate in the gauges
                if (s % 5 == 0 && s > 5) {
                    rest.sampleVertices(vertices);
                    samples++;
                }
            }
            double wall = (System.nanoTime() - began) / 1e9;
            Counters end = counters();
            Map<String, Double> cpuEnd = cpu.snapshot(false);
            Map<String, Double> cores = new LinkedHashMap<>();
            double threads = 0;
            for (Map.Entry<String, Double> e : cpuEnd.entrySet()) {
                double used = (e.getValue() - cpuStart.getOrDefault(e.getKey(), 0.0)) / 1e3 / wall;
                threads += used;
                cores.put(e.getKey(), used);
            }
            cores.put(
                    "(this JVM outside its threads: GC, JIT compiler)",
                    Math.max(0, (jvmCpuMillis() - jvmStart) / 1e3 / wall - threads));
            cores.put(
                    "Neo4j server (child JVM)",
                    (processCpuMillis(neo4jPid) - neo4jStart) / 1e3 / wall);
            long lakeRows = LakeFiles.committedRows(lake);
            double lakeLag = Math.max(0, end.valid - lakeRows) / (double) Math.max(1, rate);
            return new Step(
                    rate,
                    wall,
                    start,
                    end,
                    lakeLag,
                    lakeAllowanceSeconds,
                    vertices,
                    samples,
                    cores);
        }

        /** Stops the producer; seconds until the source read everything and the lake holds it. */
        double drain() throws Exception {
            traffic.rate(0);
            long began = System.nanoTime();
            long deadline = began + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                Counters now = counters();
                if (now.read >= now.sent && LakeFiles.committedRows(lake) >= now.valid) {
                    break;
                }
                Thread.sleep(250);
            }
            return (System.nanoTime() - began) / 1e9;
        }

        private Counters counters() {
            return new Counters(
                    traffic.sent(),
                    traffic.valid(),
                    BenchmarkMetrics.sumContaining("numRecordsOut", "operator_name", SOURCE),
                    BenchmarkMetrics.sum(
                            MetricNames.STORAGE_WRITES_TOTAL,
                            MetricNames.LABEL_STORAGE_BACKEND,
                            NEO4J),
                    BenchmarkMetrics.sum(
                            MetricNames.STORAGE_WRITES_SKIPPED,
                            MetricNames.LABEL_STORAGE_BACKEND,
                            NEO4J));
        }
    }

    record Counters(long sent, long valid, long read, long mutations, long skipped) {}

    record Step(
            int offered,
            double seconds,
            Counters start,
            Counters end,
            double lakeLagSeconds,
            double lakeAllowanceSeconds,
            Map<String, double[]> vertices,
            int samples,
            Map<String, Double> cores) {

        long produced() {
            return end.sent - start.sent;
        }

        long read() {
            return end.read - start.read;
        }

        long backlog() {
            return Math.max(0, end.sent - end.read);
        }

        double readRate() {
            return read() / seconds;
        }

        double mutationsRate() {
            return (end.mutations - start.mutations) / seconds;
        }

        double sentRate() {
            return (end.mutations - start.mutations - (end.skipped - start.skipped)) / seconds;
        }

        double sentPerRecord() {
            return sentRate() * seconds / Math.max(1, read());
        }

        boolean sustained() {
            return read() >= 0.97 * produced()
                    && backlog() <= 2L * offered
                    && lakeLagSeconds <= lakeAllowanceSeconds;
        }

        void print() {
            System.out.printf(
                    "%,8d %,9.0f %,9.0f %,9d %10.1f %,10.0f %,12.0f %10.2f  %s%n",
                    offered,
                    produced() / seconds,
                    readRate(),
                    backlog(),
                    lakeLagSeconds,
                    mutationsRate(),
                    sentRate(),
                    sentPerRecord(),
                    sustained()
                            ? "yes"
                            : "no"
                                    + (produced() < 0.95 * offered * seconds
                                            ? " (the generator fell behind)"
                                            : ""));
        }

        void printVertices(String when) {
            System.out.printf(
                    "%nJob vertices %s (REST /jobs/:id/vertices/:vid/subtasks/metrics, %d samples"
                            + " of the subtasks' average and maximum, ms per second):%n",
                    when, samples);
            System.out.printf("  %7s %7s %9s %9s  %s%n", "busy", "max", "backpr.", "max", "vertex");
            vertices.forEach(
                    (name, v) ->
                            System.out.printf(
                                    "  %7.0f %7.0f %9.0f %9.0f  %s%n",
                                    v[0] / samples,
                                    v[1] / samples,
                                    v[2] / samples,
                                    v[3] / samples,
                                    name.length() > 110 ? name.substring(0, 107) + "..." : name));
        }

        void printCpu(String when) {
            double total = cores.values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf(
                    "%nCPU by component %s, cores (threads by name; %.2f cores in all):%n",
                    when, total);
            cores.entrySet().stream()
                    .filter(e -> e.getValue() >= 0.005)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("  %5.2f  %s%n", e.getValue(), e.getKey()));
        }
    }

    /** The job's vertices and their metrics through the REST API the web UI uses. */
    static final class Rest {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI base;
        private final JobClient job;
        private Map<String, String> vertexNames;

        Rest(URI base, JobClient job) {
            this.base = base;
            this.job = job;
        }

        /** Adds busy avg, busy max, back-pressured avg and back-pressured max of every vertex. */
        void sampleVertices(Map<String, double[]> sums) throws Exception {
            String jobPath = "/jobs/" + job.getJobID();
            if (vertexNames == null) {
                vertexNames = new LinkedHashMap<>();
                for (JsonNode v : get(jobPath).path("vertices")) {
                    vertexNames.put(v.path("id").asText(), v.path("name").asText());
                }
            }
            for (Map.Entry<String, String> vertex : vertexNames.entrySet()) {
                JsonNode metrics =
                        get(
                                jobPath
                                        + "/vertices/"
                                        + vertex.getKey()
                                        + "/subtasks/metrics?get=busyTimeMsPerSecond,"
                                        + "backPressuredTimeMsPerSecond&agg=avg,max");
                double[] sum = sums.computeIfAbsent(vertex.getValue(), k -> new double[4]);
                for (JsonNode m : metrics) {
                    int at = m.path("id").asText().startsWith("busy") ? 0 : 2;
                    sum[at] += m.path("avg").asDouble();
                    sum[at + 1] += m.path("max").asDouble();
                }
            }
        }

        private JsonNode get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(base.resolve(path))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        }
    }

    /** User and system CPU of a process, from {@code /proc/<pid>/stat} (clock ticks of 10 ms). */
    static double processCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name is in parentheses and may hold spaces: count fields after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double jvmCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean)
                                ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e6;
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
