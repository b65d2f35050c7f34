package dev.memorygraph.operators.erasure;

import dev.memorygraph.model.EnrichedEvent;
import dev.memorygraph.model.EventType;
import dev.memorygraph.model.PromptLink;
import java.io.IOException;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops every event of an erased user ({@link Tombstones}): prompts and sessions by their user,
 * responses by their prompt's (through the join). The tombstones are read when the task opens,
 * before its first event, so a replay after a restart never lets an erased user through, and again
 * every refresh interval while it runs. A tombstone directory that cannot be read keeps the last
 * list and is tried again at the next interval; at open it fails the task, which is retried, since
 * letting events through unchecked would undo an erasure. Dropped events are counted ({@code
 * erasedEventsDropped}), never logged.
 */
public final class ErasedUsersFilter extends RichFilterFunction<EnrichedEvent> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ErasedUsersFilter.class);

    private final String dir;
    private final long refreshMillis;

    private transient Set<String> erased;
    private transient long loadedAt;
    private transient Counter dropped;

    public ErasedUsersFilter(String dir, java.time.Duration refreshInterval) {
        this.dir = dir;
        this.refreshMillis = refreshInterval.toMillis();
    }

    @Override
    public void open(OpenContext context) throws IOException {
        erased = Tombstones.load(dir);
        loadedAt = System.currentTimeMillis();
        dropped = getRuntimeContext().getMetricGroup().counter("erasedEventsDropped");
        LOG.info("Erasure filter: {} erased users", erased.size());
    }

    @Override
    public boolean filter(EnrichedEvent event) {
        long now = System.currentTimeMillis();
        if (now - loadedAt >= refreshMillis) {
            loadedAt = now;
            try {
                erased = Tombstones.load(dir);
            } catch (IOException e) {
                LOG.warn("Erasure filter: cannot read the tombstones, keeping the last list", e);
            }
        }
        if (Tombstones.erased(erased, event.tenantId(), userOf(event))) {
            dropped.inc();
            return false;
        }
        return true;
    }

    /** The event's user: its own, or for a response its prompt's. */
    public static String userOf(EnrichedEvent event) {
        if (event.event().type() != EventType.RESPONSE) {
            return event.event().userId();
        }
        PromptLink link = event.metadataOrNone().prompt();
        return link == null ? null : link.userId();
    }
}
