package io.slotwise.sim.clustermode;

import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.cluster.ClusterConfig;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.PendingAction;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Keeps the cluster state in step with the node's configuration: {@code cluster-require-full-coverage}, {@code
 * cluster-allow-reads-when-down}, {@code cluster-allow-replica-migration}, {@code cluster-migration-barrier} and
 * {@code cluster-node-timeout} become the state's {@link ClusterConfig}; {@code
 * port}, {@code cluster-port} and {@code cluster-announce-ip} become myself's address. CONFIG SET only replaces the
 * node's configuration object, so {@link #sync} is called before anything that depends on it (every CLUSTER
 * subcommand, every redirect check, every cron tick) and costs one reference comparison when nothing changed.
 *
 * <p>Confined to the node's event loop.
 */
final class ClusterSettings {
    private final Supplier<SimNodeConfig> config;
    private SimNodeConfig seen;
    private int boundBusPort;

    /**
     * Creates the sync, taking the configuration seen at start-up as already applied.
     *
     * @param config reads the node's current configuration
     */
    ClusterSettings(Supplier<SimNodeConfig> config) {
        this.config = Objects.requireNonNull(config, "config");
        this.seen = config.get();
    }

    /**
     * Returns the cluster options a configuration asks for, starting from {@code base} for the options it does not
     * carry (writable, rejoin and replica migration delays, preferred endpoint type).
     *
     * @param node the node's configuration
     * @param base the options to start from
     * @return the options
     */
    static ClusterConfig clusterConfig(SimNodeConfig node, ClusterConfig base) {
        return base.withRequireFullCoverage(node.clusterRequireFullCoverage())
                .withAllowReadsWhenDown(node.clusterAllowReadsWhenDown())
                .withAllowReplicaMigration(node.clusterAllowReplicaMigration())
                .withMigrationBarrier(node.clusterMigrationBarrier())
                .withNodeTimeoutMillis(Math.max(1, node.clusterNodeTimeoutMillis()));
    }

    /**
     * Returns the bus port a configuration announces: {@code cluster-port} when set, else {@code port + 10000}; 0
     * (unknown until a bus binds one) while the client port is still the ephemeral 0 or too high for that sum.
     *
     * @param node the node's configuration
     * @return the bus port
     */
    static int busPort(SimNodeConfig node) {
        if (node.clusterPort() != 0) {
            return node.clusterPort();
        }
        int derived = node.port() + 10_000;
        return node.port() == 0 || derived > 65_535 ? 0 : derived;
    }

    /**
     * Applies a configuration to myself's address: ports always, the IP when {@code cluster-announce-ip} is set.
     *
     * @param node the node's configuration
     * @param myself the local node
     */
    static void applyAddress(SimNodeConfig node, ClusterNode myself) {
        String ip = node.clusterAnnounceIp().orElse(myself.ip());
        myself.setAddress(ip, node.port(), busPort(node));
    }

    /**
     * Fixes myself's bus port to the one a running cluster bus listens on: configuration changes no longer rewrite it
     * (with {@code port 0} the bus port is ephemeral, not the bound client port plus 10000).
     *
     * @param port the bus's port
     */
    void pinBusPort(int port) {
        this.boundBusPort = port;
    }

    /**
     * Applies configuration changes made since the last call, requesting a nodes.conf save when myself's address
     * changed. Ports are rewritten only when {@code port} or {@code cluster-port} changed, and the bus port only while
     * no bus is {@linkplain #pinBusPort pinned}; clearing {@code cluster-announce-ip} keeps the current IP, as Redis does.
     *
     * @param state the node's cluster state
     */
    void sync(ClusterState state) {
        SimNodeConfig current = config.get();
        if (current == seen) {
            return;
        }
        SimNodeConfig previous = seen;
        seen = current;
        ClusterConfig wanted = clusterConfig(current, state.config());
        if (!wanted.equals(state.config())) {
            state.setConfig(wanted);
        }
        ClusterNode myself = state.myself();
        boolean portsChanged = previous.port() != current.port() || previous.clusterPort() != current.clusterPort();
        boolean ipChanged = !previous.clusterAnnounceIp().equals(current.clusterAnnounceIp());
        if (portsChanged || ipChanged) {
            myself.setAddress(
                    current.clusterAnnounceIp().orElse(myself.ip()),
                    portsChanged ? current.port() : myself.port(),
                    portsChanged && boundBusPort == 0 ? busPort(current) : myself.busPort());
            state.request(PendingAction.SAVE_CONFIG);
        }
    }
}
