package dev.memorygraph.batch.reconcile;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** The {@code reconcile.*} options of the reconciliation job. */
public final class ReconciliationOptions {

    private ReconciliationOptions() {}

    public static final ConfigOption<String> GROUP =
            ConfigOptions.key("reconcile.group")
                    .stringType()
                    .defaultValue("memory-graph-reconciliation")
                    .withDescription(
                            "Consumer group that remembers how far the reconciliation topic was"
                                    + " replayed; a run without --from/--until replays what it has"
                                    + " not, and commits when nothing was left unreplayable.");

    public static final ConfigOption<Integer> MAX_ATTEMPTS =
            ConfigOptions.key("reconcile.max-attempts")
                    .intType()
                    .defaultValue(10)
                    .withDescription(
                            "A write given up this many times (the streaming job's attempt is the"
                                    + " first) goes to the dead-letter queue as STORE_UNAVAILABLE"
                                    + " instead of being replayed once more.");

    /** The header that marks dead letters written by a reconciliation run. */
    public static final String DLQ_RUN_HEADER = "dlq.reconcile.run";
}
