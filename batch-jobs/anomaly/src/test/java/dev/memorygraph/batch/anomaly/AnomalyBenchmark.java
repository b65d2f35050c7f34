package dev.memorygraph.batch.anomaly;

import dev.memorygraph.testing.AnomalyTraffic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One day of responses ({@code -Dbench.responses}, default 333,000: the spec's 10M a month) through
 * the detector as the job runs it (features, one forest per model trained on up to 20,000 rows,
 * every response scored), against the three-sigma baseline on the same vectors, best of three
 * rounds. Prints responses per second and the ratio of the two. Run: {@code mvn -pl
 * batch-jobs/anomaly -am -DskipTests test-compile exec:exec@anomaly-benchmark}.
 */
public final class AnomalyBenchmark {

    private AnomalyBenchmark() {}

    public static void main(String[] args) {
        int responses = Integer.getInteger("bench.responses", 333_000);
        LocalDate day = LocalDate.parse("2026-11-10");
        List<ResponseRow> rows = new ArrayList<>(responses);
        for (AnomalyTraffic.Labelled l : AnomalyTraffic.day(day, responses, 10)) {
            rows.add(ResponseRow.of(l.event()));
        }
        AnomalyDetector.Options options = AnomalyDetector.Options.defaults();
        long bestFeatures = Long.MAX_VALUE;
        long bestTrain = Long.MAX_VALUE;
        long bestScore = Long.MAX_VALUE;
        long bestBaseline = Long.MAX_VALUE;
        int flagged = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            double[][] x = Features.of(rows);
            long t1 = System.nanoTime();
            Map<String, AnomalyModel> models =
                    AnomalyDetector.models(day, rows, x, Map.of(), Map.of(), options);
            long t2 = System.nanoTime();
            flagged = AnomalyDetector.flags(rows, x, models, options).size();
            long t3 = System.nanoTime();
            boolean[] baseline = ThreeSigmaBaseline.flags(rows);
            long t4 = System.nanoTime();
            bestFeatures = Math.min(bestFeatures, t1 - t0);
            bestTrain = Math.min(bestTrain, t2 - t1);
            bestScore = Math.min(bestScore, t3 - t2);
            bestBaseline = Math.min(bestBaseline, t4 - t3 + (t1 - t0));
            if (baseline.length != rows.size()) {
                throw new IllegalStateException();
            }
        }
        long forest = bestFeatures + bestTrain + bestScore;
        System.out.printf(
                "anomaly benchmark: %,d responses, %d flagged%n"
                        + "  features %.1f s, training %.1f s, scoring %.1f s: %.1f s in all,"
                        + " %,.0f responses/s (budget: 60 s)%n"
                        + "  3-sigma baseline on the raw metrics %.1f s: the forest takes %.1f×%n",
                rows.size(),
                flagged,
                bestFeatures / 1e9,
                bestTrain / 1e9,
                bestScore / 1e9,
                forest / 1e9,
                rows.size() / (forest / 1e9),
                bestBaseline / 1e9,
                forest / (double) bestBaseline);
    }
}
