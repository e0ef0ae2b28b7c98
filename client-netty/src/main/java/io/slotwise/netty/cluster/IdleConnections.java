package io.slotwise.netty.cluster;

import io.slotwise.topology.NodeAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Idle connections kept for reuse, at most a fixed number per node; the most recently returned is handed out first.
 * A pure store: it opens and closes nothing, but hands back whatever it refuses or evicts for the caller to close.
 *
 * <p>Thread-safe (one monitor; every operation is short).
 *
 * @param <C> the connection type
 */
final class IdleConnections<C> {

    private final int maxPerNode;
    private final Map<NodeAddress, ArrayDeque<C>> idle = new HashMap<>();
    private boolean closed;

    /**
     * Creates an empty store.
     *
     * @param maxPerNode how many idle connections a node may have, at least 0
     */
    IdleConnections(int maxPerNode) {
        if (maxPerNode < 0) {
            throw new IllegalArgumentException("maxPerNode must be >= 0, was " + maxPerNode);
        }
        this.maxPerNode = maxPerNode;
    }

    /**
     * Keeps a connection idle.
     *
     * @param node the node it is connected to
     * @param connection the connection, not already in the store
     * @return {@code true} if kept; {@code false} if the node has its maximum or the store is closed: close it
     */
    synchronized boolean offer(NodeAddress node, C connection) {
        if (closed) {
            return false;
        }
        ArrayDeque<C> connections = idle.computeIfAbsent(node, n -> new ArrayDeque<>());
        if (connections.size() >= maxPerNode) {
            if (connections.isEmpty()) {
                idle.remove(node);
            }
            return false;
        }
        connections.push(connection);
        return true;
    }

    /**
     * Takes an idle connection to a node.
     *
     * @param node the node
     * @return the most recently offered connection, or {@code null} if none is idle
     */
    synchronized C poll(NodeAddress node) {
        ArrayDeque<C> connections = idle.get(node);
        if (connections == null) {
            return null;
        }
        C connection = connections.pop();
        if (connections.isEmpty()) {
            idle.remove(node);
        }
        return connection;
    }

    /**
     * Removes the idle connections of nodes not in {@code nodes} (nodes that left the topology).
     *
     * @param nodes the nodes to keep
     * @return the removed connections, for the caller to close
     */
    synchronized List<C> retainOnly(Collection<NodeAddress> nodes) {
        List<C> removed = new ArrayList<>();
        for (Iterator<Map.Entry<NodeAddress, ArrayDeque<C>>> it =
                        idle.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<NodeAddress, ArrayDeque<C>> entry = it.next();
            if (!nodes.contains(entry.getKey())) {
                removed.addAll(entry.getValue());
                it.remove();
            }
        }
        return removed;
    }

    /**
     * Empties the store and refuses every later {@link #offer}.
     *
     * @return every idle connection, for the caller to close
     */
    synchronized List<C> close() {
        closed = true;
        List<C> all = new ArrayList<>();
        for (ArrayDeque<C> connections : idle.values()) {
            all.addAll(connections);
        }
        idle.clear();
        return all;
    }

    /**
     * Counts the idle connections to a node.
     *
     * @param node the node
     * @return how many are idle
     */
    synchronized int idleCount(NodeAddress node) {
        ArrayDeque<C> connections = idle.get(node);
        return connections == null ? 0 : connections.size();
    }
}
