package dev.memorygraph.operators.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.memorygraph.core.cache.BoundedCache;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.model.TextFeatures;
import dev.memorygraph.testing.TestEvents;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The text stage's caches (issue 16) never change a result: the same events, in an order where
 * texts repeat under other models and in other case and spacing, give exactly the features of an
 * enricher without caches, with a cache small enough to evict on the way.
 */
class TextFeatureCacheTest {

    static final Instant T = Instant.parse("2026-11-26T08:00:00Z");
    static final List<String> MODELS =
            List.of("gpt-4o", "gpt-4", "claude-3-5-sonnet", "o3-mini", "llama-3.1-70b");

    @Test
    void cachedFeaturesEqualFeaturesComputedAgain() throws IOException {
        List<String> texts = new ArrayList<>();
        for (LanguageEvaluationTest.Line line :
                LanguageEvaluationTest.load("/eval/holdout/lang-id-holdout.tsv")) {
            texts.add(line.text());
        }
        Random random = new Random(16);
        List<InboundEvent> events = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Collections.shuffle(texts, random);
            for (String text : texts) {
                String variant = random.nextInt(4) == 0 ? "  " + text + "\n" : text;
                events.add(
                        TestEvents.prompt(
                                "e" + events.size(),
                                T,
                                variant,
                                "s",
                                MODELS.get(random.nextInt(MODELS.size()))));
            }
        }
        TextOptions defaults = TextOptions.defaults();
        TextEnricher uncached =
                new TextEnricher(
                        new TextOptions(
                                defaults.languageCandidates(),
                                defaults.languageMinConfidence(),
                                0));
        TextEnricher cached =
                new TextEnricher(
                        new TextOptions(
                                defaults.languageCandidates(),
                                defaults.languageMinConfidence(),
                                texts.size() / 2));

        for (InboundEvent event : events) {
            TextFeatures expected = uncached.enrich(event);
            assertThat(cached.enrich(event)).as(event.eventId()).isEqualTo(expected);
        }
        assertThat(events).hasSizeGreaterThan(3_000);
    }

    @Test
    void countsHitsAndKeepsAtMostItsBound() {
        BoundedCache<String, Integer> cache = new BoundedCache<>(2);
        List<String> computed = new ArrayList<>();
        for (String key : List.of("a", "b", "a", "c", "b", "a")) {
            cache.get(
                    key,
                    k -> {
                        computed.add(k);
                        return k.length();
                    });
        }

        // a, b computed; a hit; c evicts b; b computed again and evicts a; a computed again
        assertThat(computed).containsExactly("a", "b", "c", "b", "a");
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.hitRate().getValue()).isEqualTo(1 / 6.0);
        assertThat(new BoundedCache<String, Integer>(0).get("a", String::length)).isEqualTo(1);
    }

    @Test
    void aNegativeSizeIsRefusedNamingTheKey() {
        Configuration config = new Configuration();
        config.set(TextOptions.CACHE_ENTRIES, -1);

        assertThatThrownBy(() -> TextOptions.fromConfig(config))
                .hasMessageContaining("text.cache-entries")
                .hasMessageContaining("-1");
        assertThat(TextOptions.defaults().cacheEntries()).isEqualTo(65_536);
        assertThat(new TextOptions(Set.of("en"), 0.1).cacheEntries()).isEqualTo(65_536);
    }
}
