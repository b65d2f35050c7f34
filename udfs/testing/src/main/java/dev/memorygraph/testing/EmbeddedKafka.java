package dev.memorygraph.testing;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker running inside this JVM on a free loopback port, for tests
 * and local runs. Records up to {@link #MAX_MESSAGE_BYTES} are accepted.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** Large enough for the 10 MB hostile record of the tests and its dead letter. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts a broker with its data under a fresh temporary directory. */
    public static EmbeddedKafka start() throws Exception {
        return start(null);
    }

    /** Starts a broker with its data under {@code baseDirectory}, or a temporary one if null. */
    public static EmbeddedKafka start(Path baseDirectory) throws Exception {
        long started = System.nanoTime();
        TestKitNodes.Builder nodes =
                new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1);
        if (baseDirectory != null) {
            nodes.setBaseDirectory(baseDirectory);
        }
        KafkaClusterTestKit cluster =
                new KafkaClusterTestKit.Builder(nodes.build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES))
                        .setConfigProp("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES))
                        .setConfigProp("auto.create.topics.enable", "false")
                        // tests write days in the past: no time-based retention may delete them
                        .setConfigProp("log.retention.ms", "-1")
                        .build();
        try {
            // The test kit prints its bootstrap metadata to stdout; nobody running us needs it.
            PrintStream out = System.out;
            System.setOut(
                    new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            try {
                cluster.format();
            } finally {
                System.setOut(out);
            }
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        LOG.info(
                "Embedded Kafka broker up at {} in {} ms",
                cluster.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new EmbeddedKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates each topic with {@code partitions} partitions unless it exists already. */
    public void createTopics(int partitions, String... topics) throws Exception {
        try (Admin admin = admin()) {
            List<String> existing =
                    admin.listTopics().listings().get().stream().map(TopicListing::name).toList();
            List<NewTopic> toCreate = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    toCreate.add(
                            new NewTopic(topic, partitions, (short) 1)
                                    .configs(
                                            Map.of(
                                                    "max.message.bytes",
                                                    String.valueOf(MAX_MESSAGE_BYTES))));
                }
            }
            admin.createTopics(toCreate).all().get(30, TimeUnit.SECONDS);
            awaitLeaders(admin, toCreate.stream().map(NewTopic::name).toList());
        }
    }

    /**
     * Waits until every partition of {@code topics} has a leader: an idempotent producer that
     * writes to a partition still electing one gets NOT_LEADER_OR_FOLLOWER, and its retry can then
     * be refused for good as OUT_OF_ORDER_SEQUENCE_NUMBER (seen on this KRaft test kit).
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean ready;
            try {
                ready =
                        admin
                                .describeTopics(topics)
                                .allTopicNames()
                                .get(10, TimeUnit.SECONDS)
                                .values()
                                .stream()
                                .flatMap(d -> d.partitions().stream())
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            } catch (java.util.concurrent.ExecutionException e) {
                ready = false; // not known to every part of the broker yet
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no leader for the partitions of " + topics);
            }
            Thread.sleep(50);
        }
    }

    public Admin admin() {
        return cluster.admin();
    }

    /** Sum of the end offsets of all partitions of {@code topic}. */
    /** Every record of {@code topic} (up to its end offsets now), within 60 s. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) throws Exception {
        long end = endOffsetSum(topic);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(out::add);
            }
        }
        return out;
    }

    public long endOffsetSum(String topic) throws Exception {
        try (Admin admin = admin()) {
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (TopicPartitionInfo partition : description.partitions()) {
                request.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
            }
            return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset)
                    .sum();
        }
    }

    @Override
    public void close() throws Exception {
        long started = System.nanoTime();
        cluster.close();
        LOG.info(
                "Embedded Kafka broker stopped in {}",
                Duration.ofNanos(System.nanoTime() - started));
    }
}
