package dev.memorygraph.local;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.model.TextFeatures;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.pii.ContextRecognizer;
import dev.memorygraph.operators.pii.EventTexts;
import dev.memorygraph.operators.pii.PatternDetector;
import dev.memorygraph.operators.pii.PiiDetection;
import dev.memorygraph.operators.pii.PiiFinding;
import dev.memorygraph.operators.pii.Redactor;
import dev.memorygraph.operators.text.LanguageDetector;
import dev.memorygraph.operators.text.TextEnricher;
import dev.memorygraph.operators.text.TextNormalizer;
import dev.memorygraph.operators.text.TextOptions;
import dev.memorygraph.operators.text.TokenCounter;
import dev.memorygraph.operators.validate.EventValidator;
import dev.memorygraph.operators.validate.ValidationOptions;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * "The limit" of each stage of the slice: the stage's own code alone, on one thread, in a loop over
 * the records the job reads, without Flink around it (no serialization, no shuffle, no state, no
 * metrics). µs per source record, the better of {@value #ROUNDS} rounds after a warm-up round, so
 * that it compares directly with the stage's busy time per event in the job.
 */
final class StageLimits {

    static final int ROUNDS = 3;

    /** µs per source record, by stage, in the order measured. */
    static Map<String, Double> measure(Configuration config, List<RawEvent> records)
            throws IOException {
        Instant now = Instant.now();
        EventValidator validator =
                new EventValidator(
                        KafkaOptions.topics(config), ValidationOptions.fromConfig(config));
        List<InboundEvent> events = new ArrayList<>();
        for (RawEvent raw : records) {
            EventValidator.Result result = validator.validate(raw, now);
            if (result.isValid()) {
                events.add(result.event());
            }
        }
        TextOptions text = TextOptions.fromConfig(config);
        TextEnricher enricher = new TextEnricher(text);
        List<EnrichedEvent> enriched = new ArrayList<>(events.size());
        List<String> normalized = new ArrayList<>();
        for (InboundEvent event : events) {
            TextFeatures features = enricher.enrich(event);
            enriched.add(new EnrichedEvent(event, features));
            if (event.text() != null) {
                normalized.add(TextNormalizer.normalize(event.text()));
            }
        }
        List<List<String>> piiTexts = new ArrayList<>(events.size());
        for (InboundEvent event : events) {
            piiTexts.add(event.type() == EventType.SESSION ? List.of() : EventTexts.of(event));
        }
        PatternDetector patterns = new PatternDetector("US");
        ContextRecognizer names = new ContextRecognizer();
        LanguageDetector languages = new LanguageDetector(text);
        TokenCounter tokens = new TokenCounter();
        TextOptions uncachedOptions =
                new TextOptions(text.languageCandidates(), text.languageMinConfidence(), 0);

        int n = records.size();
        Map<String, Double> limits = new LinkedHashMap<>();
        limits.put("validation (EventValidator)", best(n, () -> validate(validator, records, now)));
        // the job's steady state: the caches already hold the pool's texts
        limits.put(
                "text (TextEnricher, caches on)", best(n, () -> events.forEach(enricher::enrich)));
        limits.put(
                "  text, caches off",
                best(
                        n,
                        () -> {
                            TextEnricher uncached = new TextEnricher(uncachedOptions);
                            events.forEach(uncached::enrich);
                        }));
        limits.put(
                "  language alone (LanguageDetector)",
                best(n, () -> normalized.forEach(languages::detect)));
        limits.put(
                "  tokens alone (jtokkit cl100k)",
                best(
                        n,
                        () ->
                                normalized.forEach(
                                        t ->
                                                tokens.countTokens(
                                                        t,
                                                        com.knuddels.jtokkit.api.EncodingType
                                                                .CL100K_BASE))));
        limits.put(
                "PII patterns (PatternDetector)",
                best(n, () -> eachText(piiTexts, patterns::detect)));
        limits.put("PII names (ContextRecognizer)", best(n, () -> eachText(piiTexts, names::find)));
        TextEnricher redactedFeatures = new TextEnricher(text);
        limits.put(
                "PII redaction, features of the redacted text",
                best(n, () -> redact(events, piiTexts, patterns, names, redactedFeatures))
                        - limits.get("PII patterns (PatternDetector)")
                        - limits.get("PII names (ContextRecognizer)"));
        limits.put("lake (Parquet writer, snappy)", best(n, () -> writeLake(enriched)));
        return limits;
    }

    private static void validate(EventValidator validator, List<RawEvent> records, Instant now) {
        for (RawEvent raw : records) {
            validator.validate(raw, now);
        }
    }

    private static void eachText(List<List<String>> texts, Consumer<String> scan) {
        for (List<String> event : texts) {
            for (String text : event) {
                if (text != null) {
                    scan.accept(text);
                }
            }
        }
    }

    /** What the PII function does beyond the scans: merge, redact, measure the redacted text. */
    private static void redact(
            List<InboundEvent> events,
            List<List<String>> texts,
            PatternDetector patterns,
            ContextRecognizer names,
            TextEnricher enricher) {
        for (int e = 0; e < events.size(); e++) {
            List<String> redacted = new ArrayList<>();
            for (int i = 0; i < texts.get(e).size(); i++) {
                String text = texts.get(e).get(i);
                if (text == null) {
                    redacted.add(null);
                    continue;
                }
                List<PiiFinding> found =
                        PiiDetection.merge(patterns.detect(text), names.find(text));
                redacted.add(
                        EventTexts.isJson(events.get(e), i)
                                ? Redactor.redactJson(text, found)
                                : Redactor.redact(text, found));
            }
            if (!redacted.isEmpty() && redacted.get(0) != null) {
                enricher.enrich(EventTexts.with(events.get(e), redacted));
            }
        }
    }

    private static void writeLake(List<EnrichedEvent> enriched) {
        try {
            java.nio.file.Path file =
                    java.nio.file.Files.createTempFile("stage-limit-", ".parquet");
            try (FSDataOutputStream out =
                    FileSystem.getLocalFileSystem()
                            .create(new Path(file.toUri()), FileSystem.WriteMode.OVERWRITE)) {
                BulkWriter<EnrichedEvent> writer = EventLake.fileWriter("SNAPPY").create(out);
                for (EnrichedEvent event : enriched) {
                    writer.addElement(event);
                }
                writer.finish();
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** µs per record of the best of {@link #ROUNDS} timed rounds, after one warm-up round. */
    private static double best(int records, Runnable round) {
        round.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            round.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e3 / records;
    }

    private StageLimits() {}
}
