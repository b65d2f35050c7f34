package dev.memorygraph.operators.lake;

import dev.memorygraph.model.EnrichedEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** Reads a whole lake back through {@link EventLake#read}, as a bounded job would. */
public final class LakeTestSupport {

    private LakeTestSupport() {}

    /** Every event once, as {@link EventLake#read} gives a bounded job. */
    public static List<EnrichedEvent> readLake(Path lake) throws Exception {
        return collect(lake, true);
    }

    /** Every row as stored ({@link EventLake#readRows}), replayed copies included. */
    public static List<EnrichedEvent> readRows(Path lake) throws Exception {
        return collect(lake, false);
    }

    private static List<EnrichedEvent> collect(Path lake, boolean dedup) throws Exception {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        String path = lake.toUri().toString();
        List<EnrichedEvent> out = new ArrayList<>();
        try (CloseableIterator<EnrichedEvent> it =
                (dedup ? EventLake.read(env, path) : EventLake.readRows(env, path))
                        .executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
