package io.slotwise.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One node of a {@link SimCluster}: a stable handle that survives {@link SimCluster#kill kill} and {@link
 * SimCluster#restart restart} (a restarted node is a new {@link SimNode} with the same ID, ports and nodes.conf) and
 * {@link SimCluster#readdress readdress} (the same, on new ports).
 *
 * <p>Thread-safe. Equality is identity: each node of a cluster has exactly one handle.
 */
public final class SimClusterNode {

    /** The role a node has in its own view of the cluster. */
    public enum Role {
        /** A master (Redis's name; primary in current terminology). */
        PRIMARY,
        /** A replica of a primary. */
        REPLICA
    }

    private final int index;
    private final String id;
    private volatile int port;
    private volatile int busPort;
    private volatile SimNode node;
    private volatile Role lastRole;

    SimClusterNode(int index, SimNode node) {
        this.index = index;
        this.node = Objects.requireNonNull(node, "node");
        this.id = ClusterView.read(node, state -> state.myself().id());
        this.port = node.port();
        this.busPort = ClusterView.read(node, state -> state.myself().busPort());
        this.lastRole = Role.PRIMARY;
    }

    /**
     * Returns the node's position in the cluster: primaries first, in start order, then replicas.
     *
     * @return the index, from 0
     */
    public int index() {
        return index;
    }

    /**
     * Returns the node ID, fixed for the node's lifetime (nodes.conf keeps it across restarts).
     *
     * @return the 40-character ID
     */
    public String id() {
        return id;
    }

    /**
     * Returns the client port: kept across {@link SimCluster#restart restarts}, a new one after {@link
     * SimCluster#readdress readdress}.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Returns the cluster bus port: kept across {@link SimCluster#restart restarts}, a new one after {@link
     * SimCluster#readdress readdress}.
     *
     * @return the port
     */
    public int busPort() {
        return busPort;
    }

    /**
     * Returns the address clients connect to.
     *
     * @return {@code 127.0.0.1:<port>}
     */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Returns the node's current role in its own view; for a killed node, its role when it was killed.
     *
     * @return the role
     */
    public Role role() {
        SimNode current = node;
        if (current.isOpen()) {
            try {
                lastRole = ClusterView.read(current, state -> state.myself().isReplica() ? Role.REPLICA : Role.PRIMARY);
            } catch (IllegalStateException e) {
                // closed meanwhile: keep the last role seen
            }
        }
        return lastRole;
    }

    /**
     * Returns the running {@link SimNode}, or the closed one while the node is killed.
     *
     * @return the node
     */
    public SimNode node() {
        return node;
    }

    /**
     * Tells whether the node runs (was not killed, or was restarted since).
     *
     * @return {@code true} while running
     */
    public boolean isRunning() {
        return node.isOpen();
    }

    void replaceNode(SimNode restarted) {
        this.node = Objects.requireNonNull(restarted, "restarted");
        this.port = restarted.port();
        this.busPort = ClusterView.read(restarted, state -> state.myself().busPort());
    }

    /** Shows the index, ID and port. */
    @Override
    public String toString() {
        return "SimClusterNode[" + index + ", " + id + ", 127.0.0.1:" + port + "]";
    }
}
