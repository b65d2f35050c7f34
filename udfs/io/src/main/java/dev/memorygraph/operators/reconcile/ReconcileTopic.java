package dev.memorygraph.operators.reconcile;

import dev.memorygraph.model.Reconciliation;
import dev.memorygraph.operators.ingest.KafkaOptions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The reconciliation topic from the outside, with a plain consumer: which range a run replays (what
 * a consumer group has not yet replayed, or the records of a time window), reading a range, and
 * committing a replayed range for the group.
 */
public final class ReconcileTopic {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ReconcileTopic() {}

    /** What {@code group} has not replayed yet: from its committed offsets (else the start). */
    public static ReconcileRange pending(Configuration config, String topic, String group)
            throws IOException {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config, group)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> committed =
                    consumer.committed(new java.util.HashSet<>(partitions), TIMEOUT);
            Map<Integer, Long> start = new HashMap<>();
            Map<Integer, Long> stop = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                long from = beginning.get(partition);
                if (offset != null) {
                    from = Math.max(from, offset.offset());
                }
                start.put(partition.partition(), from);
                stop.put(partition.partition(), end.get(partition));
            }
            return new ReconcileRange(topic, start, stop);
        } catch (KafkaException e) {
            throw new IOException("Cannot read the offsets of " + topic, e);
        }
    }

    /** The records appended in {@code [from, until)}, by their Kafka timestamps. */
    public static ReconcileRange between(
            Configuration config, String topic, Instant from, Instant until) throws IOException {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config, null)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<Integer, Long> start = offsetsAt(consumer, partitions, from, end);
            Map<Integer, Long> stop = offsetsAt(consumer, partitions, until, end);
            return new ReconcileRange(topic, start, stop);
        } catch (KafkaException e) {
            throw new IOException("Cannot read the offsets of " + topic, e);
        }
    }

    /**
     * A bounded Kafka source of exactly {@code range}, read as consumer group {@code group} (it
     * never commits: a run commits its range itself once it is done).
     */
    public static <T> KafkaSource<T> source(
            Configuration config,
            ReconcileRange range,
            String group,
            KafkaRecordDeserializationSchema<T> deserializer) {
        Map<TopicPartition, Long> start = new HashMap<>();
        Map<TopicPartition, Long> stop = new HashMap<>();
        range.stop()
                .forEach(
                        (partition, offset) -> {
                            TopicPartition topicPartition =
                                    new TopicPartition(range.topic(), partition);
                            start.put(topicPartition, range.start().getOrDefault(partition, 0L));
                            stop.put(topicPartition, offset);
                        });
        return KafkaSource.<T>builder()
                .setBootstrapServers(KafkaOptions.bootstrapServers(config))
                .setProperties(KafkaOptions.clientProperties(config))
                .setGroupId(group)
                .setProperty("commit.offsets.on.checkpoint", "false")
                .setPartitions(new java.util.HashSet<>(start.keySet()))
                .setStartingOffsets(OffsetsInitializer.offsets(start))
                .setBounded(OffsetsInitializer.offsets(stop))
                .setDeserializer(deserializer)
                .build();
    }

    /** Where each partition stands now: the offset the next record will get. */
    public static Map<Integer, Long> endOffsets(Configuration config, String topic)
            throws IOException {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config, null)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<Integer, Long> end = new HashMap<>();
            consumer.endOffsets(partitions, TIMEOUT)
                    .forEach((partition, offset) -> end.put(partition.partition(), offset));
            return end;
        } catch (KafkaException e) {
            throw new IOException("Cannot read the offsets of " + topic, e);
        }
    }

    /** Records {@code range} as replayed by {@code group}. */
    public static void commit(Configuration config, String group, ReconcileRange range)
            throws IOException {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config, group)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            range.stop()
                    .forEach(
                            (partition, offset) ->
                                    offsets.put(
                                            new TopicPartition(range.topic(), partition),
                                            new OffsetAndMetadata(offset)));
            consumer.commitSync(offsets, TIMEOUT);
        } catch (KafkaException e) {
            throw new IOException("Cannot commit the offsets of " + range.topic(), e);
        }
    }

    /**
     * Reads every record of {@code range}; those that are not reconciliation records are skipped.
     */
    public static void scan(
            Configuration config, ReconcileRange range, Consumer<Reconciliation> records)
            throws IOException {
        scanRaw(
                config,
                range,
                consumed -> ReconciliationRecords.fromConsumerRecord(consumed).ifPresent(records));
    }

    /** Reads every Kafka record of {@code range}, in partition order. */
    public static void scanRaw(
            Configuration config,
            ReconcileRange range,
            Consumer<ConsumerRecord<byte[], byte[]>> records)
            throws IOException {
        if (range.isEmpty()) {
            return;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config, null)) {
            for (Map.Entry<Integer, Long> partition : range.stop().entrySet()) {
                long from = range.start().getOrDefault(partition.getKey(), 0L);
                long until = partition.getValue();
                if (from >= until) {
                    continue;
                }
                TopicPartition topicPartition =
                        new TopicPartition(range.topic(), partition.getKey());
                consumer.assign(List.of(topicPartition));
                consumer.seek(topicPartition, from);
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (consumer.position(topicPartition, TIMEOUT) < until) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException(
                                "Timed out reading " + topicPartition + " up to offset " + until);
                    }
                    for (ConsumerRecord<byte[], byte[]> record :
                            consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < until) {
                            records.accept(record);
                        }
                    }
                }
            }
        } catch (KafkaException e) {
            throw new IOException("Cannot read " + range.topic(), e);
        }
    }

    private static Map<Integer, Long> offsetsAt(
            KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions,
            Instant time,
            Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
        Map<Integer, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = found.get(partition);
            offsets.put(
                    partition.partition(), offset == null ? end.get(partition) : offset.offset());
        }
        return offsets;
    }

    private static List<TopicPartition> partitions(
            KafkaConsumer<byte[], byte[]> consumer, String topic) throws IOException {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IOException("Kafka has no topic " + topic);
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        return partitions;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Configuration config, String group) {
        Properties properties = new Properties();
        properties.putAll(KafkaOptions.clientProperties(config));
        properties.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(config));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(
                properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
