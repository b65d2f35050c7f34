package dev.memorygraph.streaming;

import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.LakeFiles;
import dev.memorygraph.testing.EmbeddedKafka;
import dev.memorygraph.testing.KafkaTrafficProducer;
import dev.memorygraph.testing.TestRecord;
import dev.memorygraph.testing.TrafficGenerator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the streaming job on a local MiniCluster with the Flink web UI, an embedded Kafka broker and
 * the traffic generator, on embedded defaults: the README's run command.
 *
 * <p>System properties: {@code local.events} (stop after this many records, 0 = until Ctrl-C),
 * {@code local.rate} (records per second), {@code local.dir} (where the lake and Kafka data go),
 * {@code local.web-port} (8081).
 */
public final class LocalStreamingRun {

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("local.events", 0);
        int rate = Integer.getInteger("local.rate", 200);
        int webPort = Integer.getInteger("local.web-port", 8081);
        Path dir = Path.of(System.getProperty("local.dir", ".local-run")).toAbsolutePath();
        Path lake = dir.resolve("lake");
        deleteRecursively(lake);
        deleteRecursively(dir.resolve("kafka"));
        deleteRecursively(dir.resolve("checkpoints"));
        Files.createDirectories(dir);

        KafkaTrafficProducer[] producerRef = new KafkaTrafficProducer[1];
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        Configuration config =
                LocalJobConfig.create(
                        kafka.bootstrapServers(),
                        lake,
                        Duration.ofSeconds(5),
                        dir.resolve("checkpoints"));
        kafka.createTopics(
                3,
                config.get(KafkaOptions.PROMPTS_TOPIC),
                config.get(KafkaOptions.RESPONSES_TOPIC));
        kafka.createTopics(
                1, config.get(KafkaOptions.SESSIONS_TOPIC), config.get(KafkaOptions.DLQ_TOPIC));

        int port = freeOr(webPort);
        config.set(RestOptions.PORT, port);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);
        StreamingJob.fromConfig(config).build(env);
        JobClient job = env.executeAsync(StreamingJob.JOB_NAME + " (local)");

        String dlq = config.get(KafkaOptions.DLQ_TOPIC);
        System.out.printf(
                "%nmemory-graph streaming job is running%n"
                        + "  Flink web UI : http://localhost:%d%n"
                        + "  Kafka        : %s (topics %s, %s, %s)%n"
                        + "  Event lake   : %s (Parquet, committed every checkpoint, 5 s)%n"
                        + "  Dead letters : Kafka topic %s%n"
                        + "  Traffic      : %d records/s, %s; Ctrl-C stops%n%n",
                port,
                kafka.bootstrapServers(),
                config.get(KafkaOptions.PROMPTS_TOPIC),
                config.get(KafkaOptions.RESPONSES_TOPIC),
                config.get(KafkaOptions.SESSIONS_TOPIC),
                lake,
                dlq,
                rate,
                events > 0 ? "stopping after " + events + " records" : "until stopped");

        AtomicBoolean stopped = new AtomicBoolean();
        Thread traffic =
                new Thread(
                        () -> {
                            try (KafkaTrafficProducer producer =
                                    new KafkaTrafficProducer(kafka.bootstrapServers())) {
                                producerRef[0] = producer;
                                producer.run(
                                        new TrafficGenerator(
                                                TrafficGenerator.Config.defaults(
                                                        config.get(KafkaOptions.PROMPTS_TOPIC),
                                                        config.get(KafkaOptions.RESPONSES_TOPIC),
                                                        config.get(KafkaOptions.SESSIONS_TOPIC)),
                                                Clock.systemUTC()),
                                        events,
                                        rate);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "traffic-generator");
        traffic.setDaemon(true);
        Thread shutdown =
                new Thread(
                        () -> {
                            if (stopped.compareAndSet(false, true)) {
                                System.out.println("\nStopping...");
                                stop(traffic, job, kafka);
                                System.out.printf(
                                        "Stopped. %d lake rows left in %s%n",
                                        LakeFiles.committedRows(lake), lake);
                            }
                        });
        Runtime.getRuntime().addShutdownHook(shutdown);
        traffic.start();

        long deadline = Long.MAX_VALUE;
        while (!stopped.get()) {
            TimeUnit.SECONDS.sleep(5);
            KafkaTrafficProducer producer = producerRef[0];
            if (producer == null) {
                continue;
            }
            long valid = producer.sent(TestRecord.Kind.VALID);
            long invalid = producer.sent(TestRecord.Kind.INVALID);
            long lakeRows = LakeFiles.committedRows(lake);
            long deadLetters = kafka.endOffsetSum(dlq);
            System.out.printf(
                    "produced %d (valid %d, duplicates %d, invalid %d) | lake rows %d in %d files"
                            + " | dead letters %d%n",
                    producer.sent(),
                    valid,
                    producer.sent(TestRecord.Kind.DUPLICATE),
                    invalid,
                    lakeRows,
                    LakeFiles.committedFiles(lake).size(),
                    deadLetters);
            if (events > 0 && !traffic.isAlive()) {
                if (lakeRows >= valid && deadLetters >= invalid) {
                    System.out.println("All records accounted for.");
                    break;
                }
                if (deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                } else if (System.nanoTime() > deadline) {
                    System.out.println("Timed out waiting for the last checkpoint.");
                    break;
                }
            }
        }
        if (stopped.compareAndSet(false, true)) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            stop(traffic, job, kafka);
            System.out.printf("Lake left in %s%n", lake);
            System.exit(0);
        }
    }

    private static void stop(Thread traffic, JobClient job, EmbeddedKafka kafka) {
        traffic.interrupt();
        try {
            job.cancel().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.println("Job cancel: " + e.getClass().getSimpleName());
        }
        try {
            kafka.close();
        } catch (Exception e) {
            System.out.println("Kafka close: " + e.getClass().getSimpleName());
        }
    }

    private static int freeOr(int preferred) throws IOException {
        try (ServerSocket socket = new ServerSocket(preferred)) {
            return preferred;
        } catch (IOException busy) {
            try (ServerSocket socket = new ServerSocket(0)) {
                System.out.printf("Port %d is busy; the web UI uses another port.%n", preferred);
                return socket.getLocalPort();
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
