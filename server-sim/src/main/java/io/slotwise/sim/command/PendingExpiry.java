package io.slotwise.sim.command;

/**
 * Removes keys whose time to live has passed but that no command has touched yet, so that WATCH and EXEC see them as
 * Redis 7.0 does: a watched key that expires before EXEC spoils the transaction even if nothing removed it yet, and a
 * key already expired when WATCHed does not spoil it when it is finally removed. The keyspace module provides it as a
 * node service; without one, WATCH and EXEC skip the step.
 *
 * <p>Threading: called on the node's event loop.
 */
public interface PendingExpiry {

    /**
     * Removes one key if its time to live has passed, notifying watchers as any deletion does.
     *
     * @param key the key's name
     */
    void expireIfDue(byte[] key);

    /** Removes every key whose time to live has passed, notifying watchers. */
    void expireAllDue();
}
