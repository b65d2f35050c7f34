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
 * the {@link Features}, the score above which a response is anomalous, the robust centre and scale
 * of each feature (median and 1.4826 × MAD, for the reasons), and the rows it was trained on (a
 * bounded sample), so that the next day's model is trained on those and the new day's rows
 * together: an update, not a fresh start. Serializable, stored by {@link ModelStore}.
 */
public final class AnomalyModel implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Groups of features with a forest each (indexes into {@link Features#NAMES}). One group of all
     * eight today: forests per group (latency, size, volume, failures) were measured and did worse
     * on the evaluation days (README, "Anomaly detection").
     */
    static final int[][] GROUPS = {{0, 1, 2, 3, 4, 5, 6, 7}};

    /** Robust z-score above which a feature is named as a reason. */
    static final double REASON_Z = 3.0;

    final String modelId;
    final LocalDate day;
    final String version;
    final List<String> features;
    final double threshold;
    final double[] centre;
    final double[] scale;
    final IsolationForest[] forests;
    final double[] thresholds;
    final double[][] sample;
    final int trainedOn;

    private AnomalyModel(
            String modelId,
            LocalDate day,
            String version,
            double[] thresholds,
            double[] centre,
            double[] scale,
            IsolationForest[] forests,
            double[][] sample,
            int trainedOn) {
        this.modelId = modelId;
        this.day = day;
        this.version = version;
        this.features = List.copyOf(Features.NAMES);
        this.thresholds = thresholds;
        this.threshold = Arrays.stream(thresholds).min().orElse(1);
        this.centre = centre;
        this.scale = scale;
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
        double[] centre = new double[Features.NAMES.size()];
        double[] scale = new double[Features.NAMES.size()];
        for (int f = 0; f < centre.length; f++) {
            double[] column = new double[training.length];
            for (int i = 0; i < training.length; i++) {
                column[i] = training[i][f];
            }
            Arrays.sort(column);
            centre[f] = column[column.length / 2];
            double[] deviation = new double[column.length];
            for (int i = 0; i < column.length; i++) {
                deviation[i] = Math.abs(column[i] - centre[f]);
            }
            Arrays.sort(deviation);
            scale[f] = Math.max(1e-3, 1.4826 * deviation[deviation.length / 2]);
        }
        double[][] excess = excess(training, centre, scale);
        smile.math.MathEx.setSeed(random.nextLong());
        int subsample = Math.min(options.treeSample(), training.length);
        IsolationForest[] forests = new IsolationForest[GROUPS.length];
        double[] thresholds = new double[GROUPS.length];
        for (int g = 0; g < GROUPS.length; g++) {
            double[][] columns = columns(excess, GROUPS[g]);
            forests[g] =
                    IsolationForest.fit(
                            columns,
                            options.trees(),
                            (int) Math.ceil(Math.log(Math.max(2, subsample)) / Math.log(2)),
                            subsample / (double) training.length,
                            0);
            double[] sorted = forests[g].score(columns);
            Arrays.sort(sorted);
            double contamination = options.contamination() / GROUPS.length;
            thresholds[g] =
                    Math.max(
                            options.minScore(),
                            sorted[(int) Math.floor((1 - contamination) * (sorted.length - 1))]);
        }
        String version =
                day + "/" + modelId + "/" + Integer.toHexString(Arrays.deepHashCode(training));
        return new AnomalyModel(
                modelId, day, version, thresholds, centre, scale, forests, recent, training.length);
    }

    /** The response's score: the highest of its groups' forest scores. */
    double score(double[] x) {
        double[] e = excess(x, centre, scale);
        double best = 0;
        for (int g = 0; g < GROUPS.length; g++) {
            best = Math.max(best, forests[g].score(pick(e, GROUPS[g])));
        }
        return best;
    }

    /** Whether any group's score reaches that group's threshold. */
    boolean anomalous(double[] x) {
        double[] e = excess(x, centre, scale);
        for (int g = 0; g < GROUPS.length; g++) {
            if (forests[g].score(pick(e, GROUPS[g])) >= thresholds[g]) {
                return true;
            }
        }
        return false;
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
     * How far above its model's normal each feature lies, in robust standard deviations, and 0 at
     * or below it: only high latency, cost, tokens, error rates and request rates are anomalies
     * here, so the trees do not spend their splits isolating fast, cheap or short responses.
     */
    static double[] excess(double[] x, double[] centre, double[] scale) {
        double[] out = new double[x.length];
        for (int f = 0; f < x.length; f++) {
            out[f] = Math.max(0, (x[f] - centre[f]) / scale[f]);
        }
        return out;
    }

    private static double[][] excess(double[][] rows, double[] centre, double[] scale) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = excess(rows[i], centre, scale);
        }
        return out;
    }

    /**
     * The features that drove a score: robust z-score above {@link #REASON_Z}, largest first, at
     * most three; the largest alone when none is that far out.
     */
    List<String> reasons(double[] x) {
        Integer[] order = new Integer[x.length];
        double[] z = new double[x.length];
        for (int f = 0; f < x.length; f++) {
            order[f] = f;
            z[f] = (x[f] - centre[f]) / scale[f];
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
