package dev.memorygraph.batch.similarity;

import dev.memorygraph.core.config.JobConfig;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** The similarity job's options. */
public final class SimilarityOptions {

    private SimilarityOptions() {}

    /** Which prompts get their neighbours (re)computed. */
    public enum Mode {
        /** Every prompt of the window. */
        FULL,
        /**
         * The prompts of {@code --from .. --until} (the new day) against the whole window, and the
         * older prompts they came close to; the result equals a full run on the same data.
         */
        INCREMENTAL
    }

    public static final ConfigOption<Mode> MODE =
            ConfigOptions.key("similarity.mode")
                    .enumType(Mode.class)
                    .defaultValue(Mode.INCREMENTAL)
                    .withDescription(
                            "FULL recomputes every prompt of the window; INCREMENTAL (the nightly"
                                    + " run) the new day's prompts and the older ones they are"
                                    + " close to.");

    public static final ConfigOption<Duration> WINDOW =
            ConfigOptions.key("similarity.window")
                    .durationType()
                    .defaultValue(Duration.ofDays(30))
                    .withDescription(
                            "The prompts compared: those of this long before --until (--window on"
                                    + " the command line).");

    public static final ConfigOption<Double> THRESHOLD =
            ConfigOptions.key("similarity.threshold")
                    .doubleType()
                    .defaultValue(0.85)
                    .withDescription("Two prompts are similar above this cosine similarity.");

    public static final ConfigOption<Integer> MAX_NEIGHBOURS =
            ConfigOptions.key("similarity.max-neighbours")
                    .intType()
                    .defaultValue(10)
                    .withDescription(
                            "At most this many SIMILAR_TO edges leave a prompt (its nearest"
                                    + " ones), so a popular template cannot make n² edges.");

    public static final ConfigOption<Duration> PRUNE_AFTER =
            ConfigOptions.key("similarity.prune-after")
                    .durationType()
                    .defaultValue(Duration.ofDays(90))
                    .withDescription("SIMILAR_TO edges computed longer ago than this are deleted.");

    public static final ConfigOption<Integer> SHARDS =
            ConfigOptions.key("similarity.shards")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            "Shards of the search, one per subtask (default: the job's"
                                    + " parallelism). Set explicitly, so that the adaptive batch"
                                    + " scheduler does not fold a small input into one.");

    public static final ConfigOption<Integer> EXACT_MAX_VECTORS =
            ConfigOptions.key("similarity.exact-max-vectors")
                    .intType()
                    .defaultValue(VectorSearch.Parameters.defaults().exactMaxVectors())
                    .withDescription(
                            "A shard of at most this many prompts is searched exactly (a blocked"
                                    + " matrix product); a larger one through an HNSW graph.");

    public static final ConfigOption<Integer> HNSW_M =
            ConfigOptions.key("similarity.hnsw.m")
                    .intType()
                    .defaultValue(VectorSearch.Parameters.defaults().m())
                    .withDescription("Connections per node of the HNSW graph.");

    public static final ConfigOption<Integer> HNSW_EF_CONSTRUCTION =
            ConfigOptions.key("similarity.hnsw.ef-construction")
                    .intType()
                    .defaultValue(VectorSearch.Parameters.defaults().efConstruction())
                    .withDescription("Candidates considered per insertion into the graph.");

    public static final ConfigOption<Integer> HNSW_EF_SEARCH =
            ConfigOptions.key("similarity.hnsw.ef-search")
                    .intType()
                    .defaultValue(VectorSearch.Parameters.defaults().efSearch())
                    .withDescription(
                            "Candidates per query, re-scored exactly (at least max-neighbours + 1).");

    /** The options, checked. */
    public record Settings(
            Mode mode,
            Duration window,
            float threshold,
            int maxNeighbours,
            Duration pruneAfter,
            VectorSearch.Parameters search)
            implements java.io.Serializable {}

    public static Settings settings(ReadableConfig config) {
        double threshold = config.get(THRESHOLD);
        if (!(threshold > 0 && threshold < 1)) {
            throw JobConfig.invalid(THRESHOLD.key(), threshold, "within (0, 1)");
        }
        int k = config.get(MAX_NEIGHBOURS);
        if (k < 1 || k > 100) {
            throw JobConfig.invalid(MAX_NEIGHBOURS.key(), k, "1 to 100");
        }
        Duration window = config.get(WINDOW);
        if (window.isNegative() || window.isZero() || window.toDays() > 366) {
            throw JobConfig.invalid(WINDOW.key(), window, "longer than 0, at most 366 days");
        }
        Duration prune = config.get(PRUNE_AFTER);
        if (prune.compareTo(window) < 0) {
            throw JobConfig.invalid(
                    PRUNE_AFTER.key(), prune, "at least " + WINDOW.key() + " (" + window + ")");
        }
        int exactMax = config.get(EXACT_MAX_VECTORS);
        if (exactMax < 0) {
            throw JobConfig.invalid(EXACT_MAX_VECTORS.key(), exactMax, "0 or more");
        }
        int m = config.get(HNSW_M);
        if (m < 2 || m > 128) {
            throw JobConfig.invalid(HNSW_M.key(), m, "2 to 128");
        }
        int efConstruction = config.get(HNSW_EF_CONSTRUCTION);
        if (efConstruction < m || efConstruction > 2_000) {
            throw JobConfig.invalid(
                    HNSW_EF_CONSTRUCTION.key(), efConstruction, m + " (hnsw.m) to 2000");
        }
        int efSearch = config.get(HNSW_EF_SEARCH);
        if (efSearch <= k || efSearch > 10_000) {
            throw JobConfig.invalid(
                    HNSW_EF_SEARCH.key(),
                    efSearch,
                    "more than max-neighbours (" + k + "), to 10000");
        }
        return new Settings(
                config.get(MODE),
                window,
                (float) threshold,
                k,
                prune,
                new VectorSearch.Parameters(exactMax, m, efConstruction, efSearch, 42L));
    }
}
