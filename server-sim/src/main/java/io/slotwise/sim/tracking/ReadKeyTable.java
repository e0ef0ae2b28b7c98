package io.slotwise.sim.tracking;

import io.slotwise.sim.keyspace.Bytes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Redis's tracking table for the default mode: for each key read by a tracking client, the ids of those clients. An
 * entry lives until the key is next modified ({@link #take}), whatever happened to the clients meanwhile (a client that
 * disconnected or turned tracking off is skipped then, as in Redis). Used on the node's event loop only.
 *
 * <p>Redis bounds the table with {@code tracking-table-max-keys} (default 0, unbounded) by invalidating random keys
 * early; the simulator does not enforce a bound.
 */
final class ReadKeyTable {
    private final Map<Bytes, Set<Long>> readers = new HashMap<>();

    /** Remembers that client {@code clientId} read {@code key}. */
    void remember(Bytes key, long clientId) {
        readers.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(clientId);
    }

    /**
     * Forgets a modified key and returns who had read it.
     *
     * @return the client ids in the order they first read the key, or null if nobody tracked it
     */
    Set<Long> take(Bytes key) {
        return readers.remove(key);
    }

    /** Forgets every key, as FLUSHALL and FLUSHDB make Redis do. */
    void clear() {
        readers.clear();
    }
}
