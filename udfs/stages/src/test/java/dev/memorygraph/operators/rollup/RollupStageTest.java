package dev.memorygraph.operators.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.rollup.QuantileSketch;
import dev.memorygraph.model.rollup.Rollup;
import dev.memorygraph.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RollupStageTest {

    @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    static final Instant T0 = Instant.parse("2026-11-30T22:00:00Z");

    @Test
    void theSketchAnswersWithinOnePercentAndMergesExactly() {
        Random random = new Random(7);
        double[] values = new double[20_000];
        QuantileSketch all = new QuantileSketch();
        List<QuantileSketch> parts = new ArrayList<>();
        for (int p = 0; p < 7; p++) {
            parts.add(new QuantileSketch());
        }
        for (int i = 0; i < values.length; i++) {
            // log-normal latencies around 800 ms, and some zeros
            values[i] = i % 500 == 0 ? 0 : Math.exp(6.7 + random.nextGaussian());
            all.add(values[i]);
            parts.get(random.nextInt(parts.size())).add(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            double exact = values[(int) Math.floor(q * (values.length - 1))];
            assertThat(all.quantile(q)).as("p" + q).isCloseTo(exact, within(exact * 0.01));
        }
        Collections.shuffle(parts, random);
        QuantileSketch merged = new QuantileSketch();
        parts.forEach(merged::merge);
        assertThat(merged).isEqualTo(all);
        assertThat(merged.quantile(0.99)).isEqualTo(all.quantile(0.99));
        assertThat(new QuantileSketch().quantile(0.5)).isNaN();
    }

    @Test
    void aMonthIsTheMergeOfItsDaysAndADayOfItsHours() {
        List<Rollup> hours = new ArrayList<>();
        List<EnrichedEvent> events =
                TestEvents.joinedResponses(3_000, new Random(3), T0, Duration.ofHours(30));
        for (EnrichedEvent e : events) {
            for (Rollup r : RollupStage.contributions(e)) {
                hours.add(
                        r.inWindow(
                                RollupStage.HOUR,
                                RollupStage.windowStart(
                                        RollupStage.HOUR, e.event().eventTime().toEpochMilli())));
            }
        }
        List<Rollup> hourly = RollupStage.mergeInto(RollupStage.HOUR, hours);
        List<Rollup> days = RollupStage.mergeInto(RollupStage.DAY, hourly);
        List<Rollup> monthFromDays = RollupStage.mergeInto(RollupStage.MONTH, days);
        List<Rollup> monthFromHours = RollupStage.mergeInto(RollupStage.MONTH, hourly);
        List<Rollup> reversed = new ArrayList<>(days);
        Collections.reverse(reversed);

        assertThat(days).hasSizeGreaterThan(4);
        assertThat(monthFromDays).isEqualTo(monthFromHours);
        assertThat(RollupStage.mergeInto(RollupStage.MONTH, reversed)).isEqualTo(monthFromDays);
        // the events span November 30 and December 1: two months
        assertThat(monthFromDays.stream().map(r -> r.windowStart).distinct())
                .containsExactlyInAnyOrder(
                        Instant.parse("2026-11-01T00:00:00Z").toEpochMilli(),
                        Instant.parse("2026-12-01T00:00:00Z").toEpochMilli());
        long responses =
                monthFromDays.stream()
                        .filter(r -> r.dimension.equals("tenant"))
                        .mapToLong(r -> r.responses)
                        .sum();
        assertThat(responses).isEqualTo(events.size());
    }

    @Test
    void aResponseCountsOnceInEachGroupWithUnpricedNeverAsZero() {
        EnrichedEvent priced =
                TestEvents.joinedResponse("r1", T0, "acme", "gpt-4o", "u1", 1200L, 0.0042, false);
        EnrichedEvent unpriced =
                TestEvents.joinedResponse("r2", T0, null, "gpt-4o", null, null, null, true);
        List<Rollup> a = RollupStage.contributions(priced);
        List<Rollup> b = RollupStage.contributions(unpriced);

        assertThat(a)
                .extracting(r -> r.dimension)
                .containsExactlyElementsOf(RollupStage.DIMENSIONS);
        Rollup tenantModel = a.get(3);
        assertThat(tenantModel.tenantId).isEqualTo("acme");
        assertThat(tenantModel.modelId).isEqualTo("gpt-4o");
        assertThat(tenantModel.userId).isNull();
        assertThat(tenantModel.costNanoUsd).isEqualTo(4_200_000L);
        assertThat(tenantModel.priced).isEqualTo(1);
        assertThat(b.get(0).tenantId).isEqualTo(Rollup.UNKNOWN);
        assertThat(b.get(0).unpriced).isEqualTo(1);
        assertThat(b.get(0).costNanoUsd).isZero();
        assertThat(b.get(0).errors).isEqualTo(1);
        assertThat(b.get(0).latencyMs.count()).isZero();
    }

    /**
     * The same responses, shuffled with late arrivals: the live (STREAMING) rollup, keeping the
     * last row per key as a store that overwrites by key does, equals the BATCH rollup, and late
     * responses did correct an already emitted hour.
     */
    @Test
    void streamingWithLateArrivalsGivesTheSameRollupsAsBatch() throws Exception {
        Random random = new Random(11);
        List<EnrichedEvent> events =
                TestEvents.joinedResponses(1_500, random, T0, Duration.ofHours(30));
        // in order of event time, except one in ten held back by 5 to 40 responses (about 6 to 48
        // minutes of event time): late, but within the allowed hour
        List<EnrichedEvent> arrival = new ArrayList<>(events);
        arrival.sort(java.util.Comparator.comparing(e -> e.event().eventTime()));
        for (int i = arrival.size() - 1; i > 0; i--) {
            if (random.nextInt(10) == 0) {
                int later = Math.min(arrival.size() - 1, i + 5 + random.nextInt(35));
                arrival.add(later, arrival.remove(i));
            }
        }
        RollupOptions options =
                new RollupOptions(true, Duration.ofHours(1), Duration.ofSeconds(30));

        List<Rollup> streamed = run(RuntimeExecutionMode.STREAMING, arrival, options);
        List<Rollup> batch = run(RuntimeExecutionMode.BATCH, events, options);

        Map<String, Rollup> live = new TreeMap<>();
        streamed.forEach(r -> live.put(r.key(), r));
        Map<String, Rollup> bounded = new TreeMap<>();
        batch.forEach(r -> bounded.put(r.key(), r));
        assertThat(batch).hasSameSizeAs(bounded.values());
        assertThat(live).isEqualTo(bounded);
        assertThat(streamed.size())
                .as("late responses fired some hours again")
                .isGreaterThan(live.size());
    }

    private static List<Rollup> run(
            RuntimeExecutionMode mode, List<EnrichedEvent> events, RollupOptions options)
            throws Exception {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, mode);
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        var stream =
                env.fromData(events)
                        .map(
                                e -> {
                                    // slow enough that watermarks advance between responses
                                    if (mode == RuntimeExecutionMode.STREAMING) {
                                        Thread.sleep(1);
                                    }
                                    return e;
                                })
                        .returns(EnrichedEvent.class);
        List<Rollup> out = new ArrayList<>();
        try (CloseableIterator<Rollup> rows =
                RollupStage.live(stream, options).executeAndCollect()) {
            rows.forEachRemaining(out::add);
        }
        return out;
    }
}
