package dev.memorygraph.operators.graph;

import java.util.Arrays;

/**
 * The prompts of one session seen so far, ordered by event time and then by id (so equal times
 * still give one order). Immutable: {@link #insert} returns a new timeline, which keeps the value
 * in keyed state a plain value.
 *
 * @param times epoch milliseconds, ascending
 * @param ids the prompt ids, in the same order
 */
public record PromptTimeline(long[] times, String[] ids) {

    public static PromptTimeline empty() {
        return new PromptTimeline(new long[0], new String[0]);
    }

    public int size() {
        return ids.length;
    }

    /** The position of a prompt, or {@code -(insertion point) - 1} as in binary search. */
    public int find(long time, String id) {
        int low = 0;
        int high = ids.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = compare(times[mid], ids[mid], time, id);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** Inserts at {@code position} (from {@link #find}), dropping the oldest beyond {@code max}. */
    public PromptTimeline insert(int position, long time, String id, int max) {
        long[] newTimes = new long[times.length + 1];
        String[] newIds = new String[ids.length + 1];
        System.arraycopy(times, 0, newTimes, 0, position);
        System.arraycopy(ids, 0, newIds, 0, position);
        newTimes[position] = time;
        newIds[position] = id;
        System.arraycopy(times, position, newTimes, position + 1, times.length - position);
        System.arraycopy(ids, position, newIds, position + 1, ids.length - position);
        if (newIds.length > max) {
            int drop = newIds.length - max;
            return new PromptTimeline(
                    Arrays.copyOfRange(newTimes, drop, newTimes.length),
                    Arrays.copyOfRange(newIds, drop, newIds.length));
        }
        return new PromptTimeline(newTimes, newIds);
    }

    private static int compare(long t1, String id1, long t2, String id2) {
        int byTime = Long.compare(t1, t2);
        return byTime != 0 ? byTime : id1.compareTo(id2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromptTimeline that
                && Arrays.equals(times, that.times)
                && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "PromptTimeline{" + ids.length + " prompts}";
    }
}
