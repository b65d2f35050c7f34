package dev.memorygraph.batch.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline the template job is measured against: a Drain-style log-template miner (He et al.,
 * ICWS 2017), written here. Whitespace tokens, tokens with a digit masked; groups by token count,
 * then by first token; a prompt joins the group whose template shares at least half of its
 * positions, the positions that differ becoming {@code <*>}. Consecutive {@code <*>} read as one
 * placeholder; a group of fewer than {@code minInstances} prompts gives no template.
 */
final class DrainBaseline {

    static final double SIMILARITY = 0.5;
    private static final String WILDCARD = "<*>";

    private DrainBaseline() {}

    private static final class Group {
        final String[] template;
        final List<Integer> members = new ArrayList<>();

        Group(String[] template) {
            this.template = template;
        }
    }

    /** The template of each prompt (with {@code {{var}}} placeholders), or null. */
    static String[] templates(List<String> texts, int minInstances) {
        Map<String, List<Group>> leaves = new HashMap<>();
        List<Group> all = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String[] tokens = texts.get(i).strip().split("\\s+");
            for (int t = 0; t < tokens.length; t++) {
                if (tokens[t].chars().anyMatch(Character::isDigit)) {
                    tokens[t] = WILDCARD;
                }
            }
            String first = tokens.length == 0 ? "" : tokens[0];
            String leaf = tokens.length + " " + (first.equals(WILDCARD) ? WILDCARD : first);
            List<Group> groups = leaves.computeIfAbsent(leaf, l -> new ArrayList<>());
            Group best = null;
            double bestSimilarity = -1;
            for (Group g : groups) {
                int same = 0;
                for (int t = 0; t < tokens.length; t++) {
                    if (g.template[t].equals(tokens[t])) {
                        same++;
                    }
                }
                double similarity = tokens.length == 0 ? 1 : (double) same / tokens.length;
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = g;
                }
            }
            if (best == null || bestSimilarity < SIMILARITY) {
                best = new Group(tokens.clone());
                groups.add(best);
                all.add(best);
            } else {
                for (int t = 0; t < tokens.length; t++) {
                    if (!best.template[t].equals(tokens[t])) {
                        best.template[t] = WILDCARD;
                    }
                }
            }
            best.members.add(i);
        }
        String[] out = new String[texts.size()];
        for (Group g : all) {
            if (g.members.size() < minInstances) {
                continue;
            }
            StringBuilder template = new StringBuilder();
            boolean previousWildcard = false;
            for (String token : g.template) {
                boolean wildcard = token.equals(WILDCARD);
                if (!(wildcard && previousWildcard)) {
                    template.append(template.length() == 0 ? "" : " ")
                            .append(wildcard ? "{{var}}" : token);
                }
                previousWildcard = wildcard;
            }
            for (int m : g.members) {
                out[m] = template.toString();
            }
        }
        return out;
    }
}
