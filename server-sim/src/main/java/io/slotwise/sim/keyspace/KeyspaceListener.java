package io.slotwise.sim.keyspace;

import java.util.Set;

/**
 * Observes changes to a {@link Keyspace}: WATCH uses it to flag transactions whose keys were touched, replication to
 * propagate expiries, keyspace notifications to publish events.
 *
 * <p>Callbacks run synchronously on the keyspace's thread, after the change is visible. They must be fast, must not
 * throw, and must not call back into the keyspace: even a read may expire a key and so re-enter the listener. All
 * methods default to doing nothing.
 */
public interface KeyspaceListener {
    /** A listener that ignores every change. */
    KeyspaceListener NONE = new KeyspaceListener() {};

    /** Called once for every change to a single key. */
    default void keyChanged(Key key, KeyChange change) {}

    /**
     * Called after {@link Keyspace#flush()} removed every key, instead of one {@link #keyChanged} per key.
     *
     * @param removedKeys the keys that were present, including any that had expired but were not yet removed; valid
     *     only during the call
     */
    default void keyspaceFlushed(Set<Key> removedKeys) {}
}
