package dev.memorygraph.operators.dlq;

import dev.memorygraph.core.dlq.DeadLetterQueue;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.operators.ingest.KafkaOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@link DeadLetterQueue} on the job's dead-letter topic: the same records, headers and size limit
 * as {@link DeadLetterSink}, written with a plain producer ({@code acks=all}, idempotent).
 */
public final class KafkaDeadLetterQueue implements DeadLetterQueue {

    private static final long serialVersionUID = 1L;

    private final Properties producerProperties;
    private final String topic;
    private final int maxRequestSize;

    private KafkaDeadLetterQueue(Properties producerProperties, String topic, int maxRequestSize) {
        this.producerProperties = producerProperties;
        this.topic = topic;
        this.maxRequestSize = maxRequestSize;
    }

    /** The job's dead-letter topic, {@code kafka.topic.dlq}. */
    public static KafkaDeadLetterQueue fromConfig(Configuration config) {
        return fromConfig(config, config.get(KafkaOptions.DLQ_TOPIC));
    }

    /** Letters in the DLQ format to {@code topic} (e.g. the reconciliation topic). */
    public static KafkaDeadLetterQueue fromConfig(Configuration config, String topic) {
        Properties properties = DeadLetterSink.producerProperties(config);
        properties.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(config));
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaDeadLetterQueue(
                properties, topic, config.get(KafkaOptions.DLQ_MAX_REQUEST_SIZE));
    }

    @Override
    public Writer open() {
        return new KafkaWriter(
                new KafkaProducer<>(
                        producerProperties, new ByteArraySerializer(), new ByteArraySerializer()),
                new DeadLetterSerializer(topic, maxRequestSize));
    }

    private static final class KafkaWriter implements Writer {
        private final KafkaProducer<byte[], byte[]> producer;
        private final DeadLetterSerializer serializer;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        KafkaWriter(KafkaProducer<byte[], byte[]> producer, DeadLetterSerializer serializer) {
            this.producer = producer;
            this.serializer = serializer;
        }

        @Override
        public void send(DeadLetter letter) throws IOException {
            checkFailure();
            producer.send(
                    serializer.serialize(letter, null, null),
                    (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
        }

        @Override
        public void flush() throws IOException {
            producer.flush();
            checkFailure();
        }

        private void checkFailure() throws IOException {
            Exception e = failure.get();
            if (e != null) {
                throw new IOException("Could not write to the dead-letter topic", e);
            }
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(30));
        }
    }
}
