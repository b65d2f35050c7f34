package dev.memorygraph.batch.anomaly;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains (or updates) one {@link AnomalyModel} per LLM model and scores a day's responses with it.
 *
 * <p><b>One forest per model, not one with the model as a feature.</b> Latency, cost and tokens of
 * {@code gpt-4o-mini} and {@code claude-3-5-sonnet} lie orders of magnitude apart; in one forest
 * the splits spend themselves separating models, and a spike of a fast model that stays inside a
 * slow model's normal range is never isolated. Per model, "far from this model's normal" is what
 * the trees learn. Models with fewer than {@link Options#minModelRows()} responses that day share
 * one pooled model ({@link #POOLED}), rather than a forest trained on a handful of rows.
 */
public final class AnomalyDetector {

    public static final String POOLED = "_pooled";

    /**
     * How the forests are trained and where their threshold lies.
     *
     * @param trees trees per forest
     * @param treeSample rows each tree is grown on (256 in the Isolation Forest paper)
     * @param maxTrainingRows rows a model trains on at most (a uniform sample of the day; as many
     *     again from the previous model's sample)
     * @param thresholdZ the threshold is the least score of a response this many robust standard
     *     deviations out on one feature and normal on the others
     * @param minScore the threshold is never below this score
     * @param minModelRows fewer responses of a model in the day: it goes into the pooled model
     */
    public record Options(
            int trees,
            int treeSample,
            int maxTrainingRows,
            double thresholdZ,
            double minScore,
            int minModelRows)
            implements Serializable {

        public static Options defaults() {
            return new Options(100, 256, 20_000, 3.5, 0.7, 500);
        }
    }

    /** An anomalous response: its score, the features behind it, the model that scored it. */
    public record Flag(ResponseRow row, double score, List<String> reasons, String modelVersion) {}

    private AnomalyDetector() {}

    /** Which model scores {@code row} on a day with {@code rowsPerModel}. */
    static String group(ResponseRow row, Map<String, Integer> rowsPerModel, Options options) {
        String model = String.valueOf(row.modelId);
        return rowsPerModel.getOrDefault(model, 0) >= options.minModelRows() ? model : POOLED;
    }

    /**
     * The day's models: {@code existing} ones as they are (a rerun of the day scores with the
     * models it stored), the others trained on the day's vectors and {@code previous}' samples.
     */
    public static Map<String, AnomalyModel> models(
            LocalDate day,
            List<ResponseRow> rows,
            double[][] x,
            Map<String, AnomalyModel> existing,
            Map<String, AnomalyModel> previous,
            Options options) {
        Map<String, Integer> counts = counts(rows);
        Map<String, List<double[]>> byGroup = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byGroup.computeIfAbsent(group(rows.get(i), counts, options), k -> new ArrayList<>())
                    .add(x[i]);
        }
        Map<String, AnomalyModel> out = new TreeMap<>();
        byGroup.forEach(
                (group, vectors) -> {
                    AnomalyModel model = existing.get(group);
                    if (model == null) {
                        model =
                                AnomalyModel.train(
                                        group,
                                        day,
                                        vectors.toArray(double[][]::new),
                                        previous.get(group),
                                        options);
                    }
                    out.put(group, model);
                });
        return out;
    }

    /** The responses whose score reaches their model's threshold. */
    public static List<Flag> flags(
            List<ResponseRow> rows,
            double[][] x,
            Map<String, AnomalyModel> models,
            Options options) {
        Map<String, Integer> counts = counts(rows);
        List<Flag> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AnomalyModel model = models.get(group(rows.get(i), counts, options));
            if (model.anomalous(x[i])) {
                out.add(
                        new Flag(
                                rows.get(i),
                                model.score(x[i]),
                                model.reasons(x[i]),
                                model.version()));
            }
        }
        return out;
    }

    private static Map<String, Integer> counts(List<ResponseRow> rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (ResponseRow row : rows) {
            counts.merge(String.valueOf(row.modelId), 1, Integer::sum);
        }
        return counts;
    }
}
