package dev.memorygraph.batch.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memorygraph.testing.AnomalyTraffic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the anomaly detector per planted kind, against the three-sigma baseline
 * on the same vectors, on days of {@link AnomalyTraffic}: traffic with planted latency spikes,
 * runaway costs, token floods and error bursts, written by a separate author who did not see the
 * detector. The detector's options were chosen on one day (seed 1, not measured here); the figures
 * are of two other days (seeds 2 and 3), the second scored by a model updated from the first. Per
 * kind, precision is that kind's hits against every false alarm; overall, all hits against all
 * flags.
 *
 * <p>Run alone: {@code mvn -pl batch-jobs/anomaly -am test -Dtest=AnomalyEvaluationTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AnomalyEvaluationTest {

    static final int RESPONSES = 60_000;

    @Test
    void measuresTheDetectorAgainstTheBaselinePerKind() {
        AnomalyDetector.Options options = AnomalyDetector.Options.defaults();
        Map<String, AnomalyModel> previous = Map.of();
        List<String> lines = new ArrayList<>();
        double[] overall = new double[4];
        boolean beatsBaseline = true;
        for (long seed : new long[] {2, 3}) {
            LocalDate day = LocalDate.parse("2026-11-0" + seed);
            List<AnomalyTraffic.Labelled> traffic = AnomalyTraffic.day(day, RESPONSES, seed);
            List<ResponseRow> rows = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            for (AnomalyTraffic.Labelled l : traffic) {
                rows.add(ResponseRow.of(l.event()));
                kinds.add(l.kind());
            }
            double[][] x = Features.of(rows);
            long started = System.nanoTime();
            Map<String, AnomalyModel> models =
                    AnomalyDetector.models(day, rows, x, Map.of(), previous, options);
            List<AnomalyDetector.Flag> flags = AnomalyDetector.flags(rows, x, models, options);
            long millis = (System.nanoTime() - started) / 1_000_000;
            Set<String> flagged = new HashSet<>();
            flags.forEach(f -> flagged.add(f.row().eventId));
            boolean[] detector = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                detector[i] = flagged.contains(rows.get(i).eventId);
            }
            boolean[] baseline = ThreeSigmaBaseline.flags(rows);
            boolean[] forestAlone = new boolean[rows.size()];
            Map<String, Integer> counts = new HashMap<>();
            rows.forEach(r -> counts.merge(r.modelId, 1, Integer::sum));
            for (int i = 0; i < rows.size(); i++) {
                AnomalyModel model =
                        models.get(AnomalyDetector.group(rows.get(i), counts, options));
                forestAlone[i] = model.score(x[i]) >= model.threshold();
            }
            lines.add(
                    String.format(
                            "day %s: %d responses, %d planted, models %d, trained and scored in %d"
                                    + " ms",
                            day,
                            rows.size(),
                            kinds.stream().filter(k -> k != null).count(),
                            models.size(),
                            millis));
            Map<String, double[]> d = score(kinds, detector);
            Map<String, double[]> b = score(kinds, baseline);
            Map<String, double[]> f = score(kinds, forestAlone);
            lines.add(
                    String.format(
                            "  %-14s  detector P/R    3-sigma P/R     forest alone P/R", "kind"));
            for (String kind : d.keySet()) {
                lines.add(
                        String.format(
                                "  %-14s  %.2f / %.2f     %.2f / %.2f     %.2f / %.2f",
                                kind,
                                d.get(kind)[0],
                                d.get(kind)[1],
                                b.get(kind)[0],
                                b.get(kind)[1],
                                f.get(kind)[0],
                                f.get(kind)[1]));
                beatsBaseline &= f1(d.get(kind)) > f1(b.get(kind));
            }
            overall[0] += d.get("all")[0];
            overall[1] += d.get("all")[1];
            overall[2] += b.get("all")[0];
            overall[3] += b.get("all")[1];
            previous = models;
        }
        lines.forEach(System.out::println);
        // the issue's targets: recall 0.9 at precision 0.8 over all, above the baseline on every
        // kind (F1, precision and recall weighed alike)
        assertThat(overall[1] / 2).as("detector recall").isGreaterThanOrEqualTo(0.9);
        assertThat(overall[0] / 2).as("detector precision").isGreaterThanOrEqualTo(0.8);
        assertThat(beatsBaseline).as("above the baseline on every kind").isTrue();
    }

    private static double f1(double[] pr) {
        return pr[0] + pr[1] == 0 ? 0 : 2 * pr[0] * pr[1] / (pr[0] + pr[1]);
    }

    /** Per kind and over all: {precision, recall}. */
    static Map<String, double[]> score(List<String> kinds, boolean[] flagged) {
        Map<String, int[]> planted = new HashMap<>();
        int falseAlarms = 0;
        int flags = 0;
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            if (flagged[i]) {
                flags++;
            }
            if (kind == null) {
                falseAlarms += flagged[i] ? 1 : 0;
                continue;
            }
            int[] c = planted.computeIfAbsent(kind, k -> new int[2]);
            c[0]++;
            c[1] += flagged[i] ? 1 : 0;
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        int hits = 0;
        int all = 0;
        for (String kind : new java.util.TreeSet<>(planted.keySet())) {
            int[] c = planted.get(kind);
            hits += c[1];
            all += c[0];
            out.put(
                    kind,
                    new double[] {
                        c[1] + falseAlarms == 0 ? 0 : c[1] / (double) (c[1] + falseAlarms),
                        c[1] / (double) c[0]
                    });
        }
        out.put("all", new double[] {flags == 0 ? 0 : hits / (double) flags, hits / (double) all});
        return out;
    }
}
