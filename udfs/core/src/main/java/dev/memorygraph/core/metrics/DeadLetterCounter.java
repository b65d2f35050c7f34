package dev.memorygraph.core.metrics;

import static dev.memorygraph.core.metrics.MetricNames.DEAD_LETTERS_TOTAL;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_REASON;
import static dev.memorygraph.core.metrics.MetricNames.LABEL_STAGE;

import dev.memorygraph.model.ReasonCode;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * {@code dead_letters_total{stage,reason}} for one stage, so every place that dead-letters (PII,
 * each sink) counts under the same name and labels as validation. A reason's counter is created
 * when its first letter is counted; safe to call from I/O threads.
 */
public final class DeadLetterCounter {

    private final MetricGroup stageGroup;
    private final Map<ReasonCode, Counter> counters = new EnumMap<>(ReasonCode.class);

    public DeadLetterCounter(MetricGroup operator, String stage) {
        this.stageGroup = operator.addGroup(LABEL_STAGE, stage);
    }

    public synchronized void inc(ReasonCode reason) {
        counters.computeIfAbsent(
                        reason,
                        r ->
                                stageGroup
                                        .addGroup(LABEL_REASON, r.name())
                                        .counter(DEAD_LETTERS_TOTAL, new ThreadSafeSimpleCounter()))
                .inc();
    }
}
