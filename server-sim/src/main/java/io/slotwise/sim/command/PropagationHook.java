package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;

/**
 * How replication learns what a node executed, so that it can send a master's writes to its replicas in order. The
 * replication module provides it as a node service; without one nothing is observed.
 *
 * <p>The {@link CommandDispatcher} calls {@link #commandStarting} right before a handler runs and {@link
 * #commandFinished} right after it returned, for every command it executes: top-level commands, the commands EXEC runs
 * (nested inside EXEC's own pair) and commands received from a master. Code that changes keys on behalf of another
 * client than the one whose command is running (serving a client blocked in BLPOP) brackets the change with {@link
 * #sideEffectsStarting()} and {@link #sideEffectsFinished()}, inside or outside a command.
 *
 * <p>Threading: every method is called on the node's event loop, in matching pairs. Implementations must not throw.
 */
public interface PropagationHook {

    /** A hook that observes nothing. */
    PropagationHook NONE = new PropagationHook() {};

    /**
     * A command's handler is about to run.
     *
     * @param invocation the command
     * @param session the client it came from
     */
    default void commandStarting(Invocation invocation, ClientSession session) {}

    /**
     * The command's handler returned.
     *
     * @param invocation the command
     * @param session the client it came from
     * @param reply the reply, an error reply if the handler failed, or null if the reply is still to come (an
     *     asynchronous command); its later completion is not reported
     */
    default void commandFinished(Invocation invocation, ClientSession session, Reply reply) {}

    /** Changes that follow are made on behalf of a client other than the one whose command runs, if any. */
    default void sideEffectsStarting() {}

    /** Ends what {@link #sideEffectsStarting()} began. */
    default void sideEffectsFinished() {}
}
