package dev.memorygraph.sinks.influxdb;

import dev.memorygraph.sinks.base.EntryStateSerializer;
import dev.memorygraph.sinks.base.FailureClassifier;
import dev.memorygraph.sinks.base.SinkErrorHandling;
import dev.memorygraph.sinks.base.StoreEntrySink;
import dev.memorygraph.sinks.base.StoreSink;
import dev.memorygraph.sinks.influxdb.internal.InfluxDbBatchClient;
import dev.memorygraph.sinks.influxdb.internal.InfluxDbFailureClassifier;
import dev.memorygraph.sinks.influxdb.internal.InfluxDbSinkStateSerializer;
import java.io.IOException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.util.Preconditions;

/**
 * A Flink sink (Sink V2, on {@link StoreSink}) that writes time-series points to InfluxDB through
 * its v2 write API: line protocol, gzipped, in requests of up to {@code influxdb.batch.max-points}
 * (5,000) points or {@code influxdb.batch.max-bytes} (4 MB), or after {@code
 * influxdb.batch.max-time} (1 s).
 *
 * <p><b>Delivery: at-least-once, made effectively-once by the point's identity.</b> A point is
 * identified by its measurement, tags and timestamp, and {@link EventPoints} gives each event's
 * point a timestamp of its own (see there), so a replay overwrites instead of adding. Overload
 * (429, 503) and outages are retried, a malformed point goes to the dead-letter queue after the
 * batch is split down to it, and a bad token or a missing bucket fails the job naming the status.
 */
public class InfluxDbSink extends StoreEntrySink<LinePoint> {

    private static final long serialVersionUID = 1L;

    /** The store's name in metrics ({@code backend}) and dead letters ({@code dlq.stage}). */
    public static final String BACKEND = "influxdb";

    public static final String STAGE = "influxdb-sink";

    static final StoreSink.Keys KEYS =
            new StoreSink.Keys(
                    "InfluxDB",
                    InfluxDbOptions.BATCH_MAX_POINTS.key(),
                    InfluxDbOptions.BUFFER_MAX_POINTS.key(),
                    InfluxDbOptions.BATCH_MAX_BYTES.key(),
                    "influxdb.record.max-bytes",
                    InfluxDbOptions.BATCH_MAX_TIME.key(),
                    InfluxDbOptions.MAX_IN_FLIGHT.key(),
                    InfluxDbOptions.REQUEST_TIMEOUT.key());

    private final InfluxDbBatchClient.Factory clientFactory;

    private InfluxDbSink(
            StoreSink.Limits limits,
            InfluxDbBatchClient.Factory clientFactory,
            SinkErrorHandling errorHandling) {
        super(limits, errorHandling);
        this.clientFactory = clientFactory;
    }

    /** A builder with the defaults of {@link InfluxDbOptions}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected InfluxDbBatchClient createClient() throws IOException {
        return clientFactory.create();
    }

    @Override
    protected FailureClassifier classifier() {
        return new InfluxDbFailureClassifier();
    }

    @Override
    public EntryStateSerializer<LinePoint> entryCodec() {
        return new InfluxDbSinkStateSerializer();
    }

    /** Builds an {@link InfluxDbSink}, validating every setting in {@link #build}. */
    public static final class Builder extends StoreSink.Builder<LinePoint, LinePoint, Builder> {

        private InfluxDbConnection connection;

        private Builder() {
            super(
                    InfluxDbOptions.ON_RETRIES_EXHAUSTED.defaultValue(),
                    InfluxDbOptions.REQUEST_TIMEOUT.defaultValue());
            setMaxBatchSize(InfluxDbOptions.BATCH_MAX_POINTS.defaultValue());
            setMaxBufferedRequests(InfluxDbOptions.BUFFER_MAX_POINTS.defaultValue());
            setMaxBatchSizeInBytes(InfluxDbOptions.BATCH_MAX_BYTES.defaultValue().getBytes());
            setMaxRecordSizeInBytes(64 * 1024);
            setMaxTimeInBufferMS(InfluxDbOptions.BATCH_MAX_TIME.defaultValue().toMillis());
            setMaxInFlightRequests(InfluxDbOptions.MAX_IN_FLIGHT.defaultValue());
        }

        /** Every {@code influxdb.*} option ({@code influxdb.url} required). */
        public Builder fromConfig(ReadableConfig config) {
            this.connection = InfluxDbConnection.fromConfig(config);
            setMaxBatchSize(config.get(InfluxDbOptions.BATCH_MAX_POINTS));
            setMaxBufferedRequests(config.get(InfluxDbOptions.BUFFER_MAX_POINTS));
            setMaxBatchSizeInBytes(config.get(InfluxDbOptions.BATCH_MAX_BYTES).getBytes());
            setMaxTimeInBufferMS(config.get(InfluxDbOptions.BATCH_MAX_TIME).toMillis());
            setMaxInFlightRequests(config.get(InfluxDbOptions.MAX_IN_FLIGHT));
            setRetryPolicy(InfluxDbOptions.RETRY.read(config));
            setOnRetriesExhausted(config.get(InfluxDbOptions.ON_RETRIES_EXHAUSTED));
            setRequestTimeout(config.get(InfluxDbOptions.REQUEST_TIMEOUT));
            return this;
        }

        public Builder setConnection(InfluxDbConnection connection) {
            this.connection = connection;
            return this;
        }

        @Override
        public InfluxDbSink build() {
            Preconditions.checkArgument(
                    connection != null, "No InfluxDB connection: set influxdb.url");
            return new InfluxDbSink(
                    checkedLimits(KEYS),
                    new InfluxDbBatchClient.Factory(connection),
                    errorHandling(BACKEND, STAGE));
        }
    }
}
