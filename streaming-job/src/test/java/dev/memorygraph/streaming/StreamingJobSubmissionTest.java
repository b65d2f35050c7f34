package dev.memorygraph.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.program.StreamContextEnvironment;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code StreamingJob.main} as {@code flink run} and the Kubernetes operator start it: inside the
 * client's context environment, with the cluster's configuration (config.yaml and {@code -D}) and
 * the program arguments. The executor only captures the job graph.
 */
class StreamingJobSubmissionTest {

    private final AtomicReference<Pipeline> submitted = new AtomicReference<>();

    @AfterEach
    void unsetContext() {
        StreamContextEnvironment.unsetAsContext();
    }

    @Test
    void submitsWhenTheClusterForbidsClientJobConfiguration() throws Exception {
        Configuration cluster = cluster(false);
        cluster.setString("lake.path", "file:///tmp/memory-graph-test/lake");
        cluster.setString("neo4j.uri", "bolt://graph:7687");

        StreamingJob.main(new String[] {"--kafka.bootstrap-servers", "kafka:9092"});

        assertThat(submitted.get()).isInstanceOf(StreamGraph.class);
        assertThat(((StreamGraph) submitted.get()).getJobName()).isEqualTo(StreamingJob.JOB_NAME);
    }

    @Test
    void showsTheMergedOptionsWithSecretsMaskedWhereTheClusterAllowsIt() throws Exception {
        Configuration cluster = cluster(true);
        cluster.setString("kafka.bootstrap-servers", "from-cluster:9092");
        cluster.setString("lake.path", "file:///tmp/memory-graph-test/lake");
        cluster.setString("kafka.properties.sasl.jaas.config", "secret-login");

        StreamingJob.main(
                new String[] {
                    "--kafka.bootstrap-servers", "from-args:9092",
                    "--neo4j.uri", "bolt://graph:7687",
                    "--dedup.ttl", "2 h"
                });

        Map<String, String> shown =
                ((StreamGraph) submitted.get())
                        .getExecutionConfig()
                        .getGlobalJobParameters()
                        .toMap();
        assertThat(shown)
                .containsEntry("kafka.bootstrap-servers", "from-cluster:9092")
                .containsEntry("neo4j.uri", "bolt://graph:7687")
                .containsEntry("dedup.ttl", "2 h")
                .containsEntry("kafka.properties.sasl.jaas.config", "******");
    }

    @Test
    void refusesAMissingProductionEndpointBeforeSubmitting() {
        Configuration cluster = cluster(false);
        cluster.setString("kafka.bootstrap-servers", "kafka:9092");
        cluster.setString("lake.path", "file:///tmp/memory-graph-test/lake");

        assertThatThrownBy(() -> StreamingJob.main(new String[0]))
                .hasMessageStartingWith("Missing required option 'neo4j.uri'");
        assertThat(submitted.get()).isNull();
    }

    @Test
    void refusesALakeNoFileSystemServes() {
        Configuration cluster = cluster(false);
        cluster.setString("kafka.bootstrap-servers", "kafka:9092");
        cluster.setString("lake.path", "s3://lake/events");
        cluster.setString("neo4j.uri", "bolt://graph:7687");

        assertThatThrownBy(() -> StreamingJob.main(new String[0]))
                .hasMessageStartingWith("Invalid value 's3://lake/events' for lake.path");
        assertThat(submitted.get()).isNull();
    }

    @Test
    void refusesABadOptionWithItsKeyAndWhatIsAllowed() {
        Configuration cluster = cluster(false);
        cluster.setString("kafka.bootstrap-servers", "kafka:9092");
        cluster.setString("lake.path", "file:///tmp/memory-graph-test/lake");
        cluster.setString("neo4j.uri", "bolt://graph:7687");

        assertThatThrownBy(() -> StreamingJob.main(new String[] {"--pii.policy.default", "hide"}))
                .hasMessage(
                        "Invalid value 'hide' for pii.policy.default: one of flag, redact, vault"
                                + " is expected");
        assertThatThrownBy(
                        () -> StreamingJob.main(new String[] {"--neo4j.record.max-bytes", "1mb"}))
                .hasMessageContaining(
                        "neo4j.record.max-bytes: must be at least validation.max-record-size");
        assertThatThrownBy(() -> StreamingJob.main(new String[] {"--pii.ner.recognizer", "spacy"}))
                .hasMessage("Invalid value 'spacy' for pii.ner.recognizer: use rules or tagger");
        assertThatThrownBy(
                        () ->
                                StreamingJob.main(
                                        new String[] {"--text.language.candidates", "en;xx"}))
                .hasMessageContaining("Invalid value 'xx' for text.language.candidates");
        assertThatThrownBy(
                        () ->
                                StreamingJob.main(
                                        new String[] {"--lake.compaction.checkpoints", "0"}))
                .hasMessageContaining("Invalid value '0' for lake.compaction.checkpoints");
        assertThatThrownBy(() -> StreamingJob.main(new String[] {"--pinecone.enabled", "true"}))
                .hasMessageContaining("pinecone.api-key-file");
        assertThat(submitted.get()).isNull();
    }

    private Configuration cluster(boolean allowClientConfiguration) {
        Configuration cluster = new Configuration();
        cluster.set(DeploymentOptions.TARGET, "capture");
        cluster.set(DeploymentOptions.ATTACHED, false);
        cluster.set(DeploymentOptions.PROGRAM_CONFIG_ENABLED, allowClientConfiguration);
        StreamContextEnvironment.setAsContext(
                new CapturingExecutorLoader(submitted),
                cluster,
                getClass().getClassLoader(),
                true,
                true);
        return cluster;
    }

    /** Hands every submitted pipeline to the test instead of a cluster. */
    private record CapturingExecutorLoader(AtomicReference<Pipeline> submitted)
            implements PipelineExecutorServiceLoader {

        @Override
        public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
            return new PipelineExecutorFactory() {
                @Override
                public String getName() {
                    return "capture";
                }

                @Override
                public boolean isCompatibleWith(Configuration configuration) {
                    return true;
                }

                @Override
                public PipelineExecutor getExecutor(Configuration configuration) {
                    return (pipeline, config, classLoader) -> {
                        submitted.set(pipeline);
                        return CompletableFuture.completedFuture(new SubmittedJob());
                    };
                }
            };
        }

        @Override
        public Stream<String> getExecutorNames() {
            return Stream.of("capture");
        }
    }

    private static final class SubmittedJob implements JobClient {
        private final JobID id = new JobID();

        @Override
        public JobID getJobID() {
            return id;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return CompletableFuture.completedFuture(JobStatus.RUNNING);
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(
                boolean advanceToEndOfEventTime, String dir, SavepointFormatType format) {
            return CompletableFuture.completedFuture(dir);
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String dir, SavepointFormatType format) {
            return CompletableFuture.completedFuture(dir);
        }

        @Override
        public CompletableFuture<Map<String, Object>> getAccumulators() {
            return CompletableFuture.completedFuture(Map.of());
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return new CompletableFuture<>();
        }
    }
}
