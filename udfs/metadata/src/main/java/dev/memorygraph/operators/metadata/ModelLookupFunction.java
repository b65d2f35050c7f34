package dev.memorygraph.operators.metadata;

import static dev.memorygraph.core.metrics.MetricNames.CACHE_HIT_RATE;
import static dev.memorygraph.core.metrics.MetricNames.ENRICHMENT_DURATION_SECONDS;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_LAYER;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STAGE;

import dev.memorygraph.core.cache.BoundedCache;
import dev.memorygraph.core.cache.CacheHitRate;
import dev.memorygraph.core.metrics.DurationHistogram;
import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.ModelInfo;
import dev.memorygraph.registry.v1.Model;
import dev.memorygraph.registry.v1.ModelUpdate;
import io.grpc.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 6's model lookup and cost, as async I/O: each prompt and joined response gets its model's
 * registry entry ({@link ModelInfo}) and each response its {@link Cost}.
 *
 * <ul>
 *   <li><b>Cache.</b> Answers are kept per subtask for {@code registry.cache.ttl} (5 min); the
 *       registry's update stream refreshes them meanwhile, so a price change or a deprecation is
 *       used from the next event on. A hit costs no call.
 *   <li><b>Batches.</b> Misses wait up to {@code registry.batch.max-delay} for others and go out
 *       together in one {@code BatchGetModels} of up to {@code registry.batch.max-size} distinct
 *       ids; events waiting for the same id share its answer.
 *   <li><b>Degradation.</b> When a call fails or times out, its events go on at once: with the
 *       expired cache entry where there is one ({@code source=stale}), else without model data,
 *       {@code registry} in {@link Metadata#missing()} and prices from the fallback table. Calls
 *       are then not tried for a backoff that doubles from {@code
 *       registry.reconnect.initial-backoff} to {@code max-backoff}, so an outage costs the job
 *       nothing but the missing data.
 *   <li><b>Prices</b> are effective-dated ({@link PriceHistory}): the one in force at the event's
 *       time applies. An id the registry does not know, or a model without prices, is {@code
 *       unpriced} and counted in {@code cost_unpriced_total{model}}.
 * </ul>
 */
public class ModelLookupFunction extends RichAsyncFunction<EnrichedEvent, EnrichedEvent> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(ModelLookupFunction.class);

    public static final String STAGE = "registry";
    public static final String COST_STAGE = "cost";
    public static final String LOOKUPS_TOTAL = "registry_lookups_total";
    public static final String FAILURES_TOTAL = "registry_failures_total";
    public static final String UPDATES_TOTAL = "registry_updates_total";
    public static final String DEGRADED_TOTAL = "registry_degraded_total";
    public static final String UNPRICED_TOTAL = "cost_unpriced_total";
    public static final String LABEL_MODEL = "model";

    /** Distinct model labels of {@code cost_unpriced_total}; further ids count as {@code other}. */
    static final int MAX_MODEL_LABELS = 100;

    /** Model ids cached per subtask at most (ids come from events: hostile input could grow it). */
    static final int MAX_CACHED_MODELS = 10_000;

    /** Wait before the one retry of a call that failed on a transient status. */
    static final long RETRY_DELAY_MILLIS = 200;

    private final RegistrySettings settings;
    private final PriceTable fallback;

    private transient ModelRegistryClient client;
    private transient Map<String, RegistryEntry> cache;
    private transient Map<String, List<Waiting>> pending;
    private transient Map<String, List<Waiting>> asked;
    private transient ScheduledExecutorService flusher;
    private transient ScheduledFuture<?> scheduledFlush;
    private transient OutageBackoff outage;
    private transient CacheHitRate hitRate;
    private transient Counter lookups;
    private transient Counter failures;
    private transient Counter updates;
    private transient Counter degraded;
    private transient Histogram duration;
    private transient Histogram costDuration;
    private transient MetricGroup unpricedGroup;
    private transient Map<String, Counter> unpriced;

    public ModelLookupFunction(RegistrySettings settings, PriceTable fallback) {
        this.settings = settings;
        this.fallback = fallback;
    }

    private record Waiting(EnrichedEvent event, ResultFuture<EnrichedEvent> result) {}

    @Override
    public void open(OpenContext openContext) {
        cache = BoundedCache.synchronizedLru(MAX_CACHED_MODELS);
        pending = new LinkedHashMap<>();
        asked = new HashMap<>();
        hitRate = new CacheHitRate();
        outage = new OutageBackoff(settings.initialBackoff(), settings.maxBackoff());
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        // incremented from gRPC threads too
        lookups = metrics.counter(LOOKUPS_TOTAL, new ThreadSafeSimpleCounter());
        failures = metrics.counter(FAILURES_TOTAL, new ThreadSafeSimpleCounter());
        updates = metrics.counter(UPDATES_TOTAL, new ThreadSafeSimpleCounter());
        degraded = metrics.counter(DEGRADED_TOTAL, new ThreadSafeSimpleCounter());
        duration =
                metrics.addGroup(LABEL_STAGE, STAGE)
                        .histogram(ENRICHMENT_DURATION_SECONDS, new DurationHistogram(1024));
        costDuration =
                metrics.addGroup(LABEL_STAGE, COST_STAGE)
                        .histogram(ENRICHMENT_DURATION_SECONDS, new DurationHistogram(1024));
        metrics.addGroup(LABEL_LAYER, STAGE).gauge(CACHE_HIT_RATE, hitRate);
        unpricedGroup = metrics;
        unpriced = new HashMap<>();
        if (settings.configured()) {
            client = new ModelRegistryClient(settings);
            flusher =
                    Executors.newSingleThreadScheduledExecutor(
                            r -> {
                                Thread t = new Thread(r, "registry-batches");
                                t.setDaemon(true);
                                return t;
                            });
            client.watch(this::onUpdate);
        } else {
            LOG.info(
                    "No registry.address: models are not looked up; prices come from the"
                            + " fallback table ({} models)",
                    fallback.size());
        }
    }

    @Override
    public void asyncInvoke(EnrichedEvent event, ResultFuture<EnrichedEvent> result) {
        String modelId = event.event().type() == EventType.SESSION ? null : event.modelId();
        if (modelId == null || modelId.isBlank()) {
            result.complete(List.of(withoutModel(event)));
            return;
        }
        if (client == null) {
            result.complete(List.of(fromFallback(event, modelId, false)));
            return;
        }
        hitRate.request();
        RegistryEntry entry = cache.get(modelId);
        long now = System.currentTimeMillis();
        if (entry != null && entry.fresh(now, settings.cacheTtl().toMillis())) {
            hitRate.hit();
            result.complete(List.of(enrich(event, entry, ModelInfo.SOURCE_REGISTRY)));
            return;
        }
        boolean degradeNow;
        boolean flushNow = false;
        synchronized (this) {
            degradeNow = outage.paused(now);
            List<Waiting> out = asked.get(modelId);
            if (out != null) {
                // its id is being asked already: the answer serves this event too
                out.add(new Waiting(event, result));
                return;
            }
            if (!degradeNow) {
                pending.computeIfAbsent(modelId, k -> new ArrayList<>())
                        .add(new Waiting(event, result));
                flushNow = pending.size() >= settings.batchSize();
                if (!flushNow && scheduledFlush == null) {
                    scheduledFlush =
                            flusher.schedule(
                                    this::flush,
                                    settings.batchDelay().toMillis(),
                                    TimeUnit.MILLISECONDS);
                }
            }
        }
        if (degradeNow) {
            result.complete(List.of(degrade(event, modelId)));
        } else if (flushNow) {
            flush();
        }
    }

    /** Sends the waiting misses as one call. */
    private void flush() {
        Map<String, List<Waiting>> batch;
        synchronized (this) {
            if (scheduledFlush != null) {
                scheduledFlush.cancel(false);
                scheduledFlush = null;
            }
            if (pending.isEmpty()) {
                return;
            }
            batch = pending;
            pending = new LinkedHashMap<>();
            asked.putAll(batch);
        }
        send(batch, 0);
    }

    /**
     * One {@code BatchGetModels}; a call that failed on a transient status is sent once more after
     * {@link #RETRY_DELAY_MILLIS} (its ids stay asked meanwhile, so their new events wait for it).
     */
    private void send(Map<String, List<Waiting>> batch, int attempt) {
        lookups.inc();
        long start = System.nanoTime();
        client.batchGet(batch.keySet())
                .whenComplete(
                        (models, error) -> {
                            duration.update(System.nanoTime() - start);
                            if (error != null && attempt == 0 && retryable(error)) {
                                try {
                                    flusher.schedule(
                                            () -> send(batch, 1),
                                            RETRY_DELAY_MILLIS,
                                            TimeUnit.MILLISECONDS);
                                    return;
                                } catch (java.util.concurrent.RejectedExecutionException closing) {
                                    // closing: answer now
                                }
                            }
                            synchronized (this) {
                                // from now on an event of these ids asks again or hits the cache
                                batch.keySet().forEach(asked::remove);
                            }
                            if (error != null) {
                                onFailure(batch, error);
                            } else {
                                onAnswer(batch, models);
                            }
                        });
    }

    private static boolean retryable(Throwable error) {
        Status.Code code = Status.fromThrowable(error).getCode();
        return code == Status.Code.UNAVAILABLE
                || code == Status.Code.DEADLINE_EXCEEDED
                || code == Status.Code.RESOURCE_EXHAUSTED
                || code == Status.Code.ABORTED;
    }

    private void onAnswer(Map<String, List<Waiting>> batch, Map<String, Model> models) {
        synchronized (this) {
            outage = new OutageBackoff(settings.initialBackoff(), settings.maxBackoff());
        }
        long now = System.currentTimeMillis();
        batch.forEach(
                (id, waiting) -> {
                    Model model = models.get(id);
                    RegistryEntry entry =
                            cache.compute(
                                    id,
                                    (k, previous) ->
                                            model == null
                                                    ? RegistryEntry.unknown(now)
                                                    : RegistryEntry.answered(
                                                            previous,
                                                            model,
                                                            Instant.ofEpochMilli(now),
                                                            false,
                                                            now));
                    for (Waiting w : waiting) {
                        complete(w, () -> enrich(w.event(), entry, ModelInfo.SOURCE_REGISTRY));
                    }
                });
    }

    private void onFailure(Map<String, List<Waiting>> batch, Throwable error) {
        failures.inc();
        long wait = outage.failed(System.currentTimeMillis());
        LOG.warn(
                "Registry lookup of {} model ids failed ({}); events go on with partial data,"
                        + " next call in {} ms at the earliest",
                batch.size(),
                Status.fromThrowable(error).getCode(),
                wait);
        batch.forEach(
                (id, waiting) -> {
                    for (Waiting w : waiting) {
                        complete(w, () -> degrade(w.event(), id));
                    }
                });
    }

    /**
     * Completes one waiting event with {@code result}; if making it fails (an answer this code
     * cannot read), the event goes on without registry data rather than waiting for its timeout.
     */
    private void complete(Waiting w, java.util.function.Supplier<EnrichedEvent> result) {
        EnrichedEvent out;
        try {
            out = result.get();
        } catch (RuntimeException e) {
            LOG.warn(
                    "Registry answer unusable ({}); the event goes on without it",
                    e.getClass().getSimpleName());
            degraded.inc();
            out = fromFallback(w.event(), w.event().modelId(), true);
        }
        w.result().complete(List.of(out));
    }

    private void onUpdate(ModelUpdate update) {
        if (!update.hasModel() || update.getModel().getId().isEmpty()) {
            return;
        }
        updates.inc();
        long now = System.currentTimeMillis();
        cache.compute(
                update.getModel().getId(),
                (id, previous) -> RegistryEntry.updated(previous, update, now));
    }

    /** The registry did not answer: a stale entry if any, else the fallback table. */
    private EnrichedEvent degrade(EnrichedEvent event, String modelId) {
        RegistryEntry stale = cache.get(modelId);
        if (stale != null) {
            return enrich(event, stale, ModelInfo.SOURCE_STALE);
        }
        degraded.inc();
        return fromFallback(event, modelId, true);
    }

    private EnrichedEvent enrich(EnrichedEvent event, RegistryEntry entry, String source) {
        Instant time = event.event().eventTime();
        Metadata metadata = event.metadataOrNone();
        if (entry.model() == null) {
            // the registry does not know the id: no model data and no price, which is not missing
            return event.withMetadata(metadata.withModel(null, cost(event, null, null)));
        }
        Price price = entry.prices().at(time);
        String priceSource = Cost.PRICES_REGISTRY;
        if (price == null && entry.prices().latest() != null) {
            // the event predates the first registry price this job knows: the table's, if dated
            price = fallback.at(entry.model().getId(), time);
            priceSource = Cost.PRICES_FALLBACK;
            if (price == null) {
                price = entry.prices().prices().get(0);
                priceSource = Cost.PRICES_REGISTRY;
            }
        }
        return event.withMetadata(
                metadata.withModel(entry.info(time, source), cost(event, price, priceSource)));
    }

    private EnrichedEvent fromFallback(EnrichedEvent event, String modelId, boolean missing) {
        Metadata metadata = event.metadataOrNone();
        if (missing) {
            metadata = metadata.missing(Metadata.MISSING_REGISTRY);
        }
        Price price = fallback.at(modelId, event.event().eventTime());
        return event.withMetadata(
                metadata.withModel(null, cost(event, price, Cost.PRICES_FALLBACK)));
    }

    private EnrichedEvent withoutModel(EnrichedEvent event) {
        if (event.event().type() != EventType.RESPONSE) {
            return event;
        }
        return event.withMetadata(event.metadataOrNone().withModel(null, cost(event, null, null)));
    }

    /** A response's cost (prompts and sessions have none); unpriced ones are counted. */
    private Cost cost(EnrichedEvent event, Price price, String priceSource) {
        if (event.event().type() != EventType.RESPONSE) {
            return null;
        }
        long start = System.nanoTime();
        Cost cost = CostCalculator.cost(event, price, price == null ? null : priceSource);
        costDuration.update(System.nanoTime() - start);
        if (!cost.priced()) {
            unpricedCounter(event.modelId()).inc();
        }
        return cost;
    }

    private synchronized Counter unpricedCounter(String modelId) {
        String label = modelId == null ? "unknown" : modelLabel(modelId);
        if (!unpriced.containsKey(label) && unpriced.size() >= MAX_MODEL_LABELS) {
            label = "other";
        }
        return unpriced.computeIfAbsent(
                label,
                l ->
                        unpricedGroup
                                .addGroup(LABEL_MODEL, l)
                                .counter(UNPRICED_TOTAL, new ThreadSafeSimpleCounter()));
    }

    /** Model ids as metric labels: short, and only characters Prometheus keeps as they are. */
    static String modelLabel(String modelId) {
        String cut = modelId.length() > 64 ? modelId.substring(0, 64) : modelId;
        return cut.replaceAll("[^A-Za-z0-9._:/-]", "_");
    }

    @Override
    public void timeout(EnrichedEvent event, ResultFuture<EnrichedEvent> result) {
        String modelId = event.modelId();
        result.complete(List.of(modelId == null ? withoutModel(event) : degrade(event, modelId)));
    }

    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
    }
}
