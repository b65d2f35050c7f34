package dev.memorygraph.operators.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.registry.v1.Model;
import dev.memorygraph.registry.v1.ModelUpdate;
import dev.memorygraph.testing.LocalModelRegistry;
import dev.memorygraph.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lookup against a real gRPC registry server on a local port. */
class ModelLookupFunctionTest {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    LocalModelRegistry registry;
    ModelLookupFunction function;

    @BeforeEach
    void startRegistry() throws Exception {
        registry = LocalModelRegistry.start().withGeneratorModels();
    }

    @AfterEach
    void stop() throws Exception {
        if (function != null) {
            function.close();
        }
        registry.close();
    }

    @Test
    void missesOfAShortWindowShareOneBatchCallAndHitsCostNone() throws Exception {
        open(settings(Duration.ofMinutes(5), Duration.ofMillis(50)));
        List<CompletableFuture<EnrichedEvent>> first = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String model = List.of("gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet").get(i % 3);
            first.add(lookUp(response("r" + i, T0, model, 1_000, 500)));
        }
        List<EnrichedEvent> answered = join(first);
        assertThat(registry.batchCalls()).isEqualTo(1);
        assertThat(registry.idsAsked()).isEqualTo(3);

        EnrichedEvent gpt4o = answered.get(0);
        assertThat(gpt4o.metadata().model().provider()).isEqualTo("openai");
        assertThat(gpt4o.metadata().model().source()).isEqualTo("registry");
        Cost cost = gpt4o.metadata().cost();
        assertThat(cost.status()).isEqualTo(Cost.PRICED);
        assertThat(cost.tokenSource()).isEqualTo(Cost.TOKENS_PROVIDER);
        assertThat(cost.priceSource()).isEqualTo(Cost.PRICES_REGISTRY);
        // 1,000 input at 0.0025 + 500 output at 0.01 per 1,000
        assertThat(cost.usd()).isEqualTo(0.0075);

        join(List.of(lookUp(response("again", T0, "gpt-4o-mini", 10, 10))));
        assertThat(registry.batchCalls()).isEqualTo(1);
    }

    @Test
    void anEntryPastItsTtlIsAskedAgain() throws Exception {
        open(settings(Duration.ofMillis(200), Duration.ZERO));
        join(List.of(lookUp(response("r1", T0, "gpt-4o", 10, 10))));
        join(List.of(lookUp(response("r2", T0, "gpt-4o", 10, 10))));
        assertThat(registry.batchCalls()).isEqualTo(1);
        Thread.sleep(300);
        join(List.of(lookUp(response("r3", T0, "gpt-4o", 10, 10))));
        assertThat(registry.batchCalls()).isEqualTo(2);
    }

    @Test
    void anUpdateOnTheStreamIsUsedForTheNextEventAndDoesNotRewriteEarlierOnes() throws Exception {
        open(settings(Duration.ofMinutes(5), Duration.ZERO));
        join(List.of(lookUp(response("r1", T0, "gpt-4o", 1_000, 0))));
        await().atMost(10, TimeUnit.SECONDS).until(() -> registry.openStreams() == 1);

        Instant change = T0.plusSeconds(3_600);
        Model cheaper =
                LocalModelRegistry.model("gpt-4o", "openai", "gpt-4o", 0.001, 0.004).toBuilder()
                        .setDeprecatedAt(LocalModelRegistry.timestamp(T0.plusSeconds(7_200)))
                        .build();
        registry.publish(ModelUpdate.UpdateType.UPDATED, cheaper, change);
        await().atMost(10, TimeUnit.SECONDS)
                .until(
                        () ->
                                join(List.of(lookUp(response("probe", change, "gpt-4o", 1_000, 0))))
                                                .get(0)
                                                .metadata()
                                                .cost()
                                                .usd()
                                        == 0.001);

        EnrichedEvent before = join(List.of(lookUp(response("b", T0, "gpt-4o", 1_000, 0)))).get(0);
        EnrichedEvent after =
                join(List.of(lookUp(response("a", change.plusSeconds(1), "gpt-4o", 1_000, 0))))
                        .get(0);
        EnrichedEvent deprecated =
                join(List.of(lookUp(response("d", T0.plusSeconds(8_000), "gpt-4o", 1_000, 0))))
                        .get(0);
        assertThat(before.metadata().cost().usd()).isEqualTo(0.0025);
        assertThat(after.metadata().cost().usd()).isEqualTo(0.001);
        assertThat(after.metadata().cost().priceEffectiveFrom()).isEqualTo(change);
        assertThat(after.metadata().model().deprecated()).isFalse();
        assertThat(deprecated.metadata().model().deprecated()).isTrue();
        assertThat(registry.batchCalls()).isEqualTo(1);
    }

    @Test
    void theUpdateStreamIsReopenedAfterTheRegistryComesBack() throws Exception {
        open(settings(Duration.ofMinutes(5), Duration.ZERO));
        await().atMost(10, TimeUnit.SECONDS).until(() -> registry.openStreams() == 1);
        registry.stop();
        registry.resume();
        await().atMost(20, TimeUnit.SECONDS).until(() -> registry.openStreams() == 1);
        assertThat(registry.streamsOpened()).isGreaterThanOrEqualTo(2);

        Model pricier = LocalModelRegistry.model("mistral-large", "mistral", "m", 0.004, 0.012);
        registry.publish(ModelUpdate.UpdateType.CREATED, pricier, T0);
        await().atMost(10, TimeUnit.SECONDS)
                .until(
                        () ->
                                join(List.of(lookUp(response("x", T0, "mistral-large", 1_000, 0))))
                                                .get(0)
                                                .metadata()
                                                .cost()
                                                .usd()
                                        == 0.004);
        assertThat(registry.batchCalls()).isZero();
    }

    @Test
    void anUnknownModelIsUnpricedNotFree() throws Exception {
        open(settings(Duration.ofMinutes(5), Duration.ZERO));
        EnrichedEvent llama =
                join(List.of(lookUp(response("r1", T0, "llama-3.1-70b-instruct", 100, 100))))
                        .get(0);
        assertThat(llama.metadata().model()).isNull();
        assertThat(llama.metadata().cost().status()).isEqualTo(Cost.UNPRICED);
        assertThat(llama.metadata().cost().usd()).isNull();
        assertThat(llama.metadata().cost().inputTokens()).isEqualTo(100);
        assertThat(llama.metadata().missing()).isEmpty();
    }

    @Test
    void withTheRegistryDownEventsGoOnAtOnceWithStaleOrFallbackData() throws Exception {
        open(settings(Duration.ofMillis(100), Duration.ZERO));
        join(List.of(lookUp(response("r1", T0, "gpt-4o", 1_000, 0))));
        registry.stop();
        Thread.sleep(150);

        EnrichedEvent stale = join(List.of(lookUp(response("r2", T0, "gpt-4o", 1_000, 0)))).get(0);
        assertThat(stale.metadata().model().source()).isEqualTo("stale");
        assertThat(stale.metadata().cost().usd()).isEqualTo(0.0025);
        assertThat(stale.metadata().missing()).isEmpty();

        // never looked up: the fallback table's price in force at the event's time
        EnrichedEvent fallback =
                join(List.of(lookUp(response("r3", T0, "gpt-4.1", 1_000, 1_000)))).get(0);
        assertThat(fallback.metadata().model()).isNull();
        assertThat(fallback.metadata().missing()).containsExactly(Metadata.MISSING_REGISTRY);
        assertThat(fallback.metadata().cost().priceSource()).isEqualTo(Cost.PRICES_FALLBACK);
        assertThat(fallback.metadata().cost().usd()).isEqualTo(0.002 + 0.008);
    }

    @Test
    void cachedAndCountedTokensArePricedAsTheyShouldBe() throws Exception {
        open(settings(Duration.ofMinutes(5), Duration.ZERO));
        EnrichedEvent cached =
                join(List.of(lookUp(withUsage("c", "gpt-4o", 1_000, 200, 600, 50)))).get(0);
        // 400 uncached at 0.0025, 600 cached at 0.00125, 200 output at 0.01 per 1,000
        assertThat(cached.metadata().cost().usd()).isEqualTo(0.001 + 0.00075 + 0.002);
        assertThat(cached.metadata().cost().cachedInputTokens()).isEqualTo(600);
        assertThat(cached.metadata().cost().reasoningTokens()).isEqualTo(50);

        EnrichedEvent counted = join(List.of(lookUp(withoutUsage("n", "gpt-4o", 2_000)))).get(0);
        assertThat(counted.metadata().cost().tokenSource()).isEqualTo(Cost.TOKENS_COUNTED);
        assertThat(counted.metadata().cost().inputTokens()).isEqualTo(2_000);
        assertThat(counted.metadata().cost().outputTokens()).isEqualTo(3);
    }

    @Test
    void withoutARegistryPricesComeFromTheFallbackTable() throws Exception {
        open(
                new RegistrySettings(
                        null,
                        false,
                        Duration.ofMinutes(5),
                        100,
                        Duration.ZERO,
                        Duration.ofSeconds(2),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        100));
        EnrichedEvent old =
                join(List.of(
                                lookUp(
                                        response(
                                                "r1",
                                                Instant.parse("2024-06-01T00:00:00Z"),
                                                "gpt-4o",
                                                1_000,
                                                0))))
                        .get(0);
        EnrichedEvent now = join(List.of(lookUp(response("r2", T0, "gpt-4o", 1_000, 0)))).get(0);
        assertThat(old.metadata().cost().usd()).isEqualTo(0.005);
        assertThat(now.metadata().cost().usd()).isEqualTo(0.0025);
        assertThat(now.metadata().missing()).isEmpty();
        assertThat(registry.batchCalls()).isZero();
    }

    // --- helpers

    private RegistrySettings settings(Duration ttl, Duration batchDelay) {
        return new RegistrySettings(
                registry.address(),
                false,
                ttl,
                100,
                batchDelay,
                Duration.ofSeconds(2),
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                100);
    }

    private void open(RegistrySettings settings) throws Exception {
        function = AsyncCalls.opened(new ModelLookupFunction(settings, PriceTable.bundled()));
    }

    private CompletableFuture<EnrichedEvent> lookUp(EnrichedEvent event) throws Exception {
        return AsyncCalls.invoke(function, event);
    }

    private static List<EnrichedEvent> join(List<CompletableFuture<EnrichedEvent>> futures)
            throws Exception {
        return AsyncCalls.await(futures);
    }

    static EnrichedEvent response(String id, Instant time, String model, long in, long out) {
        return withUsage(id, time, model, in, out, null, null);
    }

    static EnrichedEvent withUsage(
            String id, String model, long in, long out, long cached, long reasoning) {
        return withUsage(id, T0, model, in, out, cached, reasoning);
    }

    static EnrichedEvent withUsage(
            String id, Instant time, String model, long in, long out, Long cached, Long reasoning) {
        var base = TestEvents.response(id, time, "p-" + id, "hi");
        var r = base.response();
        var response =
                new dev.memorygraph.model.ResponseEvent(
                        r.eventId(),
                        r.timestamp(),
                        r.promptEventId(),
                        r.response(),
                        new dev.memorygraph.model.Usage(in, out, in + out, cached, reasoning),
                        r.metrics(),
                        r.error(),
                        r.tags(),
                        r.traceContext());
        return linked(
                dev.memorygraph.model.InboundEvent.of(response, base.origin()), model, time, null);
    }

    static EnrichedEvent withoutUsage(String id, String model, int promptTokens) {
        var base = TestEvents.response(id, T0, "p-" + id, "hi");
        var r = base.response();
        var response =
                new dev.memorygraph.model.ResponseEvent(
                        r.eventId(),
                        r.timestamp(),
                        r.promptEventId(),
                        r.response(),
                        null,
                        r.metrics(),
                        r.error(),
                        r.tags(),
                        r.traceContext());
        return linked(
                dev.memorygraph.model.InboundEvent.of(response, base.origin()),
                model,
                T0,
                promptTokens);
    }

    private static EnrichedEvent linked(
            dev.memorygraph.model.InboundEvent response,
            String model,
            Instant time,
            Integer promptTokens) {
        PromptLink link =
                new PromptLink(
                        "p", time, "session-1", "user-1", "acme", model, "openai", promptTokens);
        return new EnrichedEvent(response, PromptResponseJoinTest.features(3))
                .withMetadata(Metadata.NONE.withPrompt(link, Metadata.JOINED));
    }
}
