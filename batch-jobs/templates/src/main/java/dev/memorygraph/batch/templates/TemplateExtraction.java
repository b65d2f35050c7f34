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

    /**
     * Copies of one text that take part in the clustering: far above {@code minPoints}, so the
     * density DBSCAN sees is the day's (a point is a core point when {@code minPoints} prompts lie
     * within the radius, and more copies cannot change whether they do), and half the neighbours
     * kept per point ({@link TemplateClustering#MAX_NEIGHBOURS}), so a prompt sent ten thousand
     * times neither floods the index nor fills the neighbour lists of the texts near it.
     */
    static final int MAX_COPIES = TemplateClustering.MAX_NEIGHBOURS / 2;

    /**
     * The templates of a day's prompts, one result per input: identical texts share one, and at
     * most {@link #MAX_COPIES} copies of a text take part in the clustering. Clustering one text
     * per text hash instead (case and whitespace variants folded, as the job did first) loses the
     * density of repeated prompts: at the spec's day it recovered 0.72 of the true templates. The
     * order of the inputs decides which copies take part; callers give a deterministic one.
     */
    static Result forPrompts(List<String> texts, float[][] vectors, Options options) {
        Map<String, Integer> firstKept = new java.util.HashMap<>();
        Map<String, Integer> copies = new java.util.HashMap<>();
        List<String> keptTexts = new ArrayList<>();
        List<float[]> keptVectors = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (copies.merge(text, 1, Integer::sum) <= MAX_COPIES) {
                firstKept.putIfAbsent(text, keptTexts.size());
                keptTexts.add(text);
                keptVectors.add(vectors[i]);
            }
        }
        Result kept = run(keptTexts, keptVectors.toArray(float[][]::new), options);
        String[] templates = new String[texts.size()];
        @SuppressWarnings("unchecked")
        List<String>[] variables = new List[texts.size()];
        List<Map<String, String>> values = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            int k = firstKept.get(texts.get(i));
            templates[i] = kept.templates()[k];
            variables[i] = kept.variables()[k];
            values.add(kept.values().get(k));
        }
        return new Result(kept.clusters(), templates, variables, values);
    }

    /**
     * What two templates of one scattered template share: its first three words, and its first word
     * with its last three (a placeholder is a word {@code {{}}}), lower case.
     */
    static List<String> keys(String template) {
        Tokens tokens = Tokens.of(template);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.punctuation(i)) {
                words.add(tokens.keys[i].startsWith("{{") ? "{{}}" : tokens.keys[i]);
            }
        }
        int w = words.size();
        return List.of(
                "lead " + String.join(" ", words.subList(0, Math.min(3, w))),
                "frame "
                        + words.get(0)
                        + " … "
                        + String.join(" ", words.subList(Math.max(1, w - 3), w)));
    }

    /**
     * Whether mining a group's instances together ({@code again}) loses constant text of one of its
     * templates with placeholders that holds a quarter of them or more: the template that now holds
     * most of its instances has fewer constant words. A general "Give me a {{var1}}" does not
     * replace "Give me a short summary of the article at {{url}}"; the templates one value of a
     * slot held (each a small part of the group) may be replaced.
     */
    private static boolean dissolves(
            List<Integer> group,
            List<List<Integer>> minedInstances,
            List<Integer> minedWords,
            List<Integer> union,
            List<TemplateMiner.Mined> again) {
        Map<Integer, Integer> words = new java.util.HashMap<>(); // instance -> its new template's
        for (TemplateMiner.Mined mined : again) {
            int w = mined.constantWords();
            for (TemplateMiner.Instance instance : mined.instances()) {
                words.put(union.get(instance.member()), w);
            }
        }
        for (int t : group) {
            List<Integer> instances = minedInstances.get(t);
            if (minedWords.get(t) == 0 || 4 * instances.size() < union.size()) {
                continue;
            }
            Map<Integer, Integer> byWords = new java.util.HashMap<>();
            for (int i : instances) {
                byWords.merge(words.getOrDefault(i, 0), 1, Integer::sum);
            }
            int now =
                    byWords.entrySet().stream()
                            .max(
                                    Map.Entry.<Integer, Integer>comparingByValue()
                                            .thenComparing(Map.Entry.comparingByKey()))
                            .orElseThrow()
                            .getKey();
            if (now < minedWords.get(t) - 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * DBSCAN's clusters, and new ones from the prompts it left as noise that start and end with the
     * same four words ({@link #lexicalKey}): a template whose values dominate its embedding
     * (identifiers, order numbers, long free text) scatters in embedding space, but its instances
     * keep their constant words.
     */
    static int[] lexicallyJoined(List<String> texts, int[] cluster, int minPoints) {
        int n = texts.size();
        List<Integer> parent = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parent.add(i);
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

    private static int find(List<Integer> parent, int i) {
        while (parent.get(i) != i) {
            parent.set(i, parent.get(parent.get(i)));
            i = parent.get(i);
        }
        return i;
    }

    private static void union(List<Integer> parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent.set(Math.max(ra, rb), Math.min(ra, rb));
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
        // first pass: each cluster
        List<List<Integer>> minedInstances = new ArrayList<>();
        List<Integer> minedWords = new ArrayList<>(); // constant words, 0 without placeholders
        Map<String, Integer> firstWithKey = new java.util.HashMap<>();
        List<Integer> joined = new ArrayList<>(); // union-find over the mined templates
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
                int t = minedInstances.size();
                minedInstances.add(instances);
                minedWords.add(mined.constantWords());
                joined.add(t);
                for (String key : keys(mined.template())) {
                    Integer first = firstWithKey.putIfAbsent(key, t);
                    if (first != null) {
                        union(joined, first, t);
                    }
                }
            }
        }
        // second pass: templates that share a key ({@link #keys}) may come from one template
        // whose values scattered its instances over clusters (one per value); their instances
        // are mined together, and the result kept when it holds as many of them in fewer
        // templates without dissolving a large one ({@link #dissolves})
        Map<Integer, List<Integer>> groups = new java.util.TreeMap<>();
        for (int t = 0; t < minedInstances.size(); t++) {
            groups.computeIfAbsent(find(joined, t), r -> new ArrayList<>()).add(t);
        }
        for (List<Integer> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<Integer> union = new ArrayList<>();
            group.forEach(t -> union.addAll(minedInstances.get(t)));
            java.util.Collections.sort(union);
            List<String> unionTexts = new ArrayList<>(union.size());
            union.forEach(i -> unionTexts.add(texts.get(i)));
            List<TemplateMiner.Mined> again = miner.mine(unionTexts);
            int covered = again.stream().mapToInt(x -> x.instances().size()).sum();
            if (again.size() >= group.size()
                    || covered < union.size() * 0.9
                    || dissolves(group, minedInstances, minedWords, union, again)) {
                continue;
            }
            for (int i : union) {
                templates[i] = null;
                variables[i] = null;
                values.set(i, null);
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
        // the same text repeated (a template without placeholders) is no template
        for (int i = 0; i < n; i++) {
            if (variables[i] != null && variables[i].isEmpty()) {
                templates[i] = null;
                variables[i] = null;
                values.set(i, null);
            }
        }
        return new Result(k, templates, variables, values);
    }
}
