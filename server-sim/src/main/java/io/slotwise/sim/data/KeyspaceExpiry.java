package io.slotwise.sim.data;

import io.slotwise.sim.command.PendingExpiry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;

/**
 * The keyspace's {@link PendingExpiry}: a lookup removes one expired key, and repeated active-expiry cycles remove all
 * of them, each removal notifying watchers. Used on the node's event loop only.
 */
final class KeyspaceExpiry implements PendingExpiry {
    private final Keyspace keyspace;
    private final int budget;

    /**
     * @param keyspace the node's keyspace
     * @param budget the keys removed per cycle while catching up
     */
    KeyspaceExpiry(Keyspace keyspace, int budget) {
        this.keyspace = keyspace;
        this.budget = budget;
    }

    @Override
    public void expireIfDue(byte[] key) {
        keyspace.exists(Key.of(key));
    }

    @Override
    public void expireAllDue() {
        while (keyspace.activeExpireCycle(budget) == budget) {
            // another full cycle: more expired keys may remain
        }
    }
}
