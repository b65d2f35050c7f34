package dev.memorygraph.sinks.influxdb;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.memorygraph.model.rollup.Rollup;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Rollup rows as points of measurement {@code llm_rollups} (spec §4 Job 4), one per row:
 *
 * <ul>
 *   <li>tags {@code granularity} ({@code hour}, {@code day}, {@code month}), {@code dimension}
 *       ({@code tenant}, {@code model}, {@code user}, {@code tenant_model}) and the dimension's
 *       {@code tenant_id}, {@code model_id}, {@code user_id};
 *   <li>timestamp: the window's start, so the row of a window and group is one point, and a late
 *       correction or a rerun of the hour overwrites it;
 *   <li>fields {@code responses}, {@code errors}, {@code error_rate}, {@code prompt_tokens}, {@code
 *       completion_tokens}, {@code total_tokens}, {@code cost} (USD of the priced responses),
 *       {@code priced}, {@code unpriced}, and {@code latency_p50/p95/p99_ms} and {@code
 *       ttft_p50/p95/p99_ms} (within 1%; absent when no response of the row had one).
 * </ul>
 */
public final class RollupPoints implements MapFunction<Rollup, LinePoint> {

    private static final long serialVersionUID = 1L;

    public static final String MEASUREMENT = "llm_rollups";

    @Override
    public LinePoint map(Rollup row) {
        return toPoint(row);
    }

    public LinePoint toPoint(Rollup row) {
        Point point = Point.measurement(MEASUREMENT);
        point.addTag("granularity", row.granularity);
        point.addTag("dimension", row.dimension);
        tag(point, "tenant_id", row.tenantId);
        tag(point, "model_id", row.modelId);
        tag(point, "user_id", row.userId);
        point.addField("responses", row.responses);
        point.addField("errors", row.errors);
        point.addField("error_rate", row.errorRate());
        point.addField("prompt_tokens", row.promptTokens);
        point.addField("completion_tokens", row.completionTokens);
        point.addField("total_tokens", row.totalTokens);
        point.addField("cost", row.costUsd());
        point.addField("priced", row.priced);
        point.addField("unpriced", row.unpriced);
        quantiles(point, "latency", row.latencyMs);
        quantiles(point, "ttft", row.ttftMs);
        point.time(row.windowStart * 1_000_000L, WritePrecision.NS);
        return new LinePoint(row.key(), point.toLineProtocol());
    }

    private static void quantiles(
            Point point, String name, dev.memorygraph.model.rollup.QuantileSketch sketch) {
        if (sketch.count() == 0) {
            return;
        }
        point.addField(name + "_p50_ms", sketch.quantile(0.50));
        point.addField(name + "_p95_ms", sketch.quantile(0.95));
        point.addField(name + "_p99_ms", sketch.quantile(0.99));
    }

    private static void tag(Point point, String key, String value) {
        if (value != null && !value.isBlank()) {
            point.addTag(key, value);
        }
    }
}
