package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;

/**
 * Ends the wait of a client blocked in a command (BLPOP and the like), for CLIENT UNBLOCK. The keyspace module
 * provides it as a node service. Called on the node's event loop.
 */
@FunctionalInterface
public interface ClientUnblocker {

    /**
     * Unblocks a client if it is blocked.
     *
     * @param session the client
     * @param error true to answer {@code -UNBLOCKED ...}, false to answer as if its timeout expired
     * @return whether the client was blocked (and now is not)
     */
    boolean unblock(ClientSession session, boolean error);

    /** The error an unblocked client gets with CLIENT UNBLOCK ... ERROR. */
    Reply.SimpleError UNBLOCKED = Reply.error("UNBLOCKED client unblocked via CLIENT UNBLOCK");
}
