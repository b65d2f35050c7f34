package dev.memorygraph.operators.reconcile;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of the reconciliation topic one run replays: per partition, the first offset and the
 * offset to stop before. Fixed when the run starts, so records re-queued by the run itself land
 * after it and wait for the next run.
 */
public record ReconcileRange(String topic, Map<Integer, Long> start, Map<Integer, Long> stop)
        implements Serializable {

    public ReconcileRange {
        start = Map.copyOf(new TreeMap<>(start));
        stop = Map.copyOf(new TreeMap<>(stop));
    }

    /** Records in the range (offsets, so a transaction marker or a compacted gap counts too). */
    public long size() {
        long size = 0;
        for (Map.Entry<Integer, Long> partition : stop.entrySet()) {
            size += Math.max(0, partition.getValue() - start.getOrDefault(partition.getKey(), 0L));
        }
        return size;
    }

    public boolean isEmpty() {
        return size() == 0;
    }
}
