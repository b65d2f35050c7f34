package dev.memorygraph.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.operators.ingest.KafkaOptions;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * The job graph as production builds it: every operator has a stable uid, so savepoints restore.
 */
class StreamingJobGraphTest {

    @Test
    void everyOperatorHasAnExplicitUidAndAName() {
        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, "kafka:9092");
        config.setString("lake.path", "file:///tmp/memory-graph-test/lake");
        config.setString("neo4j.uri", "bolt://graph:7687");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        StreamingJob.fromConfig(config).build(env);

        StreamGraph graph = env.getStreamGraph();
        List<StreamNode> nodes = List.copyOf(graph.getStreamNodes());

        assertThat(nodes).hasSizeGreaterThanOrEqualTo(6);
        assertThat(nodes)
                .allSatisfy(
                        node -> {
                            assertThat(node.getTransformationUID())
                                    .as("uid of %s", node.getOperatorName())
                                    .isNotBlank();
                            assertThat(node.getOperatorName()).isNotBlank();
                        });
        assertThat(nodes)
                .extracting(StreamNode::getTransformationUID)
                .contains(
                        "kafka-source", "validate", "dedup", "text", "graph-extract", "neo4j-sink")
                .doesNotHaveDuplicates();
    }
}
