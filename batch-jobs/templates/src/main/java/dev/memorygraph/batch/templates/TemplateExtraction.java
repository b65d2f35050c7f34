package dev.memorygraph.batch.templates;

import dev.memorygraph.batch.similarity.VectorSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Templates of a set of prompts: {@link TemplateClustering} on their embeddings, then {@link
 * TemplateMiner} on each cluster's texts. Deterministic for the same input in the same order.
 */
final class TemplateExtraction {

    /** The clustering's settings. */
    record Options(double radius, int minPoints, VectorSearch.Parameters search)
            implements java.io.Serializable {
        static Options defaults() {
            return new Options(0.2, 3, VectorSearch.Parameters.defaults());
        }
    }

    /** The template of each input (null: none) and its values. */
    record Result(
            int clusters,
            String[] templates,
            List<String>[] variables,
            List<Map<String, String>> values) {}

    private TemplateExtraction() {}

    @SuppressWarnings("unchecked")
    static Result run(List<String> texts, float[][] vectors, Options options) {
        int n = texts.size();
        int[] cluster =
                TemplateClustering.clusters(
                        vectors, options.radius(), options.minPoints(), options.search());
        int k = 0;
        for (int c : cluster) {
            k = Math.max(k, c + 1);
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (cluster[i] >= 0) {
                members.get(cluster[i]).add(i);
            }
        }
        String[] templates = new String[n];
        List<String>[] variables = new List[n];
        List<Map<String, String>> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(null);
        }
        TemplateMiner miner = new TemplateMiner(options.minPoints());
        for (List<Integer> m : members) {
            List<String> clusterTexts = new ArrayList<>(m.size());
            m.forEach(i -> clusterTexts.add(texts.get(i)));
            for (TemplateMiner.Mined mined : miner.mine(clusterTexts)) {
                for (TemplateMiner.Instance instance : mined.instances()) {
                    int i = m.get(instance.member());
                    templates[i] = mined.template();
                    variables[i] = mined.variables();
                    values.set(i, instance.values());
                }
            }
        }
        return new Result(k, templates, variables, values);
    }
}
