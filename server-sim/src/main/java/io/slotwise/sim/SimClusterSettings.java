package io.slotwise.sim;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.slotwise.sim.clustermode.ClusterModeModule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link SimClusterBuilder} collected, validated, and how each node is configured and started from it.
 *
 * @param primaries the number of primaries, at least 1
 * @param replicasPerPrimary replicas per primary, at least 0
 * @param basePort the first client port (node {@code i} listens on {@code basePort + i}), or 0 for ephemeral ports
 * @param nodeTimeout {@code cluster-node-timeout}
 * @param dir the cluster directory, or {@code null} for a temporary one
 * @param eventLoopThreads the threads of the shared event loop group
 * @param formed whether to form the cluster at start
 * @param fastFormation whether masters skip Redis's writable and rejoin delays
 * @param formationTimeout how long forming may take
 * @param replicaMigrationDelay how long a master must be orphaned before a replica migrates to it
 */
record SimClusterSettings(
        int primaries,
        int replicasPerPrimary,
        int basePort,
        Duration nodeTimeout,
        Path dir,
        int eventLoopThreads,
        boolean formed,
        boolean fastFormation,
        Duration formationTimeout,
        Duration replicaMigrationDelay) {

    /** The highest client port whose derived bus port ({@code + 10000}) is valid. */
    private static final int HIGHEST_BASE_PORT = 55_535;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException for a count, port, duration or thread count out of range
     */
    SimClusterSettings {
        if (primaries < 1 || replicasPerPrimary < 0) {
            throw new IllegalArgumentException("a cluster needs at least 1 primary and 0 or more replicas per primary");
        }
        int nodes = primaries * (replicasPerPrimary + 1);
        if (basePort < 0 || (basePort > 0 && basePort + nodes - 1 > HIGHEST_BASE_PORT)) {
            throw new IllegalArgumentException(
                    "the base port must be 0 (ephemeral) or leave room for " + nodes + " ports up to 55535");
        }
        if (nodeTimeout.isNegative()
                || nodeTimeout.isZero()
                || formationTimeout.isNegative()
                || replicaMigrationDelay.isNegative()) {
            throw new IllegalArgumentException("the node timeout must be positive, the formation timeout and the"
                    + " replica migration delay not negative");
        }
        if (eventLoopThreads < 1) {
            throw new IllegalArgumentException("at least one event loop thread is needed");
        }
    }

    /** Returns the number of nodes. */
    int nodeCount() {
        return primaries * (replicasPerPrimary + 1);
    }

    /**
     * Returns, for each node index, the index of its primary, or {@code -1} for a primary: replica {@code r} of
     * primary {@code p} is node {@code primaries + r * primaries + p}.
     */
    int[] primaryIndexes() {
        int[] primaryOf = new int[nodeCount()];
        for (int i = 0; i < primaryOf.length; i++) {
            primaryOf[i] = i < primaries ? -1 : (i - primaries) % primaries;
        }
        return primaryOf;
    }

    /**
     * Returns the configuration of node {@code index} on its first start.
     *
     * @param index the node's index
     * @param nodeDir its directory
     * @return the configuration: loopback, cluster mode, its port, the node timeout
     */
    SimNodeConfig nodeConfig(int index, Path nodeDir) {
        return SimNodeConfig.defaults()
                .with("bind", "127.0.0.1")
                .with("port", Integer.toString(basePort == 0 ? 0 : basePort + index))
                .with("cluster-enabled", "yes")
                .with("cluster-node-timeout", Long.toString(nodeTimeout.toMillis()))
                .with("dir", nodeDir.toString());
    }

    /**
     * Starts a node on one loop of the group, with the cluster timing these settings ask for.
     *
     * @param config its configuration
     * @param group the shared group
     * @return the node
     */
    SimNode startNode(SimNodeConfig config, EventLoopGroup group) {
        ClusterModeModule module =
                new ClusterModeModule().withReplicaMigrationDelayMillis(replicaMigrationDelay.toMillis());
        if (fastFormation) {
            module = module.withWritableDelayMillis(0).withRejoinDelayMillis(0);
        }
        return SimNode.builder(config).eventLoopGroup(group).module(module).start();
    }

    /** Creates the shared event loop group. */
    EventLoopGroup newGroup() {
        return new MultiThreadIoEventLoopGroup(
                eventLoopThreads, new DefaultThreadFactory("slotwise-cluster"), NioIoHandler.newFactory());
    }

    /** Shuts a group down and waits (at most a few seconds) until it terminated. */
    static void shutDown(EventLoopGroup group) {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
