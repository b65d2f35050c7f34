package dev.memorygraph.streaming;

import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.operators.dedup.DedupOptions;
import dev.memorygraph.operators.embed.EmbeddingOptions;
import dev.memorygraph.operators.graph.GraphOptions;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.operators.metadata.MetadataOptions;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.operators.tenant.TenantOptions;
import dev.memorygraph.operators.text.TextOptions;
import dev.memorygraph.operators.validate.ValidationOptions;
import dev.memorygraph.sinks.neo4j.Neo4jOptions;
import java.io.IOException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.fs.Path;

/**
 * Checks every option of the streaming job before a job graph exists, so a wrong value fails the
 * submission with its key in the message instead of failing inside the tasks, where the restart
 * strategy would retry it forever.
 */
public final class StreamingJobOptions {

    private StreamingJobOptions() {}

    public static void validate(Configuration config) {
        JobConfig.required(config, KafkaOptions.BOOTSTRAP_SERVERS, "the Kafka brokers to read");
        KafkaOptions.topics(config);
        String lake = EventLakeOptions.path(config);
        try {
            new Path(lake).getFileSystem();
        } catch (IOException | IllegalArgumentException e) {
            throw JobConfig.invalid(
                    EventLakeOptions.PATH.key(),
                    lake,
                    "no Flink file system serves it here (for s3://, install the"
                            + " flink-s3-fs-hadoop or flink-s3-fs-presto plugin)",
                    e);
        }
        if (config.get(EventLakeOptions.COMPACTION_ENABLED)) {
            EventLakeOptions.compaction(config);
        }
        ValidationOptions validation = ValidationOptions.fromConfig(config);
        DedupOptions.fromConfig(config);
        TenantOptions.fromConfig(config);
        TextOptions.fromConfig(config);
        MetadataOptions.fromConfig(config);
        if (config.get(PiiOptions.ENABLED)) {
            PiiOptions.fromConfig(config);
        }
        if (config.get(EmbeddingOptions.ENABLED)) {
            EmbeddingOptions.fromConfig(config);
        }
        if (config.get(Neo4jOptions.ENABLED)) {
            GraphOptions.fromConfig(config);
            MemorySize recordLimit = config.get(Neo4jOptions.RECORD_MAX_BYTES);
            if (recordLimit.getBytes() < validation.maxRecordBytes()) {
                throw JobConfig.invalid(
                        Neo4jOptions.RECORD_MAX_BYTES.key(),
                        recordLimit,
                        "must be at least "
                                + ValidationOptions.MAX_RECORD_SIZE.key()
                                + " ("
                                + new MemorySize(validation.maxRecordBytes())
                                + "), or valid events are dead-lettered as too large");
            }
            // Builds and so checks every neo4j.* option, neo4j.uri included; the sinks themselves
            // are built again with the job's I/O.
            StreamingJob.neo4jSink(config, false);
        }
    }
}
