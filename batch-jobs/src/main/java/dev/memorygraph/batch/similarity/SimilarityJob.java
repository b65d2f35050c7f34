package dev.memorygraph.batch.similarity;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.batch.GraphStatements;
import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.model.graph.RelationshipType;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.sinks.neo4j.Neo4jConnection;
import dev.memorygraph.sinks.neo4j.Neo4jOptions;
import dev.memorygraph.streaming.StreamingJob;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The similarity graph builder (spec §4 Job 1), nightly: {@code SIMILAR_TO {score, computedAt}}
 * from each prompt to its nearest other prompts above the threshold, at most {@code
 * similarity.max-neighbours} of them, over the prompts of {@code similarity.window} (30 days)
 * before {@code --until}.
 *
 * <p>The prompts come from the lake with their embeddings, one per text (the earliest: identical
 * texts share a {@code PromptText} node already). Each run is one or two bounded Flink jobs of the
 * same shape: the prompts are partitioned by id into as many shards as the job has subtasks; each
 * shard builds its {@link VectorSearch} (exact when small, HNSW when large) and answers every
 * query, which is broadcast to all shards; a keyed merge keeps each query's best k over the shards,
 * and the Neo4j sink writes the edges. {@link SimilarityOptions.Mode#FULL} queries every prompt of
 * the window; {@link SimilarityOptions.Mode#INCREMENTAL} queries the prompts of {@code --from ..
 * --until} (the new day), then, in a second job, the older prompts a new one scored above the
 * threshold against: only their lists can have changed.
 *
 * <p>Before a prompt's list is written its old outgoing edges are deleted, so an edge pushed out by
 * a nearer prompt goes; {@code computedAt} is {@code --until}, so a rerun writes the same graph;
 * edges computed before {@code similarity.prune-after} (90 days) are deleted at the end.
 *
 * <p>Exit: {@code 0} done (also when there was nothing to compare), {@code 1} failed (rerun it),
 * {@code 64} bad arguments or configuration.
 */
public final class SimilarityJob {

    public static final String NAME = "memory-graph-similarity";

    private static final Logger LOG = LoggerFactory.getLogger(SimilarityJob.class);

    static final String ACC_QUERIED = "similarity.queried";
    static final String ACC_WITH_NEIGHBOURS = "similarity.with-neighbours";
    static final String ACC_EDGES = "similarity.edges";

    private static final int DELETE_BATCH = 5_000;

    private SimilarityJob() {}

    public static void main(String[] args) {
        BoundedJobs.main(NAME, withWindow(args), (config, env) -> run(config, env).outcome());
    }

    /** {@code --window 30d} as {@code --similarity.window 30d}. */
    static String[] withWindow(String[] args) {
        return java.util.Arrays.stream(args)
                .map(a -> a.equals("--window") ? "--" + SimilarityOptions.WINDOW.key() : a)
                .toArray(String[]::new);
    }

    /** What one pass (one Flink job) did. */
    public record Pass(
            long prompts,
            long queries,
            long withNeighbours,
            long edges,
            long shards,
            long approximateShards,
            Set<String> reached) {}

    /** What one run did. */
    public record Result(
            SimilarityOptions.Mode mode,
            Instant from,
            Instant until,
            long prompts,
            long shards,
            long approximateShards,
            long queried,
            long withNeighbours,
            long edges,
            long pruned) {
        public BoundedJobs.Outcome outcome() {
            return new BoundedJobs.Outcome(
                    ExitCode.SUCCESS,
                    prompts == 0
                            ? "nothing to do: no prompt with an embedding in "
                                    + from
                                    + " .. "
                                    + until
                            : mode
                                    + " "
                                    + from
                                    + " .. "
                                    + until
                                    + ": "
                                    + prompts
                                    + " prompts (one per text) on "
                                    + shards
                                    + " shards ("
                                    + approximateShards
                                    + " on HNSW), "
                                    + queried
                                    + " searched, "
                                    + withNeighbours
                                    + " with neighbours, "
                                    + edges
                                    + " SIMILAR_TO written, "
                                    + pruned
                                    + " pruned");
        }
    }

    /** One run, on {@code env} (configured for BATCH by {@link BoundedJobs}). */
    public static Result run(Configuration config, StreamExecutionEnvironment env)
            throws Exception {
        SimilarityOptions.Settings settings = SimilarityOptions.settings(config);
        BoundedJobs.Window window = BoundedJobs.requiredWindow(config, "the similarity job");
        if (!config.get(Neo4jOptions.ENABLED)) {
            throw JobConfig.invalid(
                    Neo4jOptions.ENABLED.key(), false, "the similarity job writes the graph");
        }
        Instant until = window.until();
        Instant from = until.minus(settings.window());
        if (window.from().isBefore(from)) {
            throw JobConfig.invalid(
                    BoundedJobs.FROM.key(),
                    window.from(),
                    "within " + SimilarityOptions.WINDOW.key() + " before --until (" + from + ")");
        }
        boolean incremental = settings.mode() == SimilarityOptions.Mode.INCREMENTAL;
        long queryFrom = (incremental ? window.from() : from).toEpochMilli();
        String lake = EventLakeOptions.path(config);
        Neo4jConnection connection = Neo4jConnection.fromConfig(config);

        try (Driver driver = connection.createDriver()) {
            long deleted =
                    deleteOutgoing(
                            driver, connection.database(), Instant.ofEpochMilli(queryFrom), until);
            Pass first =
                    pass(
                            env,
                            config,
                            settings,
                            lake,
                            from,
                            until,
                            new Since(queryFrom),
                            incremental,
                            "new prompts");
            LOG.info(
                    "{}: {} prompts in {} .. {}, {} searched ({} earlier edges deleted), {} with"
                            + " neighbours, {} edges written, on {} shards ({} on HNSW)",
                    NAME,
                    first.prompts(),
                    from,
                    until,
                    first.queries(),
                    deleted,
                    first.withNeighbours(),
                    first.edges(),
                    first.shards(),
                    first.approximateShards());
            long queried = first.queries();
            long withNeighbours = first.withNeighbours();
            long edges = first.edges();
            if (incremental && first.prompts() > 0) {
                Set<String> affected = new HashSet<>(first.reached());
                // the new prompts were searched already; the pass below keeps older ones only
                if (!affected.isEmpty()) {
                    long older = deleteOutgoing(driver, connection.database(), affected);
                    Pass second =
                            pass(
                                    env,
                                    config,
                                    settings,
                                    lake,
                                    from,
                                    until,
                                    new OlderAndIn(queryFrom, affected),
                                    false,
                                    "older prompts the new ones came close to");
                    LOG.info(
                            "{}: {} older prompts close to new ones searched again ({} edges"
                                    + " deleted), {} with neighbours, {} edges written",
                            NAME,
                            second.queries(),
                            older,
                            second.withNeighbours(),
                            second.edges());
                    queried += second.queries();
                    withNeighbours += second.withNeighbours();
                    edges += second.edges();
                }
            }
            long pruned = prune(driver, connection.database(), until.minus(settings.pruneAfter()));
            LOG.info(
                    "{}: {} SIMILAR_TO edges older than {} pruned",
                    NAME,
                    pruned,
                    settings.pruneAfter());
            return new Result(
                    settings.mode(),
                    from,
                    until,
                    first.prompts(),
                    first.shards(),
                    first.approximateShards(),
                    queried,
                    withNeighbours,
                    edges,
                    pruned);
        }
    }

    /**
     * One Flink job: the window's prompts (one per text) as the corpus, those {@code queries}
     * accepts searched against it, their edges written.
     */
    static Pass pass(
            StreamExecutionEnvironment env,
            Configuration config,
            SimilarityOptions.Settings settings,
            String lake,
            Instant from,
            Instant until,
            FilterFunction<PromptVector> queries,
            boolean reportReached,
            String what)
            throws Exception {
        DataStream<PromptVector> prompts = prompts(env, lake, from, until);
        SingleOutputStreamOperator<Neighbours> perShard =
                prompts.partitionCustom(
                                (String id, int shards) -> SimilarityShard.of(id, shards),
                                v -> v.id)
                        .connect(
                                prompts.filter(queries)
                                        .uid("similarity-queries")
                                        .name("Prompts to search: " + what)
                                        .broadcast())
                        .transform(
                                "Nearest prompts within each shard",
                                TypeInformation.of(Neighbours.class),
                                new ShardSearch(settings, reportReached))
                        .setParallelism(shards(config, env))
                        .uid("similarity-shard-search");
        int k = settings.maxNeighbours();
        DataStream<GraphMutation> edges =
                perShard.keyBy(n -> n.id, Types.STRING)
                        .reduce((a, b) -> Neighbours.merge(a, b, k))
                        .uid("similarity-merge")
                        .name("Nearest prompts over all shards")
                        .flatMap(new Edges(until))
                        .uid("similarity-edges")
                        .name("SIMILAR_TO edges");
        edges.sinkTo(StreamingJob.neo4jSink(config, false))
                .uid("similarity-neo4j-sink")
                .name("Neo4j graph");
        Set<String> reached = new HashSet<>();
        JobExecutionResult result;
        try (CloseableIterator<String> it =
                perShard.getSideOutput(ShardSearch.REACHED).collectAsync()) {
            JobClient client = env.executeAsync(NAME + " (" + what + ")");
            it.forEachRemaining(reached::add);
            result = client.getJobExecutionResult().get();
        }
        return new Pass(
                BoundedJobs.counter(result, ShardSearch.ACC_CORPUS),
                BoundedJobs.counter(result, ACC_QUERIED),
                BoundedJobs.counter(result, ACC_WITH_NEIGHBOURS),
                BoundedJobs.counter(result, ACC_EDGES),
                BoundedJobs.counter(result, ShardSearch.ACC_SHARDS),
                BoundedJobs.counter(result, ShardSearch.ACC_APPROXIMATE_SHARDS),
                reached);
    }

    /** {@link SimilarityOptions#SHARDS}, else the job's parallelism. */
    static int shards(Configuration config, StreamExecutionEnvironment env) {
        int shards = config.getOptional(SimilarityOptions.SHARDS).orElse(env.getParallelism());
        if (shards < 1) {
            throw JobConfig.invalid(SimilarityOptions.SHARDS.key(), shards, "1 or more");
        }
        return shards;
    }

    /**
     * The window's prompts with embeddings, one per text hash ({@link
     * PromptVector#representative}).
     */
    static DataStream<PromptVector> prompts(
            StreamExecutionEnvironment env, String lake, Instant from, Instant until)
            throws Exception {
        return EventLake.read(env, lake, from, until)
                .flatMap(new Vectors())
                .uid("similarity-vectors")
                .name("Prompts with embeddings")
                .keyBy(v -> v.textHash, Types.STRING)
                .reduce(PromptVector::representative)
                .uid("similarity-one-per-text")
                .name("One prompt per text");
    }

    /** Prompt events to vectors, counted. */
    static final class Vectors extends RichFlatMapFunction<EnrichedEvent, PromptVector> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(EnrichedEvent event, Collector<PromptVector> out) {
            PromptVector vector = PromptVector.of(event);
            if (vector != null) {
                out.collect(vector);
            }
        }
    }

    /** The queries of a full run, or the new prompts of an incremental one. */
    record Since(long fromMillis) implements FilterFunction<PromptVector> {
        @Override
        public boolean filter(PromptVector v) {
            return v.time >= fromMillis;
        }
    }

    /** The older prompts an incremental run's new prompts reached. */
    record OlderAndIn(long beforeMillis, Set<String> ids) implements FilterFunction<PromptVector> {
        @Override
        public boolean filter(PromptVector v) {
            return v.time < beforeMillis && ids.contains(v.id);
        }
    }

    /** A merged list to its edges, with the counters. */
    static final class Edges extends RichFlatMapFunction<Neighbours, GraphMutation> {
        private static final long serialVersionUID = 1L;
        private final Instant computedAt;

        Edges(Instant computedAt) {
            this.computedAt = computedAt;
        }

        @Override
        public void flatMap(Neighbours n, Collector<GraphMutation> out) {
            getRuntimeContext().getLongCounter(ACC_QUERIED).add(1);
            if (n.size() == 0) {
                return;
            }
            getRuntimeContext().getLongCounter(ACC_WITH_NEIGHBOURS).add(1);
            getRuntimeContext().getLongCounter(ACC_EDGES).add(n.size());
            for (int i = 0; i < n.size(); i++) {
                out.collect(edge(n.id, n.ids[i], n.scores[i], computedAt));
            }
        }
    }

    /** The edge from a prompt to a neighbour; the score rounded to six decimals. */
    static GraphMutation edge(String from, String to, float score, Instant computedAt) {
        return GraphMutation.relationship(
                RelationshipType.SIMILAR_TO,
                from,
                to,
                Map.of("score", Math.round(score * 1e6) / 1e6, "computedAt", computedAt),
                from);
    }

    /** Deletes the outgoing edges of the prompts created in {@code [from, until)}. */
    static long deleteOutgoing(Driver driver, String database, Instant from, Instant until) {
        return GraphStatements.deleting(
                driver,
                database,
                "MATCH (p:Prompt)-[r:SIMILAR_TO]->() WHERE p.createdAt >= $from AND p.createdAt"
                        + " < $until CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS",
                Map.of(
                        "from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        "until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC)));
    }

    /** Deletes the outgoing edges of these prompts. */
    static long deleteOutgoing(Driver driver, String database, Set<String> ids) {
        List<String> all = new ArrayList<>(ids);
        long deleted = 0;
        for (int i = 0; i < all.size(); i += DELETE_BATCH) {
            deleted +=
                    GraphStatements.deleting(
                            driver,
                            database,
                            "UNWIND $ids AS id MATCH (:Prompt {id: id})-[r:SIMILAR_TO]->()"
                                    + " DELETE r",
                            Map.of("ids", all.subList(i, Math.min(all.size(), i + DELETE_BATCH))));
        }
        return deleted;
    }

    /** Deletes the edges computed before {@code cutoff}. */
    static long prune(Driver driver, String database, Instant cutoff) {
        return GraphStatements.deleting(
                driver,
                database,
                "MATCH ()-[r:SIMILAR_TO]->() WHERE r.computedAt < $cutoff"
                        + " CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS",
                Map.of("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)));
    }
}
