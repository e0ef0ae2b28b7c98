package io.slotwise.sim.command;

import io.slotwise.sim.server.ClientSession;

/**
 * How client-side caching (CLIENT TRACKING) learns which client runs which command: which keys a tracking client
 * reads, and whose command is modifying keys (NOLOOP, and invalidations of the running client's own keys, which Redis
 * sends after that command's reply). The tracking module provides it as a node service; without one nothing is
 * observed.
 *
 * <p>The {@link CommandDispatcher} calls {@link #commandStarting} right before a handler runs and {@link
 * #commandFinished} right after it returned, for every command it executes: top-level commands, the commands EXEC runs
 * and those a script runs (nested inside their EXEC's or script's pair). It calls {@link #requestProcessed} once per
 * request of a connection, after the request was executed, queued or refused.
 *
 * <p>Threading: every method is called on the node's event loop, in matching pairs. Implementations must not throw.
 */
public interface TrackingHook {

    /** A hook that observes nothing. */
    TrackingHook NONE = new TrackingHook() {};

    /**
     * A command's handler is about to run.
     *
     * @param session the client it came from
     * @param nested whether it runs inside EXEC or a script
     */
    default void commandStarting(ClientSession session, boolean nested) {}

    /**
     * The command's handler returned (an asynchronous command may still complete later).
     *
     * @param invocation the command
     * @param session the client it came from
     * @param script the EVAL, EVALSHA or FCALL (or their read-only forms) whose script ran the command, or null
     * @param nested whether it ran inside EXEC or a script
     */
    default void commandFinished(Invocation invocation, ClientSession session, Invocation script, boolean nested) {}

    /**
     * A client's request was processed: executed, queued inside MULTI, or refused before it ran.
     *
     * @param session the client
     * @param spec the command, or null if the command table did not know it
     */
    default void requestProcessed(ClientSession session, CommandSpec spec) {}
}
