package dev.memorygraph.operators.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Counts tokens with the tiktoken encoding of the model family (jtokkit).
 *
 * <ul>
 *   <li>{@code o200k_base}, exact: gpt-4o, chatgpt-4o, gpt-4.1, gpt-4.5, gpt-5, gpt-oss and the
 *       o-series (o1, o3, o4...).
 *   <li>{@code cl100k_base}, exact: gpt-4, gpt-3.5, text-embedding-3 and text-embedding-ada-002.
 *   <li>Every other model (Claude, Llama, Mistral, Gemini, unknown) and responses, whose model is
 *       only known after the prompt join: {@code cl100k_base}, recorded as {@code approximate}. BPE
 *       vocabularies of that size agree within roughly 10 to 20% on English text.
 * </ul>
 *
 * A provider prefix such as {@code openai/} or {@code azure/} is ignored. Thread-safe.
 */
public final class TokenCounter {

    public static final String EXACT = "exact";
    public static final String APPROXIMATE = "approximate";

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final Pattern O_SERIES = Pattern.compile("^o\\d.*");

    /** A token count, the encoding that produced it and whether it is the model's own. */
    public record Count(int tokens, String encoding, String method) {}

    /** The encoding a model's text is counted with, and whether it is the model's own. */
    public record Choice(EncodingType encoding, String method) {}

    public Count count(String normalizedText, String modelId) {
        Choice choice = choose(modelId);
        return new Count(
                countTokens(normalizedText, choice.encoding()),
                choice.encoding().getName(),
                choice.method());
    }

    /** The encoding {@code modelId}'s text is counted with: its own, or approximately cl100k. */
    public Choice choose(String modelId) {
        EncodingType type = encodingOf(modelId);
        return type == null
                ? new Choice(EncodingType.CL100K_BASE, APPROXIMATE)
                : new Choice(type, EXACT);
    }

    public int countTokens(String normalizedText, EncodingType encoding) {
        return REGISTRY.getEncoding(encoding).countTokens(normalizedText);
    }

    /** The model's own encoding, or {@code null} when it is not an OpenAI tiktoken model. */
    static EncodingType encodingOf(String modelId) {
        if (modelId == null) {
            return null;
        }
        String id = modelId.toLowerCase(Locale.ROOT);
        int slash = id.lastIndexOf('/');
        if (slash >= 0) {
            id = id.substring(slash + 1);
        }
        if (id.startsWith("gpt-4o")
                || id.startsWith("chatgpt-4o")
                || id.startsWith("gpt-4.1")
                || id.startsWith("gpt-4.5")
                || id.startsWith("gpt-5")
                || id.startsWith("gpt-oss")
                || O_SERIES.matcher(id).matches()) {
            return EncodingType.O200K_BASE;
        }
        if (id.startsWith("gpt-4")
                || id.startsWith("gpt-3.5")
                || id.startsWith("gpt-35")
                || id.startsWith("text-embedding-3")
                || id.startsWith("text-embedding-ada-002")) {
            return EncodingType.CL100K_BASE;
        }
        return null;
    }
}
