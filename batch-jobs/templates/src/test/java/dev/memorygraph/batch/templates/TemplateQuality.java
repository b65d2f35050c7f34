package dev.memorygraph.batch.templates;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well predicted templates match the true ones on {@link TemplateTraffic}: the share of true
 * templates recovered exactly (same {@link TemplateMiner#shape}: case, whitespace and placeholder
 * names aside), the share of template instances given their own template, the share of one-offs
 * given one, and the adjusted Rand index and purity of the grouping (a prompt with no template is a
 * group of its own).
 */
record TemplateQuality(
        double recovered,
        int trueTemplates,
        int predictedTemplates,
        double instancesRight,
        double oneOffsTemplated,
        double adjustedRand,
        double purity) {

    static TemplateQuality of(List<TemplateTraffic.Sample> samples, String[] predicted) {
        int n = samples.size();
        Set<String> trueShapes = new HashSet<>();
        Set<String> predictedShapes = new HashSet<>();
        int instances = 0;
        int right = 0;
        int oneOffs = 0;
        int templated = 0;
        String[] truthLabel = new String[n];
        String[] predictedLabel = new String[n];
        for (int i = 0; i < n; i++) {
            String truth = samples.get(i).template();
            String guess = predicted[i];
            if (guess != null) {
                predictedShapes.add(TemplateMiner.shape(guess));
            }
            if (truth == null) {
                oneOffs++;
                templated += guess == null ? 0 : 1;
            } else {
                trueShapes.add(TemplateMiner.shape(truth));
                instances++;
                right +=
                        guess != null
                                        && TemplateMiner.shape(guess)
                                                .equals(TemplateMiner.shape(truth))
                                ? 1
                                : 0;
            }
            truthLabel[i] = truth == null ? "one-off " + i : truth;
            predictedLabel[i] = guess == null ? "none " + i : guess;
        }
        Set<String> found = new HashSet<>(trueShapes);
        found.retainAll(predictedShapes);
        return new TemplateQuality(
                (double) found.size() / trueShapes.size(),
                trueShapes.size(),
                predictedShapes.size(),
                instances == 0 ? 1 : (double) right / instances,
                oneOffs == 0 ? 0 : (double) templated / oneOffs,
                adjustedRand(truthLabel, predictedLabel),
                purity(truthLabel, predictedLabel));
    }

    static double adjustedRand(String[] a, String[] b) {
        Map<String, Long> pairs = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        Map<String, Long> columns = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            pairs.merge(a[i] + "\u0000" + b[i], 1L, Long::sum);
            rows.merge(a[i], 1L, Long::sum);
            columns.merge(b[i], 1L, Long::sum);
        }
        double index = pairs.values().stream().mapToDouble(TemplateQuality::choose2).sum();
        double sumA = rows.values().stream().mapToDouble(TemplateQuality::choose2).sum();
        double sumB = columns.values().stream().mapToDouble(TemplateQuality::choose2).sum();
        double expected = sumA * sumB / choose2(a.length);
        double max = (sumA + sumB) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    static double purity(String[] truth, String[] predicted) {
        Map<String, Map<String, Integer>> byCluster = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            byCluster
                    .computeIfAbsent(predicted[i], p -> new HashMap<>())
                    .merge(truth[i], 1, Integer::sum);
        }
        long pure = 0;
        for (Map<String, Integer> counts : byCluster.values()) {
            pure += counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        return (double) pure / truth.length;
    }

    private static double choose2(long n) {
        return n * (n - 1) / 2.0;
    }

    @Override
    public String toString() {
        return String.format(
                "recovered %.3f of %d true templates (%d predicted), instances right %.3f,"
                        + " one-offs templated %.3f, ARI %.3f, purity %.3f",
                recovered,
                trueTemplates,
                predictedTemplates,
                instancesRight,
                oneOffsTemplated,
                adjustedRand,
                purity);
    }
}
