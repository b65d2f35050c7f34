package dev.memorygraph.operators.lake;

import dev.memorygraph.model.EnrichedEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** Buckets lake files by the event's own time, UTC: {@code dt=YYYY-MM-DD/hour=HH}. */
final class EventTimeBucketAssigner implements BucketAssigner<EnrichedEvent, String> {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter BUCKET =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hour='HH").withZone(ZoneOffset.UTC);

    @Override
    public String getBucketId(EnrichedEvent element, Context context) {
        return bucketOf(element.event().eventTime());
    }

    /** The partition (relative directory) of events of {@code time}'s hour. */
    static String bucketOf(java.time.Instant time) {
        return BUCKET.format(time);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
