package dev.memorygraph.local;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.InboundEvent;
import dev.memorygraph.operators.embed.EmbeddingOptions;
import dev.memorygraph.operators.embed.EmbeddingStage;
import dev.memorygraph.operators.embed.LocalEmbedder;
import dev.memorygraph.testing.TestEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The embedding stage against a plain loop calling the same model on the same texts in the same
 * JVM, one core each (parallelism 1, one loop thread), and the cache's effect on realistic traffic.
 *
 * <ol>
 *   <li>plain loop: {@code LocalEmbedder.embedNow} on every text, one after another;
 *   <li>the stage on the same texts made distinct (no cache hits): its ratio to the loop is what
 *       Flink adds;
 *   <li>the stage on the traffic generator's prompts as they come (texts repeat): the events/s the
 *       cache buys, against the hit rate.
 * </ol>
 *
 * <p>System properties: {@code bench.prompts} (distinct texts for the loop and the stage, default
 * 3,000), {@code bench.traffic} (generator prompts for the cache run, default 30,000).
 */
public final class EmbeddingBenchmark {

    private static final Map<String, List<EnrichedEvent>> EVENTS = new ConcurrentHashMap<>();

    private EmbeddingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.prompts", 3_000);
        int trafficCount = Integer.getInteger("bench.traffic", 30_000);
        List<EnrichedEvent> traffic = new ArrayList<>();
        for (EnrichedEvent event : StoreSinksBenchmark.workload(trafficCount * 3)) {
            if (event.event().type() == EventType.PROMPT && event.event().text() != null) {
                traffic.add(event);
            }
            if (traffic.size() == trafficCount) {
                break;
            }
        }
        List<EnrichedEvent> distinct = new ArrayList<>();
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < Math.min(count, traffic.size()); i++) {
            InboundEvent e = traffic.get(i).event();
            distinct.add(
                    new EnrichedEvent(
                            TestEvents.prompt("d" + i, t, e.text() + " (#" + i + ")"), null, null));
        }
        long distinctTexts = traffic.stream().map(e -> e.event().text()).distinct().count();
        System.out.printf(
                "%,d generator prompts, %,d distinct texts (%.1f%% repeats); %d cores%n",
                traffic.size(),
                distinctTexts,
                100.0 * (traffic.size() - distinctTexts) / traffic.size(),
                Runtime.getRuntime().availableProcessors());

        LocalEmbedder model = (LocalEmbedder) LocalEmbedder.factory().create();
        loop(model, distinct.subList(0, Math.min(300, distinct.size()))); // warm
        runStage(distinct.subList(0, Math.min(300, distinct.size())));
        // the loop and the stage run back to back in each round, so the ratio of a round compares
        // them under the same load on this shared machine; the median round is reported
        double loop = 0;
        double stageDistinct = 0;
        double steadyDistinct = 0;
        double stageTraffic = 0;
        List<double[]> ratios = new ArrayList<>();
        List<double[]> steadyRatios = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            double roundLoop = loop(model, distinct);
            Rates distinctRates = runStage(distinct);
            double traffic1 = runStage(traffic).whole();
            System.out.printf(
                    "round %d: loop %,.0f/s, stage distinct %,.0f/s (%,.0f/s first to last"
                            + " event), ratios %.2f (%.2f), stage traffic %,.0f/s%n",
                    round,
                    roundLoop,
                    distinctRates.whole(),
                    distinctRates.steady(),
                    distinctRates.whole() / roundLoop,
                    distinctRates.steady() / roundLoop,
                    traffic1);
            ratios.add(
                    new double[] {
                        distinctRates.whole() / roundLoop, roundLoop, distinctRates.whole()
                    });
            steadyRatios.add(
                    new double[] {distinctRates.steady() / roundLoop, distinctRates.steady()});
            stageTraffic = Math.max(stageTraffic, traffic1);
        }
        ratios.sort(java.util.Comparator.comparingDouble(r -> r[0]));
        steadyRatios.sort(java.util.Comparator.comparingDouble(r -> r[0]));
        double medianRatio = ratios.get(1)[0];
        loop = ratios.get(1)[1];
        stageDistinct = ratios.get(1)[2];
        double medianSteadyRatio = steadyRatios.get(1)[0];
        steadyDistinct = steadyRatios.get(1)[1];
        model.close();
        double hitRate = 1.0 - (double) distinctTexts / traffic.size();
        System.out.printf(
                "%nRESULT local model all-minilm-l6-v2-q: %,.0f embeddings/s, one calling thread"
                        + " (plain loop, the median round)%n",
                loop);
        System.out.printf(
                "RESULT embedding stage, distinct texts (median of 3 rounds): %,.0f events/s with"
                        + " the job's start-up, ratio to the plain loop of its round %.2f; %,.0f"
                        + " events/s from the first event out to the last, ratio %.2f%n",
                stageDistinct, medianRatio, steadyDistinct, medianSteadyRatio);
        System.out.printf(
                "RESULT embedding stage, %,d generator prompts: %,.0f events/s with a %.1f%% cache"
                        + " hit rate: %.1fx the distinct-text rate (1/(1-hit rate) = %.1fx)%n",
                traffic.size(),
                stageTraffic,
                100 * hitRate,
                stageTraffic / stageDistinct,
                1 / (1 - hitRate));
        System.exit(0);
    }

    static double loop(LocalEmbedder model, List<EnrichedEvent> events) {
        long start = System.nanoTime();
        for (EnrichedEvent event : events) {
            model.embedNow(event.event().text());
        }
        return events.size() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Events/s of one run: over the whole job (submission and start-up included), and from the
     * first event out of the stage to the last (the stage at work).
     */
    record Rates(double whole, double steady) {}

    private static final Map<String, long[]> OUT = new ConcurrentHashMap<>();

    /** The stage at parallelism 1 on {@code events}, read from this JVM. */
    static Rates runStage(List<EnrichedEvent> events) throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        EVENTS.put(key, events);
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        EmbeddingStage.apply(
                        env.fromSource(
                                new DataGeneratorSource<>(
                                        index -> EVENTS.get(key).get(index.intValue()),
                                        events.size(),
                                        TypeInformation.of(EnrichedEvent.class)),
                                WatermarkStrategy.noWatermarks(),
                                "prompts"),
                        EmbeddingOptions.fromConfig(new Configuration()))
                .map(new Stamp(key))
                .returns(TypeInformation.of(EnrichedEvent.class))
                .sinkTo(new DiscardingSink<>());
        OUT.put(key, new long[] {0, 0});
        long start = System.nanoTime();
        env.execute("embedding-benchmark");
        double rate = events.size() / ((System.nanoTime() - start) / 1e9);
        long[] stamps = OUT.remove(key);
        EVENTS.remove(key);
        double steady = (events.size() - 1) / ((stamps[1] - stamps[0]) / 1e9);
        return new Rates(rate, steady);
    }

    /** Notes when the first and the last event leave the stage (parallelism 1, same JVM). */
    static final class Stamp
            implements org.apache.flink.api.common.functions.MapFunction<
                    EnrichedEvent, EnrichedEvent> {
        private static final long serialVersionUID = 1L;

        private final String key;

        Stamp(String key) {
            this.key = key;
        }

        @Override
        public EnrichedEvent map(EnrichedEvent event) {
            long[] stamps = OUT.get(key);
            long now = System.nanoTime();
            if (stamps[0] == 0) {
                stamps[0] = now;
            }
            stamps[1] = now;
            return event;
        }
    }
}
