package io.slotwise.sim.cluster;

/**
 * The few facts about the node's own keyspace (database 0) that cluster rules depend on: SETSLOT NODE refuses to give away
 * a slot that still holds keys, REPLICATE and RESET refuse a master with keys. Implemented by the keyspace; called on the
 * node's event-loop thread only.
 */
public interface LocalKeys {

    /** A keyspace that is always empty. */
    LocalKeys EMPTY = new LocalKeys() {
        @Override
        public long countKeysInSlot(int slot) {
            return 0;
        }

        @Override
        public long size() {
            return 0;
        }
    };

    /**
     * Counts the keys stored locally in one hash slot.
     *
     * @param slot the slot, in {@code [0, 16383]}
     * @return the count, {@code >= 0}
     */
    long countKeysInSlot(int slot);

    /**
     * Counts all keys stored locally in database 0.
     *
     * @return the count, {@code >= 0}
     */
    long size();
}
