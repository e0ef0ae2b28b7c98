package io.slotwise.sim.server;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which sessions WATCH which keys, so that a modification can spoil their transactions (Redis's {@code touchWatchedKey}).
 * The keyspace calls {@link #touch(byte[])} for every key it modifies and {@link #touchAll()} when it is flushed;
 * until it exists nothing spoils a watch. One per node, used on its event loop only.
 */
public final class WatchedKeys {
    private final Map<ByteBuffer, Set<ClientSession>> watchers = new HashMap<>();

    WatchedKeys() {}

    void watch(ClientSession session, byte[] key) {
        ByteBuffer wrapped = ByteBuffer.wrap(key.clone());
        if (session.watched().add(wrapped)) {
            watchers.computeIfAbsent(wrapped, k -> new LinkedHashSet<>()).add(session);
        }
    }

    void unwatchAll(ClientSession session) {
        for (ByteBuffer key : session.watched()) {
            Set<ClientSession> sessions = watchers.get(key);
            if (sessions != null && sessions.remove(session) && sessions.isEmpty()) {
                watchers.remove(key);
            }
        }
        session.watched().clear();
    }

    /**
     * Spoils the transactions of every session watching a key: their next EXEC answers a null array.
     *
     * @param key the modified key
     */
    public void touch(byte[] key) {
        Set<ClientSession> sessions = watchers.get(ByteBuffer.wrap(key));
        if (sessions != null) {
            sessions.forEach(ClientSession::spoilWatch);
        }
    }

    /** Spoils the transactions of every session watching any key (FLUSHALL, FLUSHDB). */
    public void touchAll() {
        watchers.values().forEach(sessions -> sessions.forEach(ClientSession::spoilWatch));
    }

    /** Returns how many distinct keys are watched, for tests and INFO. */
    public int size() {
        return watchers.size();
    }
}
