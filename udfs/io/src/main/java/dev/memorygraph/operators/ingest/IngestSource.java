package dev.memorygraph.operators.ingest;

import dev.memorygraph.model.RawEvent;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The Kafka source of the streaming job: the three event topics, group {@code
 * memory-graph-ingestion}, starting from committed offsets (earliest when there are none), offsets
 * committed on checkpoints. On restore from a checkpoint or savepoint its own offsets win.
 */
public final class IngestSource {

    public static final String UID = "kafka-source";

    private IngestSource() {}

    public static KafkaSource<RawEvent> create(Configuration config) {
        return KafkaSource.<RawEvent>builder()
                .setBootstrapServers(KafkaOptions.bootstrapServers(config))
                .setTopics(KafkaOptions.topics(config).topics())
                .setGroupId(config.get(KafkaOptions.GROUP_ID))
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawEventDeserializer())
                .setProperties(consumerProperties(config))
                .build();
    }

    /**
     * The consumer's settings: spec §5.1's (no auto commit: offsets are committed when a checkpoint
     * completes, and only for the group's lag; the job's own position is in its state), then {@code
     * kafka.properties.*}, which may override them.
     */
    public static Properties consumerProperties(Configuration config) {
        Properties properties = new Properties();
        properties.setProperty("auto.offset.reset", "earliest");
        properties.setProperty("enable.auto.commit", "false");
        properties.setProperty("max.poll.records", "500");
        properties.setProperty("max.poll.interval.ms", "300000");
        properties.setProperty("session.timeout.ms", "30000");
        properties.setProperty("commit.offsets.on.checkpoint", "true");
        properties.setProperty("partition.discovery.interval.ms", "60000");
        properties.putAll(KafkaOptions.clientProperties(config));
        return properties;
    }

    /**
     * Per-partition watermarks from Kafka record timestamps (the producer's create time), with
     * bounded out-of-orderness and idleness so that a quiet partition does not stall event time.
     */
    public static WatermarkStrategy<RawEvent> watermarks(Configuration config) {
        return WatermarkStrategy.<RawEvent>forBoundedOutOfOrderness(
                        config.get(KafkaOptions.WATERMARK_OUT_OF_ORDERNESS))
                .withTimestampAssigner((event, previous) -> event.kafkaTimestamp())
                .withIdleness(config.get(KafkaOptions.WATERMARK_IDLENESS));
    }
}
