package dev.memorygraph.batch.anomaly;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import smile.anomaly.IsolationForest;

/**
 * The trained model of one LLM model (or of the pooled small ones): a Smile Isolation Forest over
 * the {@link Features}, the two thresholds of {@link #anomalous} (a feature's excess and the
 * forest's score), and the rows it was trained on (a bounded sample), so that the next day's model
 * is trained on those and the new day's rows together: an update, not a fresh start. Serializable,
 * stored by {@link ModelStore}.
 */
public final class AnomalyModel implements Serializable {

    private static final long serialVersionUID = 2L;

    /**
     * Groups of features with a forest each (indexes into {@link Features#NAMES}). One group of all
     * five today: forests per group (latency, size, volume, failures) were measured and did worse
     * on the evaluation days (README, "Anomaly detection").
     */
    static final int[][] GROUPS = {{0, 1, 2, 3, 4}};

    /** Excess above which a feature is named as a reason. */
    static final double REASON_Z = 3.0;

    final String modelId;
    final LocalDate day;
    final String version;
    final List<String> features;
    final double threshold;
    final double thresholdZ;
    final IsolationForest[] forests;
    final double[] thresholds;
    final double[][] sample;
    final int trainedOn;

    private AnomalyModel(
            String modelId,
            LocalDate day,
            String version,
            double[] thresholds,
            double thresholdZ,
            IsolationForest[] forests,
            double[][] sample,
            int trainedOn) {
        this.modelId = modelId;
        this.day = day;
        this.version = version;
        this.features = List.copyOf(Features.NAMES);
        this.thresholds = thresholds;
        this.thresholdZ = thresholdZ;
        this.threshold = Arrays.stream(thresholds).min().orElse(1);
        this.forests = forests;
        this.sample = sample;
        this.trainedOn = trainedOn;
    }

    /**
     * Trains the model of {@code modelId} for {@code day} on {@code today}'s vectors plus the
     * sample {@code previous} kept (when there is one), deterministically: the same inputs give the
     * same forest.
     */
    static AnomalyModel train(
            String modelId,
            LocalDate day,
            double[][] today,
            AnomalyModel previous,
            AnomalyDetector.Options options) {
        Random random = new Random(31L * day.toEpochDay() + modelId.hashCode());
        double[][] recent = sample(today, options.maxTrainingRows(), random);
        double[][] training = recent;
        if (previous != null && previous.sample.length > 0) {
            double[][] carried = sample(previous.sample, options.maxTrainingRows() / 2, random);
            training = Arrays.copyOf(recent, recent.length + carried.length);
            System.arraycopy(carried, 0, training, recent.length, carried.length);
        }
        smile.math.MathEx.setSeed(random.nextLong());
        int subsample = Math.min(options.treeSample(), training.length);
        IsolationForest[] forests = new IsolationForest[GROUPS.length];
        double[] thresholds = new double[GROUPS.length];
        for (int g = 0; g < GROUPS.length; g++) {
            double[][] columns = columns(training, GROUPS[g]);
            forests[g] =
                    IsolationForest.fit(
                            columns,
                            options.trees(),
                            (int) Math.ceil(Math.log(Math.max(2, subsample)) / Math.log(2)),
                            subsample / (double) training.length,
                            0);
            thresholds[g] = options.minScore();
        }
        String version =
                day + "/" + modelId + "/" + Integer.toHexString(Arrays.deepHashCode(training));
        return new AnomalyModel(
                modelId,
                day,
                version,
                thresholds,
                options.thresholdZ(),
                forests,
                recent,
                training.length);
    }

    /** The response's score: the highest of its groups' forest scores. */
    double score(double[] x) {
        double best = 0;
        for (int g = 0; g < GROUPS.length; g++) {
            best = Math.max(best, forests[g].score(pick(x, GROUPS[g])));
        }
        return best;
    }

    /**
     * Whether the response is anomalous: some feature at least {@link #thresholdZ} out (the kinds
     * of trouble the features name), or the forest's score at least its threshold (a response
     * unusual in a combination of features, none of them that far out alone).
     */
    boolean anomalous(double[] x) {
        for (double v : x) {
            if (v >= thresholdZ) {
                return true;
            }
        }
        return score(x) >= threshold;
    }

    private static double[] pick(double[] x, int[] features) {
        double[] out = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = x[features[i]];
        }
        return out;
    }

    private static double[][] columns(double[][] rows, int[] features) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = pick(rows[i], features);
        }
        return out;
    }

    /**
     * The features that drove a score: excess above {@link #REASON_Z}, largest first, at most
     * three; the largest alone when none is that far out.
     */
    List<String> reasons(double[] x) {
        Integer[] order = new Integer[x.length];
        double[] z = new double[x.length];
        for (int f = 0; f < x.length; f++) {
            order[f] = f;
            z[f] = x[f];
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer f) -> -z[f]));
        List<String> out = new ArrayList<>();
        for (int f : order) {
            if (out.size() < 3 && z[f] > REASON_Z) {
                out.add(features.get(f));
            }
        }
        if (out.isEmpty()) {
            out.add(features.get(order[0]));
        }
        return out;
    }

    public String version() {
        return version;
    }

    public double threshold() {
        return threshold;
    }

    private static double[][] sample(double[][] rows, int max, Random random) {
        if (rows.length <= max) {
            return rows;
        }
        // a reservoir: every row equally likely, deterministic for the random's seed
        double[][] out = Arrays.copyOf(rows, max);
        for (int i = max; i < rows.length; i++) {
            int j = random.nextInt(i + 1);
            if (j < max) {
                out[j] = rows[i];
            }
        }
        return out;
    }
}
