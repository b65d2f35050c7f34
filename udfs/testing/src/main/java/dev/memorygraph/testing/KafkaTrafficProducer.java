package dev.memorygraph.testing;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends {@link TestRecord}s to Kafka the way the Observatory producer does (idempotent, {@code
 * acks=all}, headers {@code schema_version} and {@code source}), optionally at a fixed rate.
 */
public final class KafkaTrafficProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong sent = new AtomicLong();
    private final Map<TestRecord.Kind, AtomicLong> sentByKind =
            new EnumMap<>(TestRecord.Kind.class);

    public KafkaTrafficProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // One request in flight: on the in-JVM test broker a NOT_LEADER_OR_FOLLOWER for a first
        // batch while later ones were appended left the idempotent producer retrying it forever
        // as OUT_OF_ORDER_SEQUENCE_NUMBER (seen twice in EnrichmentITCase).
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                String.valueOf(EmbeddedKafka.MAX_MESSAGE_BYTES));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        for (TestRecord.Kind kind : TestRecord.Kind.values()) {
            sentByKind.put(kind, new AtomicLong());
        }
    }

    /** Sends one record asynchronously. */
    public void send(TestRecord record) {
        ProducerRecord<byte[], byte[]> kafkaRecord =
                new ProducerRecord<>(record.topic(), record.key(), record.value());
        for (Map.Entry<String, String> header : record.headers().entrySet()) {
            kafkaRecord
                    .headers()
                    .add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
        }
        producer.send(kafkaRecord);
        sent.incrementAndGet();
        sentByKind.get(record.kind()).incrementAndGet();
    }

    /** Sends all records and waits until the broker acknowledged them. */
    public void sendAll(Collection<TestRecord> records) {
        records.forEach(this::send);
        producer.flush();
    }

    /**
     * Sends {@code count} records from {@code generator} at about {@code perSecond} records per
     * second ({@code count <= 0}: until interrupted).
     */
    public void run(TrafficGenerator generator, long count, int perSecond)
            throws InterruptedException {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, perSecond);
        long next = System.nanoTime();
        for (long i = 0; count <= 0 || i < count; i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            send(generator.next());
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        producer.flush();
    }

    public long sent() {
        return sent.get();
    }

    /** Records sent so far of one kind. */
    public long sent(TestRecord.Kind kind) {
        return sentByKind.get(kind).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
