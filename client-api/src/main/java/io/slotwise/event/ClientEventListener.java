package io.slotwise.event;

import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;

/**
 * Observes what a cluster client does, for metrics and logging: the outcome and latency of each command, every request
 * sent to a node, redirects, retries, topology refreshes and connection events. Every method has a no-op default, so an
 * implementation overrides only what it needs; {@link #NONE} observes nothing.
 *
 * <p>Threading: methods are called on the client's I/O threads (and {@link #clientClosed()} on whichever thread
 * finished closing), possibly concurrently for different commands. Implementations must be thread-safe and fast, must
 * not block and must not call the client synchronously; an exception they throw is logged and otherwise ignored.
 *
 * <p>Arguments never hold secrets or command arguments: commands are identified by name only (for example {@code GET}
 * or {@code SCRIPT LOAD}).
 */
public interface ClientEventListener {

    /** A listener that ignores every event. */
    ClientEventListener NONE = new ClientEventListener() {};

    /**
     * A command completed with a value, after any redirects, retries, splitting and merging.
     *
     * @param command the command name
     * @param latency from the call to completion
     */
    default void commandSucceeded(String command, Duration latency) {}

    /**
     * A command completed with an exception: a server error, a timeout, a connection failure, a redirect limit...
     *
     * @param command the command name
     * @param latency from the call to completion
     * @param cause what the caller received, never {@code null}
     */
    default void commandFailed(String command, Duration latency, Throwable cause) {}

    /**
     * One request (a command, a part of a split command, a fanned-out copy, or a retry) was handed to a node's
     * connection. Always followed by {@link #requestFinished} for the same node.
     *
     * @param node the node, as the topology names it
     */
    default void requestStarted(NodeAddress node) {}

    /**
     * A request handed to a node's connection completed: reply, timeout or failure.
     *
     * @param node the node, as the topology names it
     */
    default void requestFinished(NodeAddress node) {}

    /**
     * A node redirected a command, and the client is following the redirect.
     *
     * @param command the command name
     * @param kind {@code MOVED} or {@code ASK}
     * @param slot the slot the redirect is about
     * @param from the node that redirected
     * @param to the node the command goes to now
     */
    default void redirected(String command, RedirectKind kind, int slot, NodeAddress from, NodeAddress to) {}

    /**
     * A command is being sent again after a transient failure ({@code TRYAGAIN}, {@code CLUSTERDOWN}, {@code LOADING},
     * {@code MASTERDOWN}, an uncovered slot, or a connection failure that allows a replay), after its backoff.
     *
     * @param command the command name
     * @param attempt the attempt starting now, from 2
     * @param cause why the previous attempt failed
     */
    default void retried(String command, int attempt, Throwable cause) {}

    /**
     * A topology refresh finished and its result is now the client's topology.
     *
     * @param duration how long the refresh took
     * @param nodesAsked how many nodes answered with a view
     */
    default void topologyRefreshed(Duration duration, int nodesAsked) {}

    /**
     * A topology refresh failed: no node answered with a usable view. The client keeps its previous topology.
     *
     * @param duration how long the refresh took
     * @param cause why, naming every node asked
     */
    default void topologyRefreshFailed(Duration duration, Throwable cause) {}

    /**
     * The client's topology changed: after a refresh found a different view, or after a {@code MOVED} patched one slot.
     *
     * @param previous the topology before
     * @param current the topology now in use
     */
    default void topologyChanged(ClusterTopology previous, ClusterTopology current) {}

    /**
     * A connection to a node was established (or re-established) and its handshake succeeded.
     *
     * @param node the address connected to, after the client's address mapper
     */
    default void connected(NodeAddress node) {}

    /**
     * A connection attempt to a node failed.
     *
     * @param node the address, after the client's address mapper
     * @param cause why, never {@code null}
     */
    default void connectFailed(NodeAddress node, Throwable cause) {}

    /**
     * An established connection to a node was lost (not closed by the client).
     *
     * @param node the address, after the client's address mapper
     * @param cause the error that ended it, or {@code null} if the node closed it
     */
    default void disconnected(NodeAddress node, Throwable cause) {}

    /**
     * A command was answered from the client-side cache ({@link io.slotwise.ClusterClientOptions#clientSideCache()})
     * without a round trip.
     *
     * @param command the command name
     */
    default void cacheHit(String command) {}

    /**
     * A cacheable command found no usable reply in the client-side cache and goes to a node.
     *
     * @param command the command name
     */
    default void cacheMiss(String command) {}

    /**
     * Replies left the client-side cache to make room (least recently used) or because they reached their maximum
     * age.
     *
     * @param entries how many, at least 1
     */
    default void cacheEvicted(int entries) {}

    /**
     * Replies left the client-side cache because they could no longer be trusted: a node's invalidation push (a key
     * changed, expired or was deleted, or the node was flushed), a lost connection, or a slot that changed owner.
     *
     * @param entries how many, at least 1
     */
    default void cacheInvalidated(int entries) {}

    /** The client closed: no more events follow. */
    default void clientClosed() {}
}
