package dev.memorygraph.operators.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Combining findings of several detectors into one non-overlapping list. */
public final class PiiDetection {

    private PiiDetection() {}

    /**
     * All findings, without overlaps: where two overlap, pattern findings (validated) win over NER,
     * then the longer, then the more confident. Sorted by start.
     */
    @SafeVarargs
    public static List<PiiFinding> merge(List<PiiFinding>... lists) {
        List<PiiFinding> all = new ArrayList<>();
        for (List<PiiFinding> list : lists) {
            all.addAll(list);
        }
        all.sort(
                Comparator.comparing((PiiFinding f) -> !f.type().isPattern())
                        .thenComparing(PiiFinding::length, Comparator.reverseOrder())
                        .thenComparing(PiiFinding::confidence, Comparator.reverseOrder())
                        .thenComparingInt(PiiFinding::start));
        List<PiiFinding> kept = new ArrayList<>();
        for (PiiFinding f : all) {
            if (kept.stream().noneMatch(f::overlaps)) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(PiiFinding::start));
        return kept;
    }
}
