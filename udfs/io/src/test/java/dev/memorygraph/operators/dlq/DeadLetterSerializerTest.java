package dev.memorygraph.operators.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.model.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterSerializerTest {

    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void writesTheOriginalBytesWithReasonHeaders() {
        byte[] original = {'{', (byte) 0xC3, 0x28, '}'};
        DeadLetter letter =
                DeadLetter.of(
                        new RawEvent(
                                "llm.prompts.v1", 2, 99L, 5L, "k".getBytes(), original, null, null),
                        ReasonCode.INVALID_UTF8,
                        "ill-formed UTF-8 sequence at byte offset 1",
                        "validate",
                        NOW);

        ProducerRecord<byte[], byte[]> record =
                new DeadLetterSerializer("llm.dlq.v1", 1 << 20).serialize(letter, null, null);

        assertThat(record.topic()).isEqualTo("llm.dlq.v1");
        assertThat(record.value()).isEqualTo(original);
        assertThat(record.key()).isEqualTo("k".getBytes());
        assertThat(header(record, "dlq.reason")).isEqualTo("INVALID_UTF8");
        assertThat(header(record, "dlq.source.topic")).isEqualTo("llm.prompts.v1");
        assertThat(header(record, "dlq.source.partition")).isEqualTo("2");
        assertThat(header(record, "dlq.source.offset")).isEqualTo("99");
        assertThat(header(record, "dlq.failed.at")).isEqualTo("2026-11-26T08:00:00Z");
        assertThat(record.headers().lastHeader("dlq.truncated")).isNull();
    }

    @Test
    void cutsAnOriginalTooLargeForTheProducerInsteadOfFailing() {
        byte[] original = new byte[300 * 1024];
        Arrays.fill(original, (byte) 'x');
        DeadLetter letter =
                DeadLetter.of(
                        new RawEvent("t", 0, 1L, 0L, null, original, null, null),
                        ReasonCode.RECORD_TOO_LARGE,
                        "too large",
                        "validate",
                        NOW);

        ProducerRecord<byte[], byte[]> record =
                new DeadLetterSerializer("dlq", 256 * 1024).serialize(letter, null, null);

        assertThat(record.value()).hasSize(256 * 1024 - DeadLetterSerializer.HEADROOM_BYTES);
        assertThat(header(record, "dlq.truncated")).isEqualTo("true");
        assertThat(header(record, "dlq.original.size")).isEqualTo(String.valueOf(original.length));
        assertThat(header(record, "dlq.original.sha256")).hasSize(64);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
