package dev.memorygraph.batch.templates;

import dev.memorygraph.batch.similarity.VectorSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Templates of a set of prompts: {@link TemplateClustering} on their embeddings, joined with groups
 * of prompts that start and end alike ({@link #lexicallyJoined}), then {@link TemplateMiner} on
 * each cluster's texts. Deterministic for the same input in the same order.
 */
final class TemplateExtraction {

    /** The clustering's settings. */
    record Options(double radius, int minPoints, VectorSearch.Parameters search)
            implements java.io.Serializable {
        static Options defaults() {
            return new Options(0.3, 3, VectorSearch.Parameters.defaults());
        }
    }

    /** The template of each input (null: none) and its values. */
    record Result(
            int clusters,
            String[] templates,
            List<String>[] variables,
            List<Map<String, String>> values) {}

    private TemplateExtraction() {}

    /** A template's first three words (a placeholder is a word), lower case. */
    static String lead(String template) {
        Tokens tokens = Tokens.of(template);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size() && words.size() < 3; i++) {
            if (!tokens.punctuation(i)) {
                words.add(tokens.keys[i].startsWith("{{") ? "{{}}" : tokens.keys[i]);
            }
        }
        return String.join(" ", words);
    }

    /**
     * DBSCAN's clusters, and new ones from the prompts it left as noise that start and end with the
     * same four words ({@link #lexicalKey}): a template whose values dominate its embedding
     * (identifiers, order numbers, long free text) scatters in embedding space, but its instances
     * keep their constant words.
     */
    static int[] lexicallyJoined(List<String> texts, int[] cluster, int minPoints) {
        int n = texts.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<Integer, Integer> firstOfCluster = new java.util.HashMap<>();
        Map<String, List<Integer>> byKey = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            if (cluster[i] >= 0) {
                Integer first = firstOfCluster.putIfAbsent(cluster[i], i);
                if (first != null) {
                    union(parent, first, i);
                }
            }
            String key = cluster[i] >= 0 ? null : lexicalKey(texts.get(i));
            if (key != null) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : byKey.values()) {
            if (group.size() > minPoints) {
                for (int i : group) {
                    union(parent, group.get(0), i);
                }
            }
        }
        Map<Integer, List<Integer>> components = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            components.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
        }
        int[] out = new int[n];
        java.util.Arrays.fill(out, -1);
        int k = 0;
        for (List<Integer> members : components.values()) {
            if (members.size() > minPoints) {
                for (int i : members) {
                    out[i] = k;
                }
                k++;
            }
        }
        return out;
    }

    /**
     * The first four words (lower case) of a text of at least six words, words with a digit masked;
     * {@code null} for a shorter text.
     */
    static String lexicalKey(String text) {
        Tokens tokens = Tokens.of(text);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.punctuation(i)) {
                String key = tokens.keys[i];
                words.add(key.chars().anyMatch(Character::isDigit) ? "#" : key);
            }
        }
        if (words.size() < 6) {
            return null;
        }
        int w = words.size();
        return String.join(" ", words.subList(0, 3))
                + " … "
                + words.get(w - 2)
                + " "
                + words.get(w - 1);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    @SuppressWarnings("unchecked")
    static Result run(List<String> texts, float[][] vectors, Options options) {
        int n = texts.size();
        int[] cluster =
                lexicallyJoined(
                        texts,
                        TemplateClustering.clusters(
                                vectors, options.radius(), options.minPoints(), options.search()),
                        options.minPoints());
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
        // first pass: each cluster; the templates by their first three words
        Map<String, List<List<Integer>>> byLead = new java.util.TreeMap<>();
        for (List<Integer> m : members) {
            List<String> clusterTexts = new ArrayList<>(m.size());
            m.forEach(i -> clusterTexts.add(texts.get(i)));
            for (TemplateMiner.Mined mined : miner.mine(clusterTexts)) {
                List<Integer> instances = new ArrayList<>();
                for (TemplateMiner.Instance instance : mined.instances()) {
                    int i = m.get(instance.member());
                    instances.add(i);
                    templates[i] = mined.template();
                    variables[i] = mined.variables();
                    values.set(i, instance.values());
                }
                byLead.computeIfAbsent(lead(mined.template()), l -> new ArrayList<>())
                        .add(instances);
            }
        }
        // second pass: templates that start alike come from one template whose values scattered
        // its instances over clusters (one per value); their instances are mined together, and
        // the result kept when it holds as many of them
        for (List<List<Integer>> group : byLead.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<Integer> union = new ArrayList<>();
            group.forEach(union::addAll);
            java.util.Collections.sort(union);
            List<String> unionTexts = new ArrayList<>(union.size());
            union.forEach(i -> unionTexts.add(texts.get(i)));
            List<TemplateMiner.Mined> again = miner.mine(unionTexts);
            int covered = again.stream().mapToInt(x -> x.instances().size()).sum();
            if (again.size() >= group.size() || covered < union.size() * 0.9) {
                continue;
            }
            for (TemplateMiner.Mined mined : again) {
                for (TemplateMiner.Instance instance : mined.instances()) {
                    int i = union.get(instance.member());
                    templates[i] = mined.template();
                    variables[i] = mined.variables();
                    values.set(i, instance.values());
                }
            }
        }
        return new Result(k, templates, variables, values);
    }
}
