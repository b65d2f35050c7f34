package dev.memorygraph.batch;

/** What a bounded job's process exits with, for the scheduler that started it. */
public enum ExitCode {
    /** Everything the run was asked to do is done. */
    SUCCESS(0),
    /** The run failed (a store, Kafka or the cluster); rerun it: every step is idempotent. */
    FAILED(1),
    /** The run finished, but left work behind that needs attention or another run. */
    INCOMPLETE(2),
    /** Bad arguments or configuration, refused before anything was submitted. */
    USAGE(64);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
