package dev.memorygraph.batch.anomaly;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The static-threshold baseline the detector is measured against: per model, a response is
 * anomalous when any {@link Features} value lies more than three standard deviations above the
 * model's mean of the day (the same vectors the forests see, so the comparison is of the method,
 * not of the inputs).
 */
public final class ThreeSigmaBaseline {

    private ThreeSigmaBaseline() {}

    /** For each row, whether the baseline flags it. */
    public static boolean[] flags(List<ResponseRow> rows, double[][] x) {
        int features = Features.NAMES.size();
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] s =
                    sums.computeIfAbsent(
                            String.valueOf(rows.get(i).modelId), k -> new double[2 * features + 1]);
            for (int f = 0; f < features; f++) {
                s[f] += x[i][f];
                s[features + f] += x[i][f] * x[i][f];
            }
            s[2 * features]++;
        }
        boolean[] out = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] s = sums.get(String.valueOf(rows.get(i).modelId));
            double n = s[2 * features];
            for (int f = 0; f < features; f++) {
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
}
