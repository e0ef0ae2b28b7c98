package io.slotwise.sim.clustermode;

import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.KeyChange;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.KeyspaceListener;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Notes which keys of a MIGRATE in flight change locally while the node waits for the target. Client commands on those
 * keys wait for the MIGRATE ({@link io.slotwise.sim.command.KeyGate}); this guards what bypasses the gate (expiry,
 * FLUSHALL, commands queued by MULTI): a key changed after it was serialized must not be deleted when the target
 * acknowledges the older copy, which would lose the change. Confined to the node's event loop.
 */
final class MigrationWatch implements KeyspaceListener {
    private final Keyspace keyspace;
    private final Set<Key> watched;
    private final Set<Key> changed = new HashSet<>();
    private boolean flushed;

    private MigrationWatch(Keyspace keyspace, List<Key> keys) {
        this.keyspace = keyspace;
        this.watched = new HashSet<>(keys);
    }

    /**
     * Starts watching keys.
     *
     * @param keyspace the keyspace the keys live in
     * @param keys the keys being migrated
     * @return the watch; {@link #stop()} it when the MIGRATE ends
     */
    static MigrationWatch start(Keyspace keyspace, List<Key> keys) {
        MigrationWatch watch = new MigrationWatch(keyspace, keys);
        keyspace.addListener(watch);
        return watch;
    }

    @Override
    public void keyChanged(Key key, KeyChange change) {
        if (watched.contains(key)) {
            changed.add(key);
        }
    }

    @Override
    public void keyspaceFlushed(Set<Key> removedKeys) {
        flushed = true;
    }

    /**
     * Whether a key changed (or was removed) since the watch started.
     *
     * @param key a watched key
     * @return true if the local key is no longer the one that was sent
     */
    boolean changed(Key key) {
        return flushed || changed.contains(key);
    }

    /** Stops watching; idempotent. */
    void stop() {
        keyspace.removeListener(this);
    }
}
