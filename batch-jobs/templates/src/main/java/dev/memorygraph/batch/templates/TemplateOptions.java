package dev.memorygraph.batch.templates;

import dev.memorygraph.batch.similarity.SimilarityOptions;
import dev.memorygraph.core.config.JobConfig;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** The template job's options; its index is the similarity job's ({@code similarity.hnsw.*}). */
public final class TemplateOptions {

    private TemplateOptions() {}

    public static final ConfigOption<Double> RADIUS =
            ConfigOptions.key("templates.radius")
                    .doubleType()
                    .defaultValue(TemplateExtraction.Options.defaults().radius())
                    .withDescription(
                            "DBSCAN's radius: two prompts are neighbours within this cosine"
                                    + " distance (1 - cosine similarity).");

    public static final ConfigOption<Integer> MIN_POINTS =
            ConfigOptions.key("templates.min-points")
                    .intType()
                    .defaultValue(TemplateExtraction.Options.defaults().minPoints())
                    .withDescription(
                            "DBSCAN's minPts, and the fewest prompts (distinct texts) a template"
                                    + " needs.");

    static TemplateExtraction.Options options(ReadableConfig config) {
        double radius = config.get(RADIUS);
        if (!(radius > 0 && radius < 1)) {
            throw JobConfig.invalid(RADIUS.key(), radius, "within (0, 1)");
        }
        int minPoints = config.get(MIN_POINTS);
        if (minPoints < 2 || minPoints > TemplateClustering.MAX_NEIGHBOURS) {
            throw JobConfig.invalid(
                    MIN_POINTS.key(), minPoints, "2 to " + TemplateClustering.MAX_NEIGHBOURS);
        }
        return new TemplateExtraction.Options(
                radius, minPoints, SimilarityOptions.settings(config).search());
    }
}
