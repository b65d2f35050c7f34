package dev.memorygraph.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What stage 6 (metadata lookup) added to an event.
 *
 * @param prompt for a response, what its prompt gave it through the join; {@code null} for prompts,
 *     sessions, and responses whose prompt has not arrived
 * @param join for a response: {@code joined}, {@code prompt_missing} (its prompt did not arrive
 *     within the join's wait; it went on with partial data) or {@code completed} (the prompt
 *     arrived after that, and this is the response again, complete); {@code null} otherwise
 * @param model the registry's answer for the event's model; {@code null} without one
 * @param cost for responses; {@code null} otherwise
 * @param user the user directory's answer for the event's user; {@code null} without one
 * @param missing the enrichments the event lacks because a service did not answer or a record did
 *     not arrive, of {@code prompt}, {@code registry}, {@code embedding}, {@code user}; empty when
 *     complete
 */
public record Metadata(
        PromptLink prompt,
        String join,
        ModelInfo model,
        Cost cost,
        UserInfo user,
        List<String> missing) {

    public static final String JOINED = "joined";
    public static final String PROMPT_MISSING = "prompt_missing";
    public static final String COMPLETED = "completed";

    public static final String MISSING_PROMPT = "prompt";
    public static final String MISSING_REGISTRY = "registry";
    public static final String MISSING_USER = "user";
    public static final String MISSING_EMBEDDING = "embedding";

    public static final Metadata NONE = new Metadata(null, null, null, null, null, List.of());

    public Metadata {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** Whether this says nothing at all (like {@link #NONE}). */
    public boolean isEmpty() {
        return prompt == null
                && join == null
                && model == null
                && cost == null
                && user == null
                && missing.isEmpty();
    }

    public Metadata withPrompt(PromptLink prompt, String join) {
        return new Metadata(prompt, join, model, cost, user, missing);
    }

    public Metadata withModel(ModelInfo model, Cost cost) {
        return new Metadata(prompt, join, model, cost, user, missing);
    }

    public Metadata withUser(UserInfo user) {
        return new Metadata(prompt, join, model, cost, user, missing);
    }

    /** This metadata with {@code what} added to {@link #missing()} (once). */
    public Metadata missing(String what) {
        if (missing.contains(what)) {
            return this;
        }
        List<String> more = new ArrayList<>(missing);
        more.add(what);
        return new Metadata(prompt, join, model, cost, user, more);
    }
}
