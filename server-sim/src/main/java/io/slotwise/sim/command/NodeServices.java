package io.slotwise.sim.command;

import io.netty.channel.EventLoop;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.server.ClientRegistry;
import io.slotwise.sim.server.NodeStats;
import java.io.IOException;
import java.util.Optional;

/**
 * What command handlers see of their node: its configuration, its clients, its statistics, its identity, and the
 * services that modules provided (the keyspace, the cluster state, the redirect check). One instance per node.
 *
 * <p>Threading: every method must be called on the node's {@linkplain #eventLoop() event loop}, except {@link
 * #config()} and the identity getters, which are safe anywhere.
 */
public interface NodeServices {

    /** Returns the node's current configuration (CONFIG SET replaces it). */
    SimNodeConfig config();

    /**
     * Replaces the configuration, as CONFIG SET does; the caller has validated the new values and checked that only
     * mutable directives changed.
     *
     * @param updated the new configuration
     */
    void updateConfig(SimNodeConfig updated);

    /**
     * Writes the current configuration back to the file the node was started with (CONFIG REWRITE).
     *
     * @throws IllegalStateException if the node was started without a configuration file
     * @throws IOException if the file cannot be written
     */
    void rewriteConfig() throws IOException;

    /** Returns the node's client connections. */
    ClientRegistry clients();

    /** Returns the counters INFO reports and CONFIG RESETSTAT resets. */
    NodeStats stats();

    /** Returns the command table the node dispatches with. */
    CommandTable commandTable();

    /** Returns the event loop that runs this node: every connection, timer and piece of state. */
    EventLoop eventLoop();

    /** Returns the node's run id: 40 random hex characters, new at every start (INFO's {@code run_id}). */
    String runId();

    /** Returns the replication id the node reports while it is a master (INFO's {@code master_replid}). */
    String replicationId();

    /** Returns the id of the process the node runs in. */
    long processId();

    /** Returns when the node started, in milliseconds since the epoch. */
    long startedAtMillis();

    /** Returns the TCP port the node accepts clients on (the bound port when configured as 0). */
    int port();

    /**
     * Returns a service a module provided.
     *
     * @param type the type the service was provided under
     * @param <T> the service type
     * @return the service, or empty if no module provided one
     */
    <T> Optional<T> service(Class<T> type);

    /**
     * Starts closing the node: every connection and listener, then the event loop if the node owns it. Returns at
     * once; the node is closed shortly after the current task ends.
     */
    void shutdown();
}
