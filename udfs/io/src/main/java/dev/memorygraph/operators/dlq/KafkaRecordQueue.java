package dev.memorygraph.operators.dlq;

import dev.memorygraph.core.dlq.RecordQueue;
import dev.memorygraph.operators.ingest.KafkaOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A {@link RecordQueue} on a Kafka topic, written by a plain producer per sink subtask ({@code
 * acks=all}, idempotent, the DLQ's request size): the dead-letter topic and the reconciliation
 * topic. {@code headers} are added to every record (e.g. the run of the job that wrote it).
 *
 * @param <T> the record type
 */
public abstract class KafkaRecordQueue<T> implements RecordQueue<T> {

    private static final long serialVersionUID = 1L;

    private final Properties producerProperties;
    private final String topic;
    private final int maxRequestSize;
    private final Map<String, String> headers;

    protected KafkaRecordQueue(Configuration config, String topic, Map<String, String> headers) {
        Properties properties = DeadLetterSink.producerProperties(config);
        properties.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaOptions.bootstrapServers(config));
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.producerProperties = properties;
        this.topic = topic;
        this.maxRequestSize = config.get(KafkaOptions.DLQ_MAX_REQUEST_SIZE);
        this.headers = Map.copyOf(headers);
    }

    public String topic() {
        return topic;
    }

    protected Map<String, String> headers() {
        return headers;
    }

    /** How a record becomes a Kafka record of {@code topic}. */
    protected abstract KafkaRecordSerializationSchema<T> serializer(
            String topic, int maxRequestSize);

    /** A record's last change before it is sent (the default: none). */
    protected T beforeSend(T record) throws IOException {
        return record;
    }

    @Override
    public Writer<T> open() {
        return new KafkaWriter(
                new KafkaProducer<>(
                        producerProperties, new ByteArraySerializer(), new ByteArraySerializer()),
                serializer(topic, maxRequestSize));
    }

    private final class KafkaWriter implements Writer<T> {
        private final KafkaProducer<byte[], byte[]> producer;
        private final KafkaRecordSerializationSchema<T> serializer;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        KafkaWriter(
                KafkaProducer<byte[], byte[]> producer,
                KafkaRecordSerializationSchema<T> serializer) {
            this.producer = producer;
            this.serializer = serializer;
        }

        @Override
        public void send(T record) throws IOException {
            checkFailure();
            ProducerRecord<byte[], byte[]> kafkaRecord =
                    serializer.serialize(beforeSend(record), null, null);
            headers.forEach(
                    (name, value) ->
                            kafkaRecord
                                    .headers()
                                    .add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(
                    kafkaRecord,
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
                throw new IOException("Could not write to Kafka topic " + topic, e);
            }
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(30));
        }
    }
}
