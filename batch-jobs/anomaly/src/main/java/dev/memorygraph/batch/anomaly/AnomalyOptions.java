package dev.memorygraph.batch.anomaly;

import dev.memorygraph.core.config.JobConfig;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** The anomaly job's options. */
public final class AnomalyOptions {

    private AnomalyOptions() {}

    public static final ConfigOption<String> MODEL_PATH =
            ConfigOptions.key("anomaly.model-path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Where the trained models are kept, one directory per day (a Flink"
                                    + " file system path beside the lake, e.g."
                                    + " s3://memory-graph-lake/anomaly-models).");

    public static final ConfigOption<String> ALERTS_TOPIC =
            ConfigOptions.key("kafka.topic.alerts")
                    .stringType()
                    .defaultValue("llm.alerts.v1")
                    .withDescription("Where alerts go (JSON, key = alert id; compacted).");

    public static final ConfigOption<Double> THRESHOLD_Z =
            ConfigOptions.key("anomaly.threshold-z")
                    .doubleType()
                    .defaultValue(AnomalyDetector.Options.defaults().thresholdZ())
                    .withDescription(
                            "A model's threshold is the least score of a response this many robust"
                                    + " standard deviations out on one feature (1 to 10).");

    public static final ConfigOption<Double> MIN_SCORE =
            ConfigOptions.key("anomaly.min-score")
                    .doubleType()
                    .defaultValue(AnomalyDetector.Options.defaults().minScore())
                    .withDescription("The threshold of a score is never below this (0.5 to 1).");

    public static final ConfigOption<Integer> TREES =
            ConfigOptions.key("anomaly.trees")
                    .intType()
                    .defaultValue(AnomalyDetector.Options.defaults().trees())
                    .withDescription("Trees per Isolation Forest.");

    /** The detector's options, checked. */
    public static AnomalyDetector.Options detector(ReadableConfig config) {
        double thresholdZ = config.get(THRESHOLD_Z);
        if (!(thresholdZ >= 1 && thresholdZ <= Features.CAP)) {
            throw JobConfig.invalid(THRESHOLD_Z.key(), thresholdZ, "within [1, 10]");
        }
        double minScore = config.get(MIN_SCORE);
        if (!(minScore >= 0.5 && minScore < 1)) {
            throw JobConfig.invalid(MIN_SCORE.key(), minScore, "within [0.5, 1)");
        }
        int trees = config.get(TREES);
        if (trees < 10 || trees > 1_000) {
            throw JobConfig.invalid(TREES.key(), trees, "10 to 1000");
        }
        AnomalyDetector.Options d = AnomalyDetector.Options.defaults();
        return new AnomalyDetector.Options(
                trees, d.treeSample(), d.maxTrainingRows(), thresholdZ, minScore, d.minModelRows());
    }

    public static String modelPath(ReadableConfig config) {
        return JobConfig.required(config, MODEL_PATH, "the anomaly job keeps its models there");
    }
}
