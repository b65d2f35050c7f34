package dev.memorygraph.sinks.influxdb.internal;

import dev.memorygraph.model.DeadLetter;
import dev.memorygraph.model.ReasonCode;
import dev.memorygraph.sinks.base.BatchClient;
import dev.memorygraph.sinks.base.BatchingSinkWriter;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import dev.memorygraph.sinks.influxdb.LinePoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;

/**
 * Writes line-protocol points to InfluxDB through a {@link BatchClient}, with the shared failure
 * handling of {@link BatchingSinkWriter} and {@link InfluxDbFailureClassifier}. A dead letter holds
 * the point's line, keyed by its event id.
 */
@Internal
public final class InfluxDbSinkWriter extends BatchingSinkWriter<LinePoint, LinePoint> {

    public static final String BACKEND = "influxdb";
    public static final String STAGE = "influxdb-sink";

    public InfluxDbSinkWriter(
            ElementConverter<LinePoint, LinePoint> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<LinePoint>> states,
            BatchClient<LinePoint> client,
            SinkErrorHandling handling)
            throws IOException {
        super(
                elementConverter,
                context,
                configuration,
                states,
                client,
                new InfluxDbFailureClassifier(),
                handling);
    }

    @Override
    protected long getSizeInBytes(LinePoint point) {
        return point.sizeInBytes();
    }

    @Override
    protected DeadLetter toDeadLetter(LinePoint point, ReasonCode reason, String message) {
        return deadLetter(
                reason,
                message,
                point.eventId().getBytes(StandardCharsets.UTF_8),
                point.line().getBytes(StandardCharsets.UTF_8));
    }
}
