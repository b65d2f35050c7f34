package dev.memorygraph.batch.reconcile;

import dev.memorygraph.model.Reconciliation;
import dev.memorygraph.sinks.base.EntryCodec;
import dev.memorygraph.sinks.base.StoreSink;
import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/**
 * One store's part of a reconciliation run: the records of its sink's stage, decoded with the
 * sink's own {@link EntryCodec}, written by the same sink class the streaming job uses.
 *
 * @param <T> the sink's entry type
 */
public record StoreReplay<T extends Serializable>(
        String stage, StoreSink<T, T> sink, TypeInformation<T> type, int maxAttempts)
        implements Serializable {

    /** Whether {@code record} has been given up often enough to be dead-lettered, not replayed. */
    public boolean exhausted(Reconciliation record) {
        return record.attempt() >= maxAttempts;
    }

    /**
     * The entry {@code record} redoes, or {@code null} when this replay cannot redo it: another
     * stage, another format, a payload that does not read.
     */
    public T entryOf(Reconciliation record) {
        EntryCodec<T> codec = sink.entryCodec();
        if (!stage.equals(record.stage()) || !codec.formatVersion().equals(record.format())) {
            return null;
        }
        try {
            return codec.decode(record.payload());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Adds the decode and sink operators of this store to the run's job. */
    void wire(DataStream<Reconciliation> records) {
        records.flatMap(new Decode<>(this))
                .returns(type)
                .uid("reconcile-decode-" + stage)
                .name("Decode " + stage)
                .sinkTo(sink)
                .uid("reconcile-" + stage)
                .name("Replay " + stage);
    }

    /** The entries of one stage; records the pre-scan found unreplayable are left out. */
    private static final class Decode<T extends Serializable>
            implements FlatMapFunction<Reconciliation, T> {
        private static final long serialVersionUID = 1L;

        private final StoreReplay<T> replay;

        Decode(StoreReplay<T> replay) {
            this.replay = replay;
        }

        @Override
        public void flatMap(Reconciliation record, Collector<T> out) {
            T entry = replay.exhausted(record) ? null : replay.entryOf(record);
            if (entry != null) {
                out.collect(entry);
            }
        }
    }
}
