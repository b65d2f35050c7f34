package dev.memorygraph.operators.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Effective-dated prices per model id, from a CSV file: the fallback the cost calculation uses when
 * the registry does not answer.
 *
 * <p>Format, one price per line, {@code #} comments and blank lines ignored:
 *
 * <pre>
 * # model_id,effective_from,input_per_1k,output_per_1k,cached_input_per_1k
 * gpt-4o,2024-05-13T00:00:00Z,0.005,0.015,
 * gpt-4o,2024-10-01T00:00:00Z,0.0025,0.01,0.00125
 * </pre>
 *
 * {@code effective_from} is an ISO-8601 instant or empty ("since ever"); {@code
 * cached_input_per_1k} may be empty. Model ids are matched case-insensitively.
 */
public final class PriceTable implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The table shipped in this jar. */
    public static final String BUNDLED = "registry/fallback-prices.csv";

    private final Map<String, PriceHistory> models;

    private PriceTable(Map<String, PriceHistory> models) {
        this.models = models;
    }

    /** The table shipped in this jar ({@link #BUNDLED}). */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return parse(in, BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUNDLED, e);
        }
    }

    /** The table in {@code file}; a malformed line fails with its number. */
    public static PriceTable read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    static PriceTable parse(InputStream in, String name) throws IOException {
        Map<String, List<Price>> prices = new HashMap<>();
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split(",", -1);
            if (cells.length < 4 || cells.length > 5 || cells[0].isBlank()) {
                throw new IllegalArgumentException(
                        name
                                + " line "
                                + number
                                + ": expected model_id,effective_from,input_per_1k,"
                                + "output_per_1k[,cached_input_per_1k]");
            }
            try {
                Instant from = cells[1].isBlank() ? null : Instant.parse(cells[1].strip());
                Double cached =
                        cells.length == 5 && !cells[4].isBlank()
                                ? Double.valueOf(cells[4].strip())
                                : null;
                Price price =
                        new Price(
                                from,
                                Double.parseDouble(cells[2].strip()),
                                Double.parseDouble(cells[3].strip()),
                                cached);
                prices.computeIfAbsent(normalise(cells[0]), k -> new ArrayList<>()).add(price);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        name + " line " + number + ": " + e.getMessage(), e);
            }
        }
        Map<String, PriceHistory> models = new HashMap<>();
        prices.forEach((model, list) -> models.put(model, PriceHistory.of(list)));
        return new PriceTable(Map.copyOf(models));
    }

    /** The price of {@code modelId} in force at {@code time}; {@code null} when none is. */
    public Price at(String modelId, Instant time) {
        PriceHistory history = models.get(normalise(modelId));
        return history == null ? null : history.at(time);
    }

    public int size() {
        return models.size();
    }

    static String normalise(String modelId) {
        return modelId.strip().toLowerCase(Locale.ROOT);
    }
}
