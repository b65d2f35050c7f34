package dev.memorygraph.batch.rollup;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.model.rollup.Rollup;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.operators.rollup.RollupOptions;
import dev.memorygraph.operators.rollup.RollupStage;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchConnection;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import dev.memorygraph.sinks.elasticsearch.IndexAction;
import dev.memorygraph.sinks.elasticsearch.RollupView;
import dev.memorygraph.sinks.influxdb.InfluxDbOptions;
import dev.memorygraph.sinks.influxdb.LinePoint;
import dev.memorygraph.sinks.influxdb.RollupPoints;
import dev.memorygraph.streaming.StreamingJob;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly rollup job (spec §4 Job 4). For whole hours ({@code --from}, {@code --until}; the
 * CronJob passes the previous hour) it runs three bounded Flink jobs:
 *
 * <ol>
 *   <li><b>hours</b>: the lake's responses of the window (its hour partitions only, one row per
 *       event, the most complete) through the streaming job's own {@link RollupStage} in BATCH
 *       mode;
 *   <li><b>days</b>: each day the window touches, merged from its hour rows in the view;
 *   <li><b>months</b>: each month it touches, merged from its day rows in the view.
 * </ol>
 *
 * Every row goes to InfluxDB ({@link RollupPoints}, {@code llm_rollups}) and to the view ({@link
 * RollupView}, Elasticsearch), both keyed by window and group, so a rerun overwrites. A day or a
 * month so far is refreshed by every hourly run, and because the sketches merge exactly it equals
 * what its events would give.
 *
 * <p>Exit: {@code 0} done, {@code 1} failed (rerun it), {@code 64} bad arguments or configuration.
 */
public final class RollupJob {

    public static final String NAME = "memory-graph-rollups";
    static final String ROWS = "rollup-rows";

    private static final Logger LOG = LoggerFactory.getLogger(RollupJob.class);

    private RollupJob() {}

    public static void main(String[] args) {
        BoundedJobs.main(NAME, args, (config, env) -> run(config, env).outcome());
    }

    /** What one run did: rows written per granularity. */
    public record Result(BoundedJobs.Window window, long hours, long days, long months) {
        public BoundedJobs.Outcome outcome() {
            return new BoundedJobs.Outcome(
                    ExitCode.SUCCESS,
                    window.from()
                            + " .. "
                            + window.until()
                            + ": "
                            + hours
                            + " hourly rows, "
                            + days
                            + " daily rows, "
                            + months
                            + " monthly rows written");
        }
    }

    /** One run, on {@code env} (configured for BATCH by {@link BoundedJobs}). */
    public static Result run(Configuration config, StreamExecutionEnvironment env)
            throws Exception {
        BoundedJobs.Window window =
                BoundedJobs.window(config)
                        .orElseThrow(
                                () ->
                                        JobConfig.invalid(
                                                BoundedJobs.FROM.key(),
                                                null,
                                                "the rollup job needs --from and --until"));
        for (Instant bound : new Instant[] {window.from(), window.until()}) {
            if (!bound.truncatedTo(ChronoUnit.HOURS).equals(bound)) {
                throw JobConfig.invalid(
                        BoundedJobs.FROM.key() + "/" + BoundedJobs.UNTIL.key(),
                        bound,
                        "whole hours (e.g. 2026-12-01T13:00:00Z)");
            }
        }
        required(config, InfluxDbOptions.ENABLED, "the rollups go to InfluxDB");
        required(config, ElasticsearchOptions.ENABLED, "the rollup view is in Elasticsearch");
        RollupOptions options = RollupOptions.fromConfig(config);
        RollupView view = new RollupView(config.get(ElasticsearchOptions.ROLLUPS_INDEX));
        try (RestClient rest = ElasticsearchConnection.fromConfig(config).createRestClient()) {
            view.bootstrap(rest);

            write(
                    RollupStage.bounded(
                            EventLake.read(
                                    env,
                                    EventLakeOptions.path(config),
                                    window.from(),
                                    window.until()),
                            options),
                    config,
                    view,
                    RollupStage.HOUR);
            long hours = rows(env.execute(NAME + " (hours)"));
            LOG.info("{}: {} hourly rows", NAME, hours);

            long days = mergeWindows(env, config, view, rest, window, RollupStage.DAY);
            long months = mergeWindows(env, config, view, rest, window, RollupStage.MONTH);
            return new Result(window, hours, days, months);
        }
    }

    /**
     * Every {@code granularity} window (day or month) the run's window touches, merged from the
     * rows one step finer in the view (hours for a day, days for a month) and written.
     */
    private static long mergeWindows(
            StreamExecutionEnvironment env,
            Configuration config,
            RollupView view,
            RestClient rest,
            BoundedJobs.Window window,
            String granularity)
            throws Exception {
        String finer = granularity.equals(RollupStage.DAY) ? RollupStage.HOUR : RollupStage.DAY;
        long rows =
                merge(
                        env,
                        config,
                        view,
                        granularity,
                        view.read(
                                rest,
                                finer,
                                start(granularity, window.from()),
                                end(granularity, window.until())));
        LOG.info("{}: {} {} rows", NAME, rows, granularity);
        return rows;
    }

    /** {@code rows} merged into windows of {@code granularity}, written by a job of their own. */
    private static long merge(
            StreamExecutionEnvironment env,
            Configuration config,
            RollupView view,
            String granularity,
            List<Rollup> rows)
            throws Exception {
        List<Rollup> merged = RollupStage.mergeInto(granularity, rows);
        if (merged.isEmpty()) {
            return 0;
        }
        write(
                env.fromData(merged)
                        .uid("rollup-" + granularity + "-rows")
                        .name(granularity + " rows"),
                config,
                view,
                granularity);
        return rows(env.execute(NAME + " (" + granularity + "s)"));
    }

    private static void write(
            DataStream<Rollup> rows, Configuration config, RollupView view, String granularity) {
        DataStream<Rollup> counted =
                rows.map(new Count()).uid("rollup-" + granularity + "-count").name("Count rows");
        counted.map(new RollupPoints())
                .returns(TypeInformation.of(LinePoint.class))
                .uid("rollup-" + granularity + "-points")
                .name("Rollup points")
                .sinkTo(StreamingJob.influxDbSink(config))
                .uid("rollup-" + granularity + "-influxdb-sink")
                .name("InfluxDB");
        counted.map(view)
                .returns(TypeInformation.of(IndexAction.class))
                .uid("rollup-" + granularity + "-documents")
                .name("Rollup view documents")
                .sinkTo(StreamingJob.elasticsearchSink(config))
                .uid("rollup-" + granularity + "-elasticsearch-sink")
                .name("Elasticsearch rollup view");
    }

    static Instant start(String granularity, Instant t) {
        return Instant.ofEpochMilli(RollupStage.windowStart(granularity, t.toEpochMilli()));
    }

    /** The end of the {@code granularity} window holding the instant just before {@code t}. */
    static Instant end(String granularity, Instant t) {
        Instant start = start(granularity, t.minusMillis(1));
        return granularity.equals(RollupStage.DAY)
                ? start.plus(1, ChronoUnit.DAYS)
                : start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    }

    private static void required(Configuration config, ConfigOption<Boolean> option, String why) {
        if (!config.get(option)) {
            throw JobConfig.invalid(option.key(), false, why + ": enable it");
        }
    }

    private static long rows(JobExecutionResult result) {
        Object rows = result.getAccumulatorResult(ROWS);
        return rows == null ? 0 : ((Number) rows).longValue();
    }

    /** Counts rows (a Flink accumulator). */
    static final class Count extends RichMapFunction<Rollup, Rollup> {
        private static final long serialVersionUID = 1L;
        private transient LongCounter rows;

        @Override
        public void open(OpenContext openContext) {
            rows = getRuntimeContext().getLongCounter(ROWS);
        }

        @Override
        public Rollup map(Rollup row) {
            rows.add(1);
            return row;
        }
    }
}
