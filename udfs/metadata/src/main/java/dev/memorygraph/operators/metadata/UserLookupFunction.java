package dev.memorygraph.operators.metadata;

import static dev.memorygraph.core.metrics.MetricNames.CACHE_HIT_RATE;
import static dev.memorygraph.core.metrics.MetricNames.ENRICHMENT_DURATION_SECONDS;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_LAYER;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STAGE;

import dev.memorygraph.core.cache.BoundedCache;
import dev.memorygraph.core.cache.CacheHitRate;
import dev.memorygraph.core.metrics.DurationHistogram;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.UserInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 * Stage 6's user lookup, as async I/O before the prompt–response join: each prompt and session with
 * a user id gets the user directory's answer ({@link UserInfo}), and a prompt that still has no
 * tenant after the event's own field and its session's takes the user's, written into the prompt
 * ({@code prompt.metadata.tenantId}) so that the join, the PII policy, the lake and the graph all
 * read it.
 *
 * <p>Answers, unknown users included, are cached per subtask for {@code user.cache.ttl}; events of
 * a user whose lookup is out share it. When the directory cannot answer (after {@code
 * user.retry.*}), events go on at once: with the expired entry if there is one ({@code
 * source=stale}), else with {@code user} in {@link Metadata#missing()}; lookups are then paused for
 * a backoff that doubles from 1 s to 1 min.
 */
public class UserLookupFunction extends RichAsyncFunction<EnrichedEvent, EnrichedEvent> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(UserLookupFunction.class);

    public static final String STAGE = "user";
    public static final String LOOKUPS_TOTAL = "user_lookups_total";
    public static final String FAILURES_TOTAL = "user_failures_total";
    public static final String DEGRADED_TOTAL = "user_degraded_total";
    public static final String TENANTS_RESOLVED_TOTAL = "user_tenants_resolved_total";

    /** Users cached per subtask at most; the least recently used go first. */
    static final int MAX_CACHED_USERS = 100_000;

    private final UserDirectorySettings settings;

    private transient UserDirectoryClient client;
    private transient Map<String, Entry> cache;
    private transient Map<String, CompletableFuture<Optional<UserInfo>>> inFlight;
    private transient OutageBackoff outage;
    private transient CacheHitRate hitRate;
    private transient Counter lookups;
    private transient Counter failures;
    private transient Counter degraded;
    private transient Counter tenantsResolved;
    private transient Histogram duration;

    public UserLookupFunction(UserDirectorySettings settings) {
        this.settings = settings;
    }

    /** A cached answer; {@code user} null for a user the directory does not know. */
    private record Entry(UserInfo user, long fetchedAtMillis) {}

    @Override
    public void open(OpenContext openContext) {
        try {
            client = new UserDirectoryClient(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read user.api-key-file", e);
        }
        cache = BoundedCache.synchronizedLru(MAX_CACHED_USERS);
        inFlight = new ConcurrentHashMap<>();
        outage =
                new OutageBackoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(1));
        hitRate = new CacheHitRate();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        // incremented from HTTP client threads too
        lookups = metrics.counter(LOOKUPS_TOTAL, new ThreadSafeSimpleCounter());
        failures = metrics.counter(FAILURES_TOTAL, new ThreadSafeSimpleCounter());
        degraded = metrics.counter(DEGRADED_TOTAL, new ThreadSafeSimpleCounter());
        tenantsResolved = metrics.counter(TENANTS_RESOLVED_TOTAL, new ThreadSafeSimpleCounter());
        duration =
                metrics.addGroup(LABEL_STAGE, STAGE)
                        .histogram(ENRICHMENT_DURATION_SECONDS, new DurationHistogram(1024));
        metrics.addGroup(LABEL_LAYER, STAGE).gauge(CACHE_HIT_RATE, hitRate);
    }

    @Override
    public void asyncInvoke(EnrichedEvent event, ResultFuture<EnrichedEvent> result) {
        String userId = event.event().type() == EventType.RESPONSE ? null : event.event().userId();
        if (userId == null || userId.isBlank()) {
            result.complete(List.of(event));
            return;
        }
        hitRate.request();
        long now = System.currentTimeMillis();
        Entry entry = cache.get(userId);
        if (entry != null && now - entry.fetchedAtMillis() < settings.cacheTtl().toMillis()) {
            hitRate.hit();
            result.complete(List.of(enrich(event, entry.user())));
            return;
        }
        if (outage.paused(now)) {
            result.complete(List.of(degrade(event, entry)));
            return;
        }
        CompletableFuture<Optional<UserInfo>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<UserInfo>> shared = inFlight.putIfAbsent(userId, mine);
        if (shared == null) {
            shared = mine;
            lookUp(userId, mine);
        }
        shared.whenComplete(
                (user, error) -> {
                    EnrichedEvent out;
                    try {
                        out =
                                error != null
                                        ? degrade(event, cache.get(userId))
                                        : enrich(event, user.orElse(null));
                    } catch (RuntimeException e) {
                        degraded.inc();
                        out =
                                event.withMetadata(
                                        event.metadataOrNone().missing(Metadata.MISSING_USER));
                    }
                    result.complete(List.of(out));
                });
    }

    /** Asks the directory once for every event of {@code userId} waiting on {@code answer}. */
    private void lookUp(String userId, CompletableFuture<Optional<UserInfo>> answer) {
        lookups.inc();
        long start = System.nanoTime();
        CompletableFuture<Optional<UserInfo>> call;
        try {
            call = client.lookUp(userId);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete(
                (user, error) -> {
                    duration.update(System.nanoTime() - start);
                    if (error != null) {
                        failures.inc();
                        long wait = outage.failed(System.currentTimeMillis());
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        LOG.warn(
                                "User directory lookup failed ({}); events go on without user"
                                        + " data, next lookup in {} ms at the earliest",
                                cause.getClass().getSimpleName(),
                                wait);
                    } else {
                        outage.succeeded();
                        cache.put(userId, new Entry(user.orElse(null), System.currentTimeMillis()));
                    }
                    inFlight.remove(userId, answer);
                    if (error != null) {
                        answer.completeExceptionally(error);
                    } else {
                        answer.complete(user);
                    }
                });
    }

    private EnrichedEvent degrade(EnrichedEvent event, Entry stale) {
        if (stale != null) {
            UserInfo user = stale.user();
            return enrich(
                    event,
                    user == null
                            ? null
                            : new UserInfo(
                                    user.userId(),
                                    user.tenantId(),
                                    user.orgId(),
                                    user.attributesJson(),
                                    UserInfo.SOURCE_STALE));
        }
        degraded.inc();
        return event.withMetadata(event.metadataOrNone().missing(Metadata.MISSING_USER));
    }

    /** The user on the event, and the user's tenant on a prompt that has none. */
    private EnrichedEvent enrich(EnrichedEvent event, UserInfo user) {
        if (user == null) {
            return event;
        }
        InboundEvent inbound = event.event();
        if (inbound.type() == EventType.PROMPT
                && inbound.tenantId() == null
                && user.tenantId() != null) {
            tenantsResolved.inc();
            inbound =
                    InboundEvent.of(inbound.prompt().withTenant(user.tenantId()), inbound.origin());
        }
        return new EnrichedEvent(
                inbound,
                event.text(),
                event.pii(),
                event.embedding(),
                event.metadataOrNone().withUser(user));
    }

    @Override
    public void timeout(EnrichedEvent event, ResultFuture<EnrichedEvent> result) {
        String userId = event.event().userId();
        result.complete(List.of(degrade(event, userId == null ? null : cache.get(userId))));
    }
}
