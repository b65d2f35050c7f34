package dev.memorygraph.batch.anomaly;

import dev.memorygraph.batch.BoundedJobs;
import dev.memorygraph.batch.ExitCode;
import dev.memorygraph.core.config.JobConfig;
import dev.memorygraph.model.graph.GraphMutation;
import dev.memorygraph.operators.dlq.DeadLetterSink;
import dev.memorygraph.operators.ingest.KafkaOptions;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.streaming.StreamingJob;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The anomaly job (spec §4 Job 3), for one UTC day ({@code --from} and {@code --until} a day apart
 * at midnight; the CronJob passes the previous day):
 *
 * <ol>
 *   <li>a bounded Flink job reads the day's responses from the lake (its hour partitions, one row
 *       per event) as compact {@link ResponseRow}s to the job's client;
 *   <li>{@link Features} and one {@link AnomalyModel} per LLM model: the day's stored models when
 *       the day was run before (so a rerun scores identically), else trained on the day and the
 *       previous day's sample ({@link ModelStore});
 *   <li>a second bounded job writes each anomalous response to the graph ({@code anomalyScore},
 *       {@code anomalyReasons}, {@code anomalyModelVersion} on its {@code Response} node, through
 *       the Neo4j sink) and as an alert to {@code kafka.topic.alerts} ({@link AnomalyAlert}).
 * </ol>
 *
 * <p>Exit: {@code 0} done, {@code 1} failed (rerun it), {@code 64} bad arguments or configuration.
 */
public final class AnomalyJob {

    public static final String NAME = "memory-graph-anomalies";

    private static final Logger LOG = LoggerFactory.getLogger(AnomalyJob.class);

    private AnomalyJob() {}

    public static void main(String[] args) {
        BoundedJobs.main(NAME, args, (config, env) -> run(config, env).outcome());
    }

    /** What one run did. */
    public record Result(
            LocalDate day, long responses, int modelsTrained, int modelsLoaded, long flagged) {
        public BoundedJobs.Outcome outcome() {
            return new BoundedJobs.Outcome(
                    ExitCode.SUCCESS,
                    day
                            + ": "
                            + responses
                            + " responses, "
                            + modelsTrained
                            + " models trained, "
                            + modelsLoaded
                            + " loaded, "
                            + flagged
                            + " anomalous");
        }
    }

    /** One run, on {@code env} (configured for BATCH by {@link BoundedJobs}). */
    public static Result run(Configuration config, StreamExecutionEnvironment env)
            throws Exception {
        LocalDate day = day(config);
        AnomalyDetector.Options options = AnomalyOptions.detector(config);
        ModelStore store = new ModelStore(AnomalyOptions.modelPath(config));
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        List<ResponseRow> rows = new ArrayList<>();
        DataStream<ResponseRow> read =
                EventLake.read(env, EventLakeOptions.path(config), from, until)
                        .flatMap(
                                (dev.memorygraph.model.EnrichedEvent e,
                                        org.apache.flink.util.Collector<ResponseRow> out) -> {
                                    ResponseRow row = ResponseRow.of(e);
                                    if (row != null) {
                                        out.collect(row);
                                    }
                                })
                        .returns(TypeInformation.of(ResponseRow.class))
                        .uid("anomaly-response-rows")
                        .name("Responses of the day");
        try (CloseableIterator<ResponseRow> it = read.executeAndCollect(NAME + " (read)")) {
            it.forEachRemaining(rows::add);
        }
        // a stable order, so that the same day gives the same vectors and forests
        rows.sort(
                java.util.Comparator.comparingLong((ResponseRow r) -> r.time)
                        .thenComparing(r -> r.eventId));
        if (rows.isEmpty()) {
            return new Result(day, 0, 0, 0, 0);
        }
        double[][] x = Features.of(rows);
        Map<String, AnomalyModel> existing = store.load(day);
        Map<String, AnomalyModel> models =
                AnomalyDetector.models(
                        day, rows, x, existing, store.load(day.minusDays(1)), options);
        store.save(day, models);
        int loaded = (int) models.keySet().stream().filter(existing::containsKey).count();
        List<AnomalyDetector.Flag> flags = AnomalyDetector.flags(rows, x, models, options);
        LOG.info(
                "{}: {} responses, {} models ({} loaded), {} anomalous",
                NAME,
                rows.size(),
                models.size(),
                loaded,
                flags.size());

        if (!flags.isEmpty()) {
            Map<String, AnomalyModel> byVersion = new HashMap<>();
            models.values().forEach(m -> byVersion.put(m.version(), m));
            List<AnomalyAlert> alerts = new ArrayList<>();
            for (AnomalyDetector.Flag flag : flags) {
                alerts.add(AnomalyAlert.of(flag, byVersion.get(flag.modelVersion()), day));
            }
            DataStream<AnomalyAlert> stream =
                    env.fromData(alerts).uid("anomaly-alerts").name("Anomalous responses");
            stream.sinkTo(alertSink(config)).uid("anomaly-alert-sink").name("Alerts topic");
            if (config.get(dev.memorygraph.sinks.neo4j.Neo4jOptions.ENABLED)) {
                stream.map(AnomalyAlert::toMutation)
                        .returns(TypeInformation.of(GraphMutation.class))
                        .uid("anomaly-graph-tags")
                        .name("Anomaly tags")
                        .sinkTo(StreamingJob.neo4jSink(config, false))
                        .uid("anomaly-neo4j-sink")
                        .name("Neo4j graph");
            }
            env.execute(NAME + " (write)");
        }
        return new Result(day, rows.size(), models.size() - loaded, loaded, flags.size());
    }

    /** The day of the window, which must be one UTC day from midnight. */
    static LocalDate day(Configuration config) {
        BoundedJobs.Window window =
                BoundedJobs.window(config)
                        .orElseThrow(
                                () ->
                                        JobConfig.invalid(
                                                BoundedJobs.FROM.key(),
                                                null,
                                                "the anomaly job needs --from and --until, one UTC"
                                                        + " day"));
        LocalDate day = window.from().atZone(ZoneOffset.UTC).toLocalDate();
        if (!window.from().equals(day.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !window.until()
                        .equals(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw JobConfig.invalid(
                    BoundedJobs.FROM.key() + "/" + BoundedJobs.UNTIL.key(),
                    window.from() + " .. " + window.until(),
                    "one UTC day, midnight to midnight");
        }
        return day;
    }

    /**
     * Alerts keyed by their id, at least once (a consumer drops a key it has seen). The record's
     * timestamp is the time of detection, not the response's: a backfill of an old day must not
     * fall out of the topic's time-based retention as soon as it is written; the event time is in
     * the value.
     */
    static KafkaSink<AnomalyAlert> alertSink(Configuration config) {
        String topic = config.get(AnomalyOptions.ALERTS_TOPIC);
        return KafkaSink.<AnomalyAlert>builder()
                .setBootstrapServers(KafkaOptions.bootstrapServers(config))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setKafkaProducerConfig(DeadLetterSink.producerProperties(config))
                .setRecordSerializer(
                        (KafkaRecordSerializationSchema<AnomalyAlert>)
                                (alert, context, timestamp) ->
                                        new ProducerRecord<>(
                                                topic,
                                                null,
                                                null,
                                                alert.alertId.getBytes(
                                                        java.nio.charset.StandardCharsets.UTF_8),
                                                alert.toJson()))
                .build();
    }
}
