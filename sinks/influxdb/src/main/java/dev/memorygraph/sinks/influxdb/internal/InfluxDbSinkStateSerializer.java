package dev.memorygraph.sinks.influxdb.internal;

import dev.memorygraph.sinks.base.EntryStateSerializer;
import dev.memorygraph.sinks.influxdb.LinePoint;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.annotation.Internal;

/** Buffered points in checkpoints: the event id as UTF, the line as length-prefixed UTF-8. */
@Internal
public final class InfluxDbSinkStateSerializer extends EntryStateSerializer<LinePoint> {

    @Override
    public String format() {
        return "influxdb-line";
    }

    @Override
    public String operation() {
        return "write";
    }

    @Override
    public void write(LinePoint point, DataOutputStream out) throws IOException {
        out.writeUTF(point.eventId());
        byte[] line = point.line().getBytes(StandardCharsets.UTF_8);
        out.writeInt(line.length);
        out.write(line);
    }

    @Override
    public LinePoint read(DataInputStream in) throws IOException {
        String eventId = in.readUTF();
        byte[] line = new byte[in.readInt()];
        in.readFully(line);
        return new LinePoint(eventId, new String(line, StandardCharsets.UTF_8));
    }

    @Override
    public int version() {
        return 1;
    }
}
