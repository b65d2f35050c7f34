package dev.memorygraph.batch.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature vectors of a day's responses: five robust excesses, each how many robust standard
 * deviations (median and 1.4826 × MAD of its model's day) a response lies above normal, 0 at or
 * below it, at most {@link #CAP}. Each says what kind of trouble it measures, and three of them
 * carry the response's context, where spells, floods and bursts show when each response alone looks
 * normal:
 *
 * <ul>
 *   <li>{@code latency_spell}: the response's generation time per token (latency minus ttft, over
 *       completion tokens), but only as far as its model's other responses within {@link #SPELL_MS}
 *       around it are slow too (the binomial z-score of the share of them more than 3 out): a spell
 *       of a slow model, not one slow answer (one in 250 responses normally hits a hiccup);
 *   <li>{@code completion_tokens} and {@code cost}: of the response alone (a runaway completion);
 *   <li>{@code prompt_flood}: the geometric mean of the response's prompt size and its user's burst
 *       (the log of the user's responses within {@link #FLOOD_MS} around it over the user's median
 *       active clock hour): a flood of long prompts from one user, while a user's ordinary requests
 *       in that hour, a steady batch account and a single long document stay near 0;
 *   <li>{@code error_burst}: for a failed response, the binomial z-score of its model's failures
 *       within {@link #BURST_MS} around it against the model's failure rate of the day; 0 for a
 *       successful one. A failure is anomalous only through a burst, never alone.
 * </ul>
 *
 * A measurement a response does not carry (a failure's latency, an unpriced cost) gives 0.
 */
public final class Features {

    public static final List<String> NAMES =
            List.of("latency_spell", "completion_tokens", "cost", "prompt_flood", "error_burst");

    /** The largest excess a feature takes: beyond it, further out is not more anomalous. */
    static final double CAP = 10;

    static final long SPELL_MS = 7 * 60_000L + 30_000L;
    static final long BURST_MS = 5 * 60_000L;
    static final long FLOOD_MS = 30 * 60_000L;
    static final long HOUR_MS = 3_600_000L;

    /**
     * {@code prompt_flood}'s scale: a geometric mean of a z-score and a log ratio, brought to the
     * other features' scale (its normal tail at about 2.3, as theirs), measured on the calibration
     * day.
     */
    static final double FLOOD_SCALE = 1.5;

    /** A generation time this far out counts as slow in a spell's share. */
    static final double SLOW_Z = 3;

    private Features() {}

    /** One vector per row, in the order of {@code rows}. */
    public static double[][] of(List<ResponseRow> rows) {
        int n = rows.size();
        double[] generation = new double[n];
        double[] completion = new double[n];
        double[] cost = new double[n];
        double[] prompt = new double[n];
        for (int i = 0; i < n; i++) {
            ResponseRow r = rows.get(i);
            boolean ok = !r.error;
            generation[i] =
                    ok && !Double.isNaN(r.latencyMs) && !Double.isNaN(r.ttftMs)
                            ? Math.log(
                                    (Math.max(0, r.latencyMs - r.ttftMs) + 50)
                                            / (nanToZero(r.completionTokens) + 5))
                            : Double.NaN;
            completion[i] = ok ? Math.log1p(r.completionTokens) : Double.NaN;
            cost[i] = ok ? Math.log1p(r.costUsd * 1e6) : Double.NaN;
            prompt[i] = Math.log1p(r.promptTokens);
        }
        String[] models = new String[n];
        for (int i = 0; i < n; i++) {
            models[i] = String.valueOf(rows.get(i).modelId);
        }
        double[] slow = robustZ(models, generation);
        double[] longer = robustZ(models, completion);
        double[] dearer = robustZ(models, cost);
        double[] larger = robustZ(models, prompt);
        boolean[] isSlow = new boolean[n];
        boolean[] measured = new boolean[n];
        boolean[] failed = new boolean[n];
        boolean[] all = new boolean[n];
        for (int i = 0; i < n; i++) {
            measured[i] = !Double.isNaN(slow[i]);
            isSlow[i] = measured[i] && slow[i] > SLOW_Z;
            failed[i] = rows.get(i).error;
            all[i] = true;
        }
        double[] spell = windowZ(rows, models, measured, isSlow, SPELL_MS);
        double[] burst = windowZ(rows, models, all, failed, BURST_MS);
        double[] flood = userBurst(rows);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] x = new double[NAMES.size()];
            x[0] = measured[i] ? Math.min(slow[i], spell[i]) : 0;
            x[1] = longer[i];
            x[2] = dearer[i];
            x[3] = FLOOD_SCALE * Math.sqrt(excess(larger[i]) * Math.max(0, flood[i]));
            x[4] = failed[i] ? burst[i] : 0;
            for (int f = 0; f < x.length; f++) {
                x[f] = excess(x[f]);
            }
            out[i] = x;
        }
        return out;
    }

    private static double excess(double z) {
        return Double.isNaN(z) ? 0 : Math.max(0, Math.min(CAP, z));
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Per model: (v - median) / (1.4826 × MAD) of the measured values, NaN where unmeasured. */
    static double[] robustZ(String[] models, double[] values) {
        Map<String, List<Double>> byModel = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                byModel.computeIfAbsent(models[i], k -> new ArrayList<>()).add(values[i]);
            }
        }
        Map<String, double[]> centres = new HashMap<>();
        byModel.forEach(
                (model, list) -> {
                    double[] sorted =
                            list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    double median = sorted[sorted.length / 2];
                    double[] deviation =
                            Arrays.stream(sorted).map(v -> Math.abs(v - median)).sorted().toArray();
                    double scale = Math.max(1e-3, 1.4826 * deviation[deviation.length / 2]);
                    centres.put(model, new double[] {median, scale});
                });
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double[] c = centres.get(models[i]);
            out[i] = Double.isNaN(values[i]) ? Double.NaN : (values[i] - c[0]) / c[1];
        }
        return out;
    }

    /**
     * For each row, the binomial z-score of the {@code hit} rows among the {@code eligible} rows of
     * its model within {@code halfWidthMs} of it, against the model's share of the day.
     */
    static double[] windowZ(
            List<ResponseRow> rows,
            String[] models,
            boolean[] eligible,
            boolean[] hit,
            long halfWidthMs) {
        double[] out = new double[rows.size()];
        for (int[] group : byKeyInTimeOrder(rows, models)) {
            int total = 0;
            int hits = 0;
            for (int i : group) {
                total += eligible[i] ? 1 : 0;
                hits += eligible[i] && hit[i] ? 1 : 0;
            }
            double rate = total == 0 ? 0 : hits / (double) total;
            int low = 0;
            int high = 0;
            int inWindow = 0;
            int hitsInWindow = 0;
            for (int k = 0; k < group.length; k++) {
                long time = rows.get(group[k]).time;
                for (;
                        high < group.length && rows.get(group[high]).time <= time + halfWidthMs;
                        high++) {
                    if (eligible[group[high]]) {
                        inWindow++;
                        hitsInWindow += hit[group[high]] ? 1 : 0;
                    }
                }
                for (; rows.get(group[low]).time < time - halfWidthMs; low++) {
                    if (eligible[group[low]]) {
                        inWindow--;
                        hitsInWindow -= hit[group[low]] ? 1 : 0;
                    }
                }
                out[group[k]] =
                        (hitsInWindow - inWindow * rate)
                                / Math.sqrt(inWindow * rate * (1 - rate) + 1);
            }
        }
        return out;
    }

    /**
     * For each row, the log of its user's responses within {@link #FLOOD_MS} of it (plus one) over
     * the user's median responses per active clock hour (plus one).
     */
    static double[] userBurst(List<ResponseRow> rows) {
        String[] users = new String[rows.size()];
        for (int i = 0; i < users.length; i++) {
            users[i] = String.valueOf(rows.get(i).userId);
        }
        double[] out = new double[rows.size()];
        for (int[] group : byKeyInTimeOrder(rows, users)) {
            Map<Long, Integer> hours = new HashMap<>();
            for (int i : group) {
                hours.merge(Math.floorDiv(rows.get(i).time, HOUR_MS), 1, Integer::sum);
            }
            int[] perHour = hours.values().stream().mapToInt(Integer::intValue).sorted().toArray();
            double typical = perHour[(perHour.length - 1) / 2];
            int low = 0;
            int high = 0;
            for (int k = 0; k < group.length; k++) {
                long time = rows.get(group[k]).time;
                while (high < group.length && rows.get(group[high]).time <= time + FLOOD_MS) {
                    high++;
                }
                while (rows.get(group[low]).time < time - FLOOD_MS) {
                    low++;
                }
                out[group[k]] = Math.log((high - low + 1) / (typical + 1));
            }
        }
        return out;
    }

    /** The row indexes of each key, each group in event-time order. */
    private static List<int[]> byKeyInTimeOrder(List<ResponseRow> rows, String[] keys) {
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            byKey.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(i);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> group : byKey.values()) {
            out.add(
                    group.stream()
                            .sorted(Comparator.comparingLong((Integer i) -> rows.get(i).time))
                            .mapToInt(Integer::intValue)
                            .toArray());
        }
        return out;
    }
}
