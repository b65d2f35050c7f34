package dev.memorygraph.operators.reenrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.model.Cost;
import dev.memorygraph.model.Embedding;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.model.TextFeatures;
import dev.memorygraph.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ReEnrichmentRecordsTest {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void aRecordGivesBackTheEventAsTheStoresGotIt() {
        EnrichedEvent response =
                new EnrichedEvent(
                        TestEvents.response("r1", T0, "p1", "an answer"),
                        new TextFeatures(
                                "h",
                                9,
                                "en",
                                0.9,
                                2,
                                "o200k_base",
                                "exact",
                                null,
                                null,
                                "none",
                                List.of(),
                                null),
                        null,
                        new Embedding("m", new float[] {0.6f, 0.8f}),
                        new Metadata(
                                new PromptLink(
                                        "p1", T0, "s1", "user-1", "acme", "gpt-4o", "openai", 7),
                                Metadata.JOINED,
                                null,
                                new Cost(
                                        0.01,
                                        Cost.PRICED,
                                        Cost.TOKENS_PROVIDER,
                                        Cost.PRICES_FALLBACK,
                                        T0,
                                        10,
                                        5,
                                        0,
                                        0),
                                null,
                                List.of(Metadata.MISSING_REGISTRY)));
        assertThat(ReEnrichmentRecords.needed(response)).isTrue();

        ProducerRecord<byte[], byte[]> produced =
                ReEnrichmentRecords.toProducerRecord("llm.reenrich.v1", response);
        assertThat(new String(produced.key(), StandardCharsets.UTF_8)).isEqualTo("r1");
        ConsumerRecord<byte[], byte[]> consumed = consumed(produced);
        assertThat(ReEnrichmentRecords.missing(consumed)).containsExactly("registry");

        EnrichedEvent back = ReEnrichmentRecords.fromConsumerRecord(consumed).orElseThrow();
        assertThat(back)
                .usingRecursiveComparison()
                .ignoringFields("event.origin")
                .isEqualTo(response);
    }

    @Test
    void onlyWhatTheJobCanCompleteIsQueuedAndUnknownFormatsAreNotRead() {
        EnrichedEvent promptMissing =
                new EnrichedEvent(TestEvents.response("r1", T0, "p1", "x"), null)
                        .withMetadata(Metadata.NONE.missing(Metadata.MISSING_PROMPT));
        assertThat(ReEnrichmentRecords.needed(promptMissing)).isFalse();
        assertThat(ReEnrichmentRecords.needed(new EnrichedEvent(promptMissing.event(), null)))
                .isFalse();

        ProducerRecord<byte[], byte[]> produced =
                ReEnrichmentRecords.toProducerRecord(
                        "t",
                        promptMissing.withMetadata(
                                promptMissing.metadata().missing(Metadata.MISSING_USER)));
        produced.headers().remove(ReEnrichmentRecords.FORMAT);
        produced.headers()
                .add(ReEnrichmentRecords.FORMAT, "other/9".getBytes(StandardCharsets.UTF_8));
        assertThat(ReEnrichmentRecords.fromConsumerRecord(consumed(produced))).isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<byte[], byte[]> r) {
        RecordHeaders headers = new RecordHeaders(r.headers().toArray());
        return new ConsumerRecord<>(
                r.topic(),
                0,
                0L,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                r.key(),
                r.value(),
                headers,
                java.util.Optional.empty());
    }
}
