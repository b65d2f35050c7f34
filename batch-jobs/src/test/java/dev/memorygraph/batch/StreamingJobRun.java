package dev.memorygraph.batch;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.EventJson;
import dev.memorygraph.model.ModelRef;
import dev.memorygraph.model.Prompt;
import dev.memorygraph.model.PromptEvent;
import dev.memorygraph.model.RawEvent;
import dev.memorygraph.model.ResponseEvent;
import dev.memorygraph.model.SessionRef;
import dev.memorygraph.operators.lake.EventLake;
import dev.memorygraph.operators.lake.EventLakeOptions;
import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import dev.memorygraph.sinks.influxdb.InfluxDbOptions;
import dev.memorygraph.sinks.pinecone.PineconeOptions;
import dev.memorygraph.streaming.StreamingJob;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The streaming job's own graph (validation, dedup, text features, embeddings, graph extraction),
 * run over a list of prompts as the upstream publishes them (JSON values on the prompts topic): it
 * writes the lake and the graph the bounded jobs are then run on.
 */
public final class StreamingJobRun {

    private StreamingJobRun() {}

    /** A prompt of a user's session with {@code text} at {@code time}. */
    public static PromptEvent prompt(String id, Instant time, String text, String session) {
        return new PromptEvent(
                id,
                time,
                new Prompt(text, null, null, null, null),
                new SessionRef(session, "user-" + session, "app-1", "chat"),
                new ModelRef("gpt-4o", "openai", null, null),
                null,
                null,
                null);
    }

    /**
     * Runs the streaming job on {@code prompts} with {@code config} ({@code lake.path}, {@code
     * neo4j.uri}, Kafka for the sinks' queues...), to the end of the list.
     */
    public static void run(Configuration config, List<PromptEvent> prompts) throws Exception {
        run(config, prompts, List.of());
    }

    /**
     * {@link #run(Configuration, List)} with {@code responses} on the responses topic, after the
     * prompts (a response that comes before its prompt waits for it, as in production).
     */
    public static void run(
            Configuration config, List<PromptEvent> prompts, List<ResponseEvent> responses)
            throws Exception {
        Configuration batch = new Configuration(config);
        // STREAMING, as in production: the enrichment stages' processing-time timers do not fire
        // in BATCH mode; the lake's files are committed by the final checkpoint
        batch.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        batch.setString("execution.checkpointing.interval", "500 ms");
        // the prompts have no session events: they must not wait for one past the end of input
        batch.setString("tenant.wait", "0 s");
        // a dead letter fails the run at once instead of restarting it forever
        batch.setString("restart-strategy.type", "none");
        // the tests' traffic is dated (past days and weeks): it must pass validation whatever the
        // day the suite runs on
        if (!config.containsKey("validation.max-event-age")) {
            batch.setString("validation.max-event-age", "3650 d");
        }
        batch.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        batch.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                config.get(EventLakeOptions.PATH).replaceAll("/$", "") + "-checkpoints");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(batch);
        ArrayList<byte[]> values = new ArrayList<>();
        ArrayList<String> topics = new ArrayList<>();
        for (PromptEvent prompt : prompts) {
            values.add(EventJson.mapper().writeValueAsBytes(prompt));
            topics.add("llm.prompts.v1");
        }
        for (ResponseEvent response : responses) {
            values.add(EventJson.mapper().writeValueAsBytes(response));
            topics.add("llm.responses.v1");
        }
        StreamingJob job =
                new StreamingJob(
                        batch,
                        new StreamingJob.Io(
                                new DataGeneratorSource<>(
                                        new Records(values, topics, prompts.get(0).timestamp()),
                                        values.size(),
                                        TypeInformation.of(RawEvent.class)),
                                WatermarkStrategy.noWatermarks(),
                                new NoDeadLetters(),
                                EventLake.sink(batch),
                                new StreamingJob.GraphSinks(
                                        StreamingJob.neo4jSink(batch, false),
                                        StreamingJob.neo4jSink(batch, true),
                                        StreamingJob.neo4jSink(batch, true)),
                                // the other stores where the test configured them
                                batch.get(ElasticsearchOptions.ENABLED)
                                        ? StreamingJob.elasticsearchSink(batch)
                                        : null,
                                batch.get(InfluxDbOptions.ENABLED)
                                        ? StreamingJob.influxDbSink(batch)
                                        : null,
                                batch.get(PineconeOptions.ENABLED)
                                        ? StreamingJob.pineconeSink(batch)
                                        : null,
                                null),
                        Clock.systemUTC());
        job.build(env);
        env.execute("streaming job on " + prompts.size() + " prompts");
    }

    /** Fails the run on a dead letter: the test's input is meant to be valid. */
    static final class NoDeadLetters implements Sink<DeadLetter> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<DeadLetter> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(DeadLetter letter, Context context) {
                    throw new IllegalStateException("a test prompt was dead-lettered: " + letter);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    /** The i-th event as a record of its topic. */
    record Records(ArrayList<byte[]> values, ArrayList<String> topics, Instant time)
            implements GeneratorFunction<Long, RawEvent> {
        @Override
        public RawEvent map(Long index) {
            int i = index.intValue();
            return new RawEvent(
                    topics.get(i),
                    0,
                    i,
                    time.toEpochMilli(),
                    ("k" + i).getBytes(StandardCharsets.UTF_8),
                    values.get(i),
                    "1.0",
                    "observatory");
        }
    }
}
