package io.slotwise.sim.cluster;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Node IDs removed with CLUSTER FORGET, which gossip may not re-add for {@link #TTL_MILLIS} (Redis's node blacklist).
 * An entry added at {@code t} blocks the ID while {@code now <= t + TTL_MILLIS}. Expired entries are purged on every
 * query. Not thread-safe.
 */
public final class ForgetBlacklist {

    /** How long a forgotten node stays blocked: 60 seconds. */
    public static final long TTL_MILLIS = 60_000;

    private final Map<String, Long> expiresAtMillis = new HashMap<>();

    /**
     * Blocks a node ID for the next {@link #TTL_MILLIS}, restarting the period if already blocked.
     *
     * @param nodeId the ID, never {@code null}
     * @param nowMillis the current time
     */
    public void add(String nodeId, long nowMillis) {
        purgeExpired(nowMillis);
        expiresAtMillis.put(nodeId, nowMillis + TTL_MILLIS);
    }

    /**
     * Tells whether a node ID is currently blocked.
     *
     * @param nodeId the ID, never {@code null}
     * @param nowMillis the current time
     * @return {@code true} if the ID was forgotten less than {@link #TTL_MILLIS} ago (inclusive)
     */
    public boolean contains(String nodeId, long nowMillis) {
        purgeExpired(nowMillis);
        return expiresAtMillis.containsKey(nodeId);
    }

    /**
     * Returns how many IDs are blocked now.
     *
     * @param nowMillis the current time
     * @return the count after purging expired entries
     */
    public int size(long nowMillis) {
        purgeExpired(nowMillis);
        return expiresAtMillis.size();
    }

    private void purgeExpired(long nowMillis) {
        Iterator<Long> expiries = expiresAtMillis.values().iterator();
        while (expiries.hasNext()) {
            if (expiries.next() < nowMillis) {
                expiries.remove();
            }
        }
    }
}
