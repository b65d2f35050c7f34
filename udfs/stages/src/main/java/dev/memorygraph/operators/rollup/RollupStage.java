package dev.memorygraph.operators.rollup;

import dev.memorygraph.model.Cost;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.Metadata;
import dev.memorygraph.model.PromptLink;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.rollup.Rollup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Hourly rollups of responses (spec §4 Job 4) by tenant, model, user, and tenant and model: one
 * event-time tumbling window of an hour per group, reduced as it fills (one {@link Rollup} of state
 * per group and hour). The same fragment runs in the streaming job (the live rollup) and in the
 * hourly bounded job over the lake:
 *
 * <ul>
 *   <li><b>STREAMING</b>: windows close when the watermark (response event time, {@code
 *       rollup.out-of-orderness} behind the newest) passes the hour; a response up to {@code
 *       rollup.allowed-lateness} later fires the window again with the corrected row, which has the
 *       same {@link Rollup#key()} and so overwrites the first one where rows are stored.
 *   <li><b>BATCH</b>: each window fires once, at the end of the input, with every response of the
 *       hour.
 * </ul>
 *
 * Rows merge exactly ({@link Rollup#merge}), so a closed hour's live row equals its batch row
 * whatever the order of arrival.
 */
public final class RollupStage {

    public static final String UID = "rollup-hourly";
    public static final String TIMESTAMPS_UID = "rollup-timestamps";
    public static final String HOUR = "hour";
    public static final String DAY = "day";
    public static final String MONTH = "month";

    /** The groupings every response is counted in. */
    public static final List<String> DIMENSIONS =
            List.of("tenant", "model", "user", "tenant_model");

    private RollupStage() {}

    /**
     * The live rollup of the streaming job: responses as they come, a {@code completed} re-emission
     * of a response the join had let go without its prompt not counted again.
     */
    public static DataStream<Rollup> live(DataStream<EnrichedEvent> events, RollupOptions options) {
        return hourly(events, options, true);
    }

    /** The rollup of a bounded job over the lake, whose reader keeps one row per event. */
    public static DataStream<Rollup> bounded(
            DataStream<EnrichedEvent> events, RollupOptions options) {
        return hourly(events, options, false);
    }

    private static DataStream<Rollup> hourly(
            DataStream<EnrichedEvent> events, RollupOptions options, boolean skipCompleted) {
        return events.assignTimestampsAndWatermarks(
                        WatermarkStrategy.<EnrichedEvent>forBoundedOutOfOrderness(
                                        options.outOfOrderness())
                                .withTimestampAssigner(
                                        (e, previous) -> e.event().eventTime().toEpochMilli())
                                .withIdleness(Duration.ofMinutes(1)))
                .uid(TIMESTAMPS_UID)
                .name("Rollup event time")
                .flatMap(new Contributions(skipCompleted))
                .uid(UID + "-contributions")
                .name("Rollup contributions")
                .keyBy(Rollup::groupKey)
                .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                .allowedLateness(options.allowedLateness())
                .reduce(new Merge(), new InWindow())
                .uid(UID)
                .name("Hourly rollups");
    }

    /** What one response adds to each of its groups. */
    public static List<Rollup> contributions(EnrichedEvent enriched) {
        ResponseEvent response = enriched.event().response();
        Metadata metadata = enriched.metadataOrNone();
        Rollup one = new Rollup();
        one.responses = 1;
        one.errors = response.error() != null ? 1 : 0;
        if (response.usage() != null) {
            one.promptTokens = orZero(response.usage().promptTokens());
            one.completionTokens = orZero(response.usage().completionTokens());
            one.totalTokens = orZero(response.usage().totalTokens());
        }
        Double reported = response.metrics() == null ? null : response.metrics().cost();
        Cost cost = metadata.cost();
        if (cost != null && cost.priced()) {
            one.priced = 1;
            one.costNanoUsd = Math.round(cost.usd() * 1e9);
        } else if (reported != null && Double.isFinite(reported)) {
            one.priced = 1;
            one.costNanoUsd = Math.round(reported * 1e9);
        } else {
            one.unpriced = 1;
        }
        if (response.metrics() != null) {
            if (response.metrics().latency() != null) {
                one.latencyMs.add(response.metrics().latency());
            }
            if (response.metrics().ttft() != null) {
                one.ttftMs.add(response.metrics().ttft());
            }
        }
        PromptLink link = metadata.prompt();
        String tenant = known(enriched.tenantId());
        String model = known(enriched.modelId());
        String user = known(link == null ? enriched.event().userId() : link.userId());
        List<Rollup> out = new ArrayList<>(DIMENSIONS.size());
        for (String dimension : DIMENSIONS) {
            Rollup r = one.copy();
            r.dimension = dimension;
            r.tenantId = dimension.startsWith("tenant") ? tenant : null;
            r.modelId = dimension.endsWith("model") ? model : null;
            r.userId = dimension.equals("user") ? user : null;
            out.add(r);
        }
        return out;
    }

    /** Rows of a finer granularity merged into windows of {@code granularity} (day or month). */
    public static List<Rollup> mergeInto(String granularity, Iterable<Rollup> rows) {
        java.util.Map<String, Rollup> merged = new java.util.TreeMap<>();
        for (Rollup row : rows) {
            long start = windowStart(granularity, row.windowStart);
            Rollup keyed = row.inWindow(granularity, start);
            merged.merge(keyed.key(), keyed, Rollup::merge);
        }
        return new ArrayList<>(merged.values());
    }

    /** Start (epoch ms, UTC) of the {@code granularity} window holding {@code millis}. */
    public static long windowStart(String granularity, long millis) {
        java.time.ZonedDateTime t =
                java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC);
        java.time.ZonedDateTime start =
                switch (granularity) {
                    case HOUR -> t.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
                    case DAY -> t.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                    case MONTH ->
                            t.truncatedTo(java.time.temporal.ChronoUnit.DAYS).withDayOfMonth(1);
                    default -> throw new IllegalArgumentException("granularity: " + granularity);
                };
        return start.toInstant().toEpochMilli();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String known(String value) {
        return value == null || value.isBlank() ? Rollup.UNKNOWN : value;
    }

    static final class Contributions implements FlatMapFunction<EnrichedEvent, Rollup> {
        private static final long serialVersionUID = 1L;
        private final boolean skipCompleted;

        Contributions(boolean skipCompleted) {
            this.skipCompleted = skipCompleted;
        }

        @Override
        public void flatMap(EnrichedEvent event, Collector<Rollup> out) {
            if (event.event().type() != EventType.RESPONSE) {
                return;
            }
            if (skipCompleted && Metadata.COMPLETED.equals(event.metadataOrNone().join())) {
                return;
            }
            contributions(event).forEach(out::collect);
        }
    }

    static final class Merge implements ReduceFunction<Rollup> {
        private static final long serialVersionUID = 1L;

        @Override
        public Rollup reduce(Rollup a, Rollup b) {
            return a.merge(b);
        }
    }

    static final class InWindow extends ProcessWindowFunction<Rollup, Rollup, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                String key, Context context, Iterable<Rollup> rows, Collector<Rollup> out) {
            for (Rollup row : rows) {
                out.collect(row.inWindow(HOUR, context.window().getStart()));
            }
        }
    }
}
