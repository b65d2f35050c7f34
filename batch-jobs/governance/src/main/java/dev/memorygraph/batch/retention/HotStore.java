package dev.memorygraph.batch.retention;

import dev.memorygraph.sinks.elasticsearch.ElasticsearchOptions;
import dev.memorygraph.sinks.influxdb.InfluxDbOptions;
import dev.memorygraph.sinks.neo4j.Neo4jOptions;
import dev.memorygraph.sinks.pinecone.PineconeOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;

/**
 * A store that holds copies of the lake's events (the graph, the search index, the time series, the
 * vectors) or the lake itself: cleared of an archive's events once the archive is verified, and of
 * a user's on erasure. Every call is idempotent: a rerun after a crash in the middle deletes what
 * is left.
 */
interface HotStore extends AutoCloseable {

    /** The store's name in the journal, the catalog and progress lines. */
    String name();

    /** Deletes the archive's events; returns how many entries it removed. */
    long delete(Archive archive, ArchivedIds ids) throws Exception;

    /** How many of the archive's events the store still holds; 0 after {@link #delete}. */
    long remaining(Archive archive, ArchivedIds ids) throws Exception;

    /** Removes (or anonymises) {@code user}'s entries; returns how many. Idempotent. */
    long erase(UserErasure user) throws Exception;

    /** How many entries of {@code user} the store still holds; 0 after {@link #erase}. */
    long remainingOf(UserErasure user) throws Exception;

    /**
     * For the compliance report's retention check: how many entries of events before {@code cutoff}
     * the store holds (the lake: files of days before it), or -1 when it cannot tell.
     */
    long olderThan(java.time.Instant cutoff) throws Exception;

    @Override
    default void close() throws Exception {}

    /**
     * The enabled stores of {@code config}, the lake last (until it goes, the events can still be
     * read from it); the caller closes them.
     */
    static List<HotStore> open(ReadableConfig config, LakeArchive lake) throws IOException {
        List<HotStore> stores = new ArrayList<>();
        if (config.get(Neo4jOptions.ENABLED)) {
            stores.add(new Neo4jArchive(config));
        }
        if (config.get(ElasticsearchOptions.ENABLED)) {
            stores.add(new ElasticsearchArchive(config));
        }
        if (config.get(InfluxDbOptions.ENABLED)) {
            stores.add(new InfluxDbArchive(config));
        }
        if (config.get(PineconeOptions.ENABLED)) {
            stores.add(new PineconeArchive(config));
        }
        stores.add(lake);
        return stores;
    }
}
