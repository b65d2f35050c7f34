package dev.memorygraph.sinks.influxdb.internal;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import dev.memorygraph.sinks.base.BatchClient;
import dev.memorygraph.sinks.influxdb.InfluxDbConnection;
import dev.memorygraph.sinks.influxdb.LinePoint;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.annotation.Internal;

/**
 * Writes a batch as one gzipped line-protocol request of the InfluxDB v2 write API, on a thread of
 * its own (the client's write call blocks). InfluxDB judges a request as a whole, so a failure
 * fails the whole batch; the writer splits a rejected batch to isolate the point at fault.
 */
@Internal
public final class InfluxDbBatchClient implements BatchClient<LinePoint> {

    private final InfluxDBClient client;
    private final WriteApiBlocking writes;
    private final String org;
    private final String bucket;
    private final ExecutorService io;

    InfluxDbBatchClient(InfluxDBClient client, String org, String bucket) {
        this.client = client;
        this.writes = client.getWriteApiBlocking();
        this.org = org;
        this.bucket = bucket;
        this.io =
                Executors.newSingleThreadExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "influxdb-write");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    @Override
    public CompletionStage<List<ItemFailure<LinePoint>>> write(List<LinePoint> batch) {
        List<String> lines = new ArrayList<>(batch.size());
        for (LinePoint point : batch) {
            lines.add(point.line());
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    writes.writeRecords(bucket, org, WritePrecision.NS, lines);
                    return List.<ItemFailure<LinePoint>>of();
                },
                io);
    }

    @Override
    public void close() {
        io.shutdownNow();
        client.close();
    }

    /** Creates a client per writer, on the task manager. */
    public record Factory(InfluxDbConnection connection) implements Serializable {
        public InfluxDbBatchClient create() throws IOException {
            return new InfluxDbBatchClient(
                    connection.createClient(), connection.org(), connection.bucket());
        }
    }
}
