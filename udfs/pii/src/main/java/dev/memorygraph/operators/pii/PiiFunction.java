package dev.memorygraph.operators.pii;

import static dev.memorygraph.core.metrics.MetricNames.ENRICHMENT_DURATION_SECONDS;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STAGE;

import dev.memorygraph.core.metrics.DurationHistogram;
import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.PiiReport;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.model.TextFeatures;
import dev.memorygraph.operators.text.TextEnricher;
import dev.memorygraph.operators.text.TextOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 4 as an async function: pattern detectors and NER over every free-text field of an event,
 * then the tenant's policy ({@link PiiPolicy}). Vault and Presidio calls are asynchronous with
 * their own retries; {@link #timeout} and every failure become a dead letter whose value is the
 * event with its PII redacted (never the clear text). Under {@code flag}, a failing NER service
 * degrades to the pattern findings instead.
 */
public class PiiFunction extends RichAsyncFunction<EnrichedEvent, PiiResult> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PiiFunction.class);

    public static final String STAGE = "pii";

    private final PiiOptions options;

    private transient PiiPolicy defaultPolicy;
    private transient Map<String, PiiPolicy> tenantPolicies;
    private transient PatternDetector patterns;
    private transient NamedEntityRecognizer inProcess;
    private transient NamedEntityRecognizer ner;
    private transient VaultClient vault;
    private transient TextEnricher textFeatures;
    private transient Clock clock;
    private transient Map<PiiType, Counter> findings;
    private transient Counter vaultRequests;
    private transient Counter vaultFailures;
    private transient DurationHistogram duration;

    public PiiFunction(PiiOptions options) {
        this.options = options;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        defaultPolicy = options.defaultPolicy();
        tenantPolicies = options.tenantPolicies();
        patterns = new PatternDetector(options.config().get(PiiOptions.PHONE_REGION));
        inProcess = options.inProcessRecognizer();
        String presidio = options.config().get(PiiOptions.PRESIDIO_URL);
        ner =
                presidio == null
                        ? inProcess
                        : new PresidioRecognizer(
                                URI.create(presidio),
                                Set.of("en"),
                                options.requestTimeout(),
                                options.retries());
        vault = options.needsVault() ? VaultClient.fromOptions(options) : null;
        textFeatures = new TextEnricher(TextOptions.fromConfig(options.config()));
        clock = Clock.systemUTC();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        // The features of redacted texts, measured again: their own cache hit rates.
        textFeatures.registerMetrics(metrics);
        findings = new EnumMap<>(PiiType.class);
        for (PiiType type : PiiType.values()) {
            findings.put(
                    type,
                    metrics.addGroup("pii_type", type.name())
                            .counter("pii_findings_total", new ThreadSafeSimpleCounter()));
        }
        // Updated from HTTP callback threads as well as the task thread.
        vaultRequests = metrics.counter("vault_requests_total", new ThreadSafeSimpleCounter());
        vaultFailures = metrics.counter("vault_failures_total", new ThreadSafeSimpleCounter());
        duration =
                metrics.addGroup(LABEL_STAGE, STAGE)
                        .histogram(ENRICHMENT_DURATION_SECONDS, new DurationHistogram(1024));
    }

    @Override
    public void asyncInvoke(EnrichedEvent enriched, ResultFuture<PiiResult> result) {
        InboundEvent event = enriched.event();
        if (event.type() == EventType.SESSION) {
            result.complete(List.of(PiiResult.passed(enriched)));
            return;
        }
        long start = System.nanoTime();
        PiiPolicy policy = policyFor(enriched);
        List<String> texts = EventTexts.of(event);
        List<List<PiiFinding>> patternFindings = new ArrayList<>();
        List<CompletableFuture<List<PiiFinding>>> nerFindings = new ArrayList<>();
        String language = enriched.text() == null ? null : enriched.text().language();
        for (String text : texts) {
            patternFindings.add(patterns.detect(text));
            nerFindings.add(ner.recognize(text, language));
        }
        CompletableFuture.allOf(nerFindings.toArray(CompletableFuture[]::new))
                .handle(
                        (ignored, nerError) -> {
                            List<List<PiiFinding>> merged = new ArrayList<>();
                            for (int i = 0; i < texts.size(); i++) {
                                List<PiiFinding> fromNer =
                                        nerError == null ? nerFindings.get(i).join() : List.of();
                                merged.add(PiiDetection.merge(patternFindings.get(i), fromNer));
                            }
                            if (nerError != null && policy != PiiPolicy.FLAG) {
                                return CompletableFuture.completedFuture(
                                        letter(
                                                enriched,
                                                texts,
                                                merged,
                                                ReasonCode.PII_DETECTION_FAILED,
                                                cause(nerError)));
                            }
                            return apply(enriched, texts, merged, policy);
                        })
                .thenCompose(next -> next)
                .whenComplete(
                        (outcome, error) -> {
                            duration.recordSince(start);
                            if (error != null) {
                                result.completeExceptionally(
                                        error instanceof Exception e
                                                ? e
                                                : new RuntimeException(error));
                            } else {
                                result.complete(List.of(outcome));
                            }
                        });
    }

    private CompletableFuture<PiiResult> apply(
            EnrichedEvent enriched,
            List<String> texts,
            List<List<PiiFinding>> merged,
            PiiPolicy policy) {
        Map<PiiType, Integer> counts = new TreeMap<>();
        merged.forEach(list -> list.forEach(f -> counts.merge(f.type(), 1, Integer::sum)));
        counts.forEach((type, n) -> findings.get(type).inc(n));
        if (counts.isEmpty() || policy == PiiPolicy.FLAG) {
            return CompletableFuture.completedFuture(
                    PiiResult.passed(
                            new EnrichedEvent(
                                    enriched.event(),
                                    enriched.text(),
                                    report(policy, counts, null),
                                    enriched.embedding(),
                                    enriched.metadata())));
        }
        List<String> redacted = redactAll(enriched.event(), texts, merged);
        if (policy == PiiPolicy.REDACT || merged.get(0).isEmpty()) {
            return CompletableFuture.completedFuture(
                    PiiResult.passed(rewrite(enriched, redacted, policy, counts, null)));
        }
        vaultRequests.inc();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("type", enriched.event().type().name().toLowerCase(java.util.Locale.ROOT));
        metadata.put("eventId", enriched.eventId());
        metadata.put("pii", true);
        metadata.put("piiTypes", counts.keySet().stream().map(Enum::name).toList());
        return vault.store(texts.get(0), enriched.tenantId(), metadata)
                .handle(
                        (secretId, error) -> {
                            if (error != null) {
                                vaultFailures.inc();
                                Throwable cause = cause(error);
                                ReasonCode reason =
                                        cause instanceof VaultClient.RejectedException
                                                ? ReasonCode.VAULT_REJECTED
                                                : ReasonCode.VAULT_UNAVAILABLE;
                                return letter(enriched, texts, merged, reason, cause);
                            }
                            List<String> vaulted = new ArrayList<>(redacted);
                            vaulted.set(0, PiiPolicy.VAULT_MARKER);
                            return PiiResult.passed(
                                    rewrite(enriched, vaulted, PiiPolicy.VAULT, counts, secretId));
                        });
    }

    /** Runs out of time: a redacted dead letter from the in-process detectors alone. */
    @Override
    public void timeout(EnrichedEvent enriched, ResultFuture<PiiResult> result) {
        InboundEvent event = enriched.event();
        List<String> texts = EventTexts.of(event);
        List<List<PiiFinding>> merged = new ArrayList<>();
        for (String text : texts) {
            merged.add(
                    PiiDetection.merge(
                            patterns.detect(text), inProcess.recognize(text, null).join()));
        }
        ReasonCode reason =
                policyFor(enriched) == PiiPolicy.VAULT
                        ? ReasonCode.VAULT_UNAVAILABLE
                        : ReasonCode.PII_DETECTION_FAILED;
        result.complete(List.of(letter(enriched, texts, merged, reason, null)));
    }

    private PiiResult letter(
            EnrichedEvent enriched,
            List<String> texts,
            List<List<PiiFinding>> merged,
            ReasonCode reason,
            Throwable cause) {
        InboundEvent redacted =
                EventTexts.with(enriched.event(), redactAll(enriched.event(), texts, merged));
        String message =
                (reason == ReasonCode.PII_DETECTION_FAILED
                                ? "PII detection failed"
                                : "Data Vault failed")
                        + (cause == null ? ": timed out" : ": " + cause.getMessage());
        LOG.warn("Event {} to the dead-letter queue: {}", enriched.eventId(), message);
        var origin = enriched.event().origin();
        return PiiResult.failed(
                new DeadLetter(
                        reason,
                        message,
                        STAGE,
                        origin.topic(),
                        origin.partition(),
                        origin.offset(),
                        origin.kafkaTimestamp(),
                        clock.instant(),
                        enriched.eventId().getBytes(StandardCharsets.UTF_8),
                        EventJson.payloadJson(redacted).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> redactAll(
            InboundEvent event, List<String> texts, List<List<PiiFinding>> merged) {
        List<String> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(
                    EventTexts.isJson(event, i)
                            ? Redactor.redactJson(texts.get(i), merged.get(i))
                            : Redactor.redact(texts.get(i), merged.get(i)));
        }
        return out;
    }

    /**
     * The event with new texts. Every text feature is measured again on the text that is kept, so
     * the stored text and its hash, length, language and token count always agree, and two events
     * that redact to the same text get the same features (they share one {@code PromptText} node).
     */
    private EnrichedEvent rewrite(
            EnrichedEvent enriched,
            List<String> texts,
            PiiPolicy policy,
            Map<PiiType, Integer> counts,
            String secretId) {
        InboundEvent event = EventTexts.with(enriched.event(), texts);
        TextFeatures t = enriched.text();
        TextFeatures features = t;
        if (t != null && texts.get(0) != null) {
            TextFeatures kept;
            // Vault answers complete on HTTP threads; the enricher's detectors are not shared.
            synchronized (textFeatures) {
                kept = textFeatures.enrich(event);
            }
            features =
                    new TextFeatures(
                            kept.textHash(),
                            kept.normalizedLength(),
                            kept.language(),
                            kept.languageConfidence(),
                            kept.tokenCount(),
                            kept.tokenEncoding(),
                            kept.tokenMethod(),
                            t.templateId(),
                            "detected".equals(t.templateSource()) ? null : t.template(),
                            t.templateSource(),
                            t.templateVariables(),
                            t.templateRendered());
        }
        return new EnrichedEvent(
                event,
                features,
                report(policy, counts, secretId),
                enriched.embedding(),
                enriched.metadata());
    }

    private static PiiReport report(
            PiiPolicy policy, Map<PiiType, Integer> counts, String secretId) {
        List<String> types = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        counts.forEach(
                (type, n) -> {
                    types.add(type.name());
                    numbers.add(n);
                });
        return new PiiReport(policy.label(), types, numbers, secretId);
    }

    /** The policy of the event's tenant: its own, or a linked response's prompt's. */
    private PiiPolicy policyFor(EnrichedEvent event) {
        String tenant = event.tenantId();
        return tenant == null ? defaultPolicy : tenantPolicies.getOrDefault(tenant, defaultPolicy);
    }

    private static Throwable cause(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        if (ner != null) {
            ner.close();
        }
    }
}
