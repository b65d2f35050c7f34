package dev.memorygraph.batch.templates;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.batch.GraphStatements;
import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.operators.pii.PiiOptions;
import dev.memorygraph.sinks.neo4j.Neo4jConnection;
import dev.memorygraph.sinks.neo4j.Neo4jOptions;
import dev.memorygraph.streaming.StreamingJob;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompt template extractor (spec §4 Job 2), for one UTC day ({@code --date}): the day's
 * prompts from the lake with their embeddings, clustered with DBSCAN and aligned into templates in
 * one subtask ({@link TemplateOperator}), written through the Neo4j sink as {@code Template} nodes
 * and {@code INSTANCE_OF} edges. A rerun writes the same graph.
 *
 * <p>Exit: {@code 0} done (also when the day has no prompt), {@code 1} failed (rerun it), {@code
 * 64} bad arguments or configuration.
 */
public final class TemplateJob {

    public static final String NAME = "memory-graph-templates";

    private static final Logger LOG = LoggerFactory.getLogger(TemplateJob.class);

    private TemplateJob() {}

    public static void main(String[] args) {
        BoundedJobs.main(NAME, args, (config, env) -> run(config, env).outcome());
    }

    /** What one run did. */
    public record Result(
            BoundedJobs.Window window,
            long prompts,
            long texts,
            long clusters,
            long templates,
            long mergedWithGiven,
            long instances) {
        public BoundedJobs.Outcome outcome() {
            return new BoundedJobs.Outcome(
                    ExitCode.SUCCESS,
                    prompts == 0
                            ? "nothing to do: no prompt with an embedding in "
                                    + window.from()
                                    + " .. "
                                    + window.until()
                            : window.from()
                                    + " .. "
                                    + window.until()
                                    + ": "
                                    + prompts
                                    + " prompts, "
                                    + texts
                                    + " texts, "
                                    + clusters
                                    + " clusters, "
                                    + templates
                                    + " templates ("
                                    + mergedWithGiven
                                    + " given on events), "
                                    + instances
                                    + " INSTANCE_OF written");
        }
    }

    public static Result run(Configuration config, StreamExecutionEnvironment env)
            throws Exception {
        TemplateExtraction.Options options = TemplateOptions.options(config);
        BoundedJobs.Window window = BoundedJobs.requiredWindow(config, "the template job");
        if (Duration.between(window.from(), window.until()).toDays() > 7) {
            throw JobConfig.invalid(
                    BoundedJobs.FROM.key() + "/" + BoundedJobs.UNTIL.key(),
                    window.from() + " .. " + window.until(),
                    "at most 7 days: the clustering runs in one subtask");
        }
        if (!config.get(Neo4jOptions.ENABLED)) {
            throw JobConfig.invalid(
                    Neo4jOptions.ENABLED.key(), false, "the template job writes the graph");
        }
        // the day's mined edges are written anew: a template mined before under other options goes
        long deleted =
                GraphStatements.deleting(
                        Neo4jConnection.fromConfig(config),
                        "MATCH (p:Prompt)-[r:INSTANCE_OF {source: 'mined'}]->() WHERE"
                                + " p.createdAt >= $from AND p.createdAt < $until"
                                + " CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS",
                        Map.of(
                                "from",
                                OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC),
                                "until",
                                OffsetDateTime.ofInstant(window.until(), ZoneOffset.UTC)));
        LOG.info(
                "{}: {} mined INSTANCE_OF edges of the window deleted before the run",
                NAME,
                deleted);
        DataStream<GraphMutation> writes =
                EventLake.read(env, EventLakeOptions.path(config), window.from(), window.until())
                        .flatMap(
                                (EnrichedEvent e, Collector<PromptRow> out) -> {
                                    PromptRow row = PromptRow.of(e);
                                    if (row != null) {
                                        out.collect(row);
                                    }
                                })
                        .returns(TypeInformation.of(PromptRow.class))
                        .uid("templates-rows")
                        .name("Prompts with embeddings")
                        .transform(
                                "Cluster and align (DBSCAN)",
                                TypeInformation.of(GraphMutation.class),
                                new TemplateOperator(
                                        options,
                                        window.until(),
                                        config.get(PiiOptions.PHONE_REGION)))
                        .setParallelism(1)
                        .setMaxParallelism(1)
                        .uid("templates-cluster");
        writes.sinkTo(StreamingJob.neo4jSink(config, false))
                .uid("templates-neo4j-sink")
                .name("Neo4j graph");
        JobExecutionResult result = env.execute(NAME);
        return new Result(
                window,
                BoundedJobs.counter(result, TemplateOperator.ACC_PROMPTS),
                BoundedJobs.counter(result, TemplateOperator.ACC_TEXTS),
                BoundedJobs.counter(result, TemplateOperator.ACC_CLUSTERS),
                BoundedJobs.counter(result, TemplateOperator.ACC_TEMPLATES),
                BoundedJobs.counter(result, TemplateOperator.ACC_MERGED),
                BoundedJobs.counter(result, TemplateOperator.ACC_INSTANCES));
    }
}
