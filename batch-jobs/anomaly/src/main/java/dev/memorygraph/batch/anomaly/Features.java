package dev.memorygraph.batch.anomaly;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature vectors of a day's responses. Per response, six of its own (log scale) and two of its
 * context, which is where bursts and floods show when each response alone looks normal:
 *
 * <ul>
 *   <li>{@code latency_per_token}: latency over completion tokens (plus 20), so a slow spell stands
 *       out while a long answer that is slow for its length does not;
 *   <li>{@code ttft}, {@code cost}, {@code prompt_tokens}, {@code completion_tokens};
 *   <li>{@code error_rate_10m}: for a failed response, the share of failed responses of its model
 *       in its 10-minute bucket (an error burst); for a successful one, its model's share over the
 *       day, so only the failures of a burst stand out, not the successes beside them;
 *   <li>{@code user_requests_1h} and {@code user_prompt_tokens_1h}: its user's responses and prompt
 *       tokens in its clock hour (a token flood).
 * </ul>
 *
 * A failed response's latency, cost and tokens mean nothing, so they and any missing measurement
 * (an unpriced response's cost) take their model's median of the day: a failure is anomalous only
 * through its bucket's error rate, never alone (one in a hundred responses fails normally).
 */
public final class Features {

    public static final List<String> NAMES =
            List.of(
                    "latency_per_token",
                    "ttft",
                    "cost",
                    "prompt_tokens",
                    "completion_tokens",
                    "error_rate_10m",
                    "user_requests_1h",
                    "user_prompt_tokens_1h");

    static final long BUCKET_MS = 10 * 60_000L;
    static final long HOUR_MS = 3_600_000L;

    private Features() {}

    /** One vector per row, in the order of {@code rows}. */
    public static double[][] of(List<ResponseRow> rows) {
        int n = rows.size();
        Map<String, double[]> medians = medians(rows);
        Map<String, long[]> modelBuckets = new HashMap<>();
        Map<String, long[]> modelDays = new HashMap<>();
        Map<String, double[]> userHours = new HashMap<>();
        double[][] own = new double[n][];
        for (int i = 0; i < n; i++) {
            ResponseRow r = rows.get(i);
            double[] m = medians.get(String.valueOf(r.modelId));
            double[] x = new double[5];
            boolean failed = r.error;
            x[0] =
                    failed || Double.isNaN(r.latencyMs) || Double.isNaN(r.completionTokens)
                            ? m[0]
                            : Math.log((r.latencyMs + 1) / (r.completionTokens + 20));
            x[1] = failed || Double.isNaN(r.ttftMs) ? m[1] : Math.log1p(r.ttftMs);
            x[2] = failed || Double.isNaN(r.costUsd) ? m[2] : Math.log1p(r.costUsd * 1e6);
            x[3] = Double.isNaN(r.promptTokens) ? m[3] : Math.log1p(r.promptTokens);
            x[4] =
                    failed || Double.isNaN(r.completionTokens)
                            ? m[4]
                            : Math.log1p(r.completionTokens);
            own[i] = x;
            for (String key :
                    new String[] {
                        r.modelId + "|" + Math.floorDiv(r.time, BUCKET_MS),
                        String.valueOf(r.modelId)
                    }) {
                long[] counts =
                        (key.indexOf('|') >= 0 ? modelBuckets : modelDays)
                                .computeIfAbsent(key, k -> new long[2]);
                counts[0]++;
                counts[1] += failed ? 1 : 0;
            }
            String hour = r.userId + "|" + Math.floorDiv(r.time, HOUR_MS);
            double[] user = userHours.computeIfAbsent(hour, k -> new double[2]);
            user[0]++;
            user[1] += Double.isNaN(r.promptTokens) ? 0 : r.promptTokens;
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            ResponseRow r = rows.get(i);
            long[] counts =
                    r.error
                            ? modelBuckets.get(r.modelId + "|" + Math.floorDiv(r.time, BUCKET_MS))
                            : modelDays.get(String.valueOf(r.modelId));
            double[] user = userHours.get(r.userId + "|" + Math.floorDiv(r.time, HOUR_MS));
            double[] x = Arrays.copyOf(own[i], NAMES.size());
            x[5] = counts[1] / (double) counts[0];
            x[6] = Math.log1p(user[0]);
            x[7] = Math.log1p(user[1]);
            out[i] = x;
        }
        return out;
    }

    /** Per model: the median of each own measurement (log scale) over its measured responses. */
    private static Map<String, double[]> medians(List<ResponseRow> rows) {
        Map<String, List<double[]>> byModel = new HashMap<>();
        for (ResponseRow r : rows) {
            byModel.computeIfAbsent(String.valueOf(r.modelId), k -> new java.util.ArrayList<>())
                    .add(
                            new double[] {
                                r.error
                                        ? Double.NaN
                                        : Math.log((r.latencyMs + 1) / (r.completionTokens + 20)),
                                r.error ? Double.NaN : Math.log1p(r.ttftMs),
                                r.error ? Double.NaN : Math.log1p(r.costUsd * 1e6),
                                Math.log1p(r.promptTokens),
                                r.error ? Double.NaN : Math.log1p(r.completionTokens)
                            });
        }
        Map<String, double[]> out = new HashMap<>();
        byModel.forEach(
                (model, values) -> {
                    double[] m = new double[5];
                    for (int f = 0; f < 5; f++) {
                        int feature = f;
                        double[] column =
                                values.stream()
                                        .mapToDouble(v -> v[feature])
                                        .filter(v -> !Double.isNaN(v))
                                        .sorted()
                                        .toArray();
                        m[f] = column.length == 0 ? 0 : column[column.length / 2];
                    }
                    out.put(model, m);
                });
        return out;
    }
}
