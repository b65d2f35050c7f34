package dev.memorygraph.operators.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.memorygraph.model.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the template behind a prompt: the event's own {@code prompt.template} when given (checked
 * by rendering it with {@code prompt.parameters}), else {@code {{variable}}} placeholders left in
 * the text. Thread-safe.
 */
public final class TemplateExtractor {

    public static final String PROVIDED = "provided";
    public static final String DETECTED = "detected";
    public static final String NONE = "none";

    /** {@code {{ name }}}: a letter or underscore, then letters, digits, {@code _ . -}. */
    static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*}}");

    /**
     * The template found, or {@link #NONE} with nulls.
     *
     * @param rendered for provided templates with parameters: whether rendering gives the text
     */
    public record Template(
            String source, String template, List<String> variables, Boolean rendered) {
        static final Template ABSENT = new Template(NONE, null, List.of(), null);
    }

    public Template extract(String normalizedText, String template, String parametersJson) {
        if (template != null && !TextNormalizer.isBlank(template)) {
            String normalizedTemplate = TextNormalizer.normalize(template);
            List<String> variables = variables(normalizedTemplate);
            Boolean rendered =
                    parametersJson == null
                            ? null
                            : render(normalizedTemplate, parametersJson)
                                    .map(r -> TextNormalizer.normalize(r).equals(normalizedText))
                                    .orElse(false);
            return new Template(PROVIDED, normalizedTemplate, variables, rendered);
        }
        List<String> variables = variables(normalizedText);
        if (!variables.isEmpty()) {
            return new Template(DETECTED, normalizedText, variables, null);
        }
        return Template.ABSENT;
    }

    static List<String> variables(String text) {
        if (text.indexOf("{{") < 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Renders, or empty when the parameters are not an object or lack a variable. */
    static Optional<String> render(String template, String parametersJson) {
        JsonNode parameters;
        try {
            parameters = EventJson.mapper().readTree(parametersJson);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (parameters == null || !parameters.isObject()) {
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() * 2);
        while (m.find()) {
            JsonNode value = parameters.get(m.group(1));
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            value.isTextual() ? value.asText() : value.toString()));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }
}
