package dev.memorygraph.model;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * The prompt body of a {@link PromptEvent}.
 *
 * <p>{@code parameters} and {@code metadata} are free-form JSON objects in the schema; they are
 * kept as their compact JSON text so that the type stays closed for Flink serialization.
 */
public record Prompt(
        String text,
        String template,
        @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class) String parameters,
        List<PromptImage> images,
        @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class) String metadata) {}
