package dev.memorygraph.batch.anomaly;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The static-threshold baseline the detector is measured against: per model, a response is
 * anomalous when any of its measurements (log latency, ttft, cost, prompt and completion tokens of
 * a successful response; for a failed one, its model's failure share in its 10-minute bucket) lies
 * more than three standard deviations above the model's mean of the day. The measurements are the
 * raw ones a dashboard alert would use, not the detector's {@link Features}.
 */
public final class ThreeSigmaBaseline {

    static final long BUCKET_MS = 10 * 60_000L;

    private ThreeSigmaBaseline() {}

    /** For each row, whether the baseline flags it. */
    public static boolean[] flags(List<ResponseRow> rows) {
        Map<String, long[]> buckets = new HashMap<>();
        for (ResponseRow r : rows) {
            long[] c = buckets.computeIfAbsent(bucket(r), k -> new long[2]);
            c[0]++;
            c[1] += r.error ? 1 : 0;
        }
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            ResponseRow r = rows.get(i);
            long[] c = buckets.get(bucket(r));
            x[i] =
                    r.error
                            ? new double[] {
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                c[1] / (double) c[0]
                            }
                            : new double[] {
                                Math.log1p(r.latencyMs),
                                Math.log1p(r.ttftMs),
                                Math.log1p(r.costUsd * 1e6),
                                Math.log1p(r.promptTokens),
                                Math.log1p(r.completionTokens),
                                Double.NaN
                            };
        }
        int features = 6;
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] s =
                    sums.computeIfAbsent(
                            String.valueOf(rows.get(i).modelId), k -> new double[3 * features]);
            for (int f = 0; f < features; f++) {
                if (!Double.isNaN(x[i][f])) {
                    s[f] += x[i][f];
                    s[features + f] += x[i][f] * x[i][f];
                    s[2 * features + f]++;
                }
            }
        }
        boolean[] out = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] s = sums.get(String.valueOf(rows.get(i).modelId));
            for (int f = 0; f < features; f++) {
                double n = s[2 * features + f];
                if (n < 2 || Double.isNaN(x[i][f])) {
                    continue;
                }
                double mean = s[f] / n;
                double sd = Math.sqrt(Math.max(0, s[features + f] / n - mean * mean));
                if (sd > 0 && x[i][f] > mean + 3 * sd) {
                    out[i] = true;
                    break;
                }
            }
        }
        return out;
    }

    private static String bucket(ResponseRow r) {
        return r.modelId + "|" + Math.floorDiv(r.time, BUCKET_MS);
    }
}
