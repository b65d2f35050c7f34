package dev.memorygraph.batch.archival;

/**
 * A store that holds copies of the lake's events (the graph, the search index, the time series, the
 * vectors) or the lake itself, cleared of an archive's events once the archive is verified. Both
 * calls are idempotent: a rerun after a crash in the middle deletes what is left.
 */
interface HotStore extends AutoCloseable {

    /** The store's name in the journal, the catalog and progress lines. */
    String name();

    /** Deletes the archive's events; returns how many entries it removed. */
    long delete(Archive archive, ArchivedIds ids) throws Exception;

    /** How many of the archive's events the store still holds; 0 after {@link #delete}. */
    long remaining(Archive archive, ArchivedIds ids) throws Exception;

    @Override
    default void close() throws Exception {}
}
