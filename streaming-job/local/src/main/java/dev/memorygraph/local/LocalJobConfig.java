package dev.memorygraph.local;

import dev.memorygraph.operators.embed.EmbeddingOptions;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.sinks.neo4j.Neo4jOptions;
import dev.memorygraph.testing.EmbeddedKafka;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;

/**
 * The configuration every local launch of the streaming job shares (tests, local run, benchmark):
 * what {@code flink-conf/config.yaml} sets on a cluster, scaled to one machine.
 */
public final class LocalJobConfig {

    private LocalJobConfig() {}

    /**
     * STREAMING, no Kryo, object reuse, parallelism 2, checkpoints every {@code interval} to a
     * directory (dedup state soon outgrows the 5 MB in-JobManager storage); the graph goes to
     * {@code neo4jBolt}, or nowhere when it is {@code null}.
     */
    public static Configuration create(
            String bootstrapServers,
            Path lake,
            Duration interval,
            Path checkpoints,
            URI neo4jBolt) {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(PipelineOptions.OBJECT_REUSE, true);
        config.set(CoreOptions.DEFAULT_PARALLELISM, 2);
        config.setString("execution.checkpointing.interval", interval.toMillis() + " ms");
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, bootstrapServers);
        config.set(EventLakeOptions.PATH, lake.toUri().toString());
        if (neo4jBolt != null) {
            config.set(Neo4jOptions.URI, neo4jBolt.toString());
        } else {
            config.set(Neo4jOptions.ENABLED, false);
        }
        return config;
    }

    /**
     * Creates the topics of {@code config} as a local run has them: three partitions for prompts
     * and responses, one for sessions, dead letters and re-enrichment.
     */
    public static void createTopics(EmbeddedKafka kafka, Configuration config) throws Exception {
        kafka.createTopics(
                3,
                config.get(KafkaOptions.PROMPTS_TOPIC),
                config.get(KafkaOptions.RESPONSES_TOPIC));
        kafka.createTopics(
                1,
                config.get(KafkaOptions.SESSIONS_TOPIC),
                config.get(KafkaOptions.DLQ_TOPIC),
                config.get(KafkaOptions.REENRICH_TOPIC));
    }

    /**
     * A job on its own topics {@code prefix.prompts}, {@code .responses}, {@code .sessions}, {@code
     * .dlq} and {@code .reenrich} (created here), with the lake and checkpoints under {@code dir}
     * and checkpoints every 300 ms: for integration tests that share one broker.
     */
    public static Configuration forTopics(
            EmbeddedKafka kafka, String prefix, Path dir, URI neo4jBolt) throws Exception {
        kafka.createTopics(2, prefix + ".prompts", prefix + ".responses");
        kafka.createTopics(1, prefix + ".sessions", prefix + ".dlq", prefix + ".reenrich");
        Configuration config =
                create(
                        kafka.bootstrapServers(),
                        dir.resolve("lake"),
                        Duration.ofMillis(300),
                        dir.resolve("checkpoints"),
                        neo4jBolt);
        config.set(KafkaOptions.PROMPTS_TOPIC, prefix + ".prompts");
        config.set(KafkaOptions.RESPONSES_TOPIC, prefix + ".responses");
        config.set(KafkaOptions.SESSIONS_TOPIC, prefix + ".sessions");
        config.set(KafkaOptions.DLQ_TOPIC, prefix + ".dlq");
        config.set(KafkaOptions.REENRICH_TOPIC, prefix + ".reenrich");
        // tests that check embeddings turn the stage on; the others do not pay for the model
        config.set(EmbeddingOptions.ENABLED, false);
        return config;
    }

    /**
     * Adds the Prometheus reporter {@code flink-conf/config.yaml} configures on a cluster, on
     * {@code port}, so a local MiniCluster shows the spec's metric names.
     */
    public static Configuration withPrometheus(Configuration config, int port) {
        config.setString("metrics.reporters", "prom");
        config.setString(
                "metrics.reporter.prom.factory.class",
                "dev.memorygraph.metrics.prometheus.MemoryGraphPrometheusReporterFactory");
        config.setString("metrics.reporter.prom.port", String.valueOf(port));
        return config;
    }

    /**
     * {@code config} as the program arguments of a job submitted to a cluster on the same stack:
     * every option but the execution, state, pipeline and cluster settings, which are the
     * cluster's.
     */
    public static java.util.List<String> jobArguments(Configuration config) {
        java.util.List<String> args = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, String> option : config.toMap().entrySet()) {
            String key = option.getKey();
            if (key.startsWith("execution.")
                    || key.startsWith("state.")
                    || key.startsWith("pipeline.")
                    || key.startsWith("parallelism.")
                    || key.startsWith("rest.")
                    || key.startsWith("metrics.")) {
                continue;
            }
            args.add("--" + key);
            args.add(option.getValue());
        }
        return args;
    }

    /** {@link #jobArguments} of a bounded job: with {@code --execution.runtime-mode BATCH}. */
    public static String[] batchArguments(Configuration config) {
        java.util.List<String> args = jobArguments(config);
        args.add("--execution.runtime-mode");
        args.add("BATCH");
        return args.toArray(String[]::new);
    }
}
