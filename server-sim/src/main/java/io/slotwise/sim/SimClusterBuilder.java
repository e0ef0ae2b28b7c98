package io.slotwise.sim;

import io.netty.channel.EventLoopGroup;
import io.slotwise.sim.cluster.ClusterConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes and starts a {@link SimCluster}; obtained from {@link SimCluster#builder()}. Defaults: 3 primaries, no
 * replicas, ephemeral ports, {@code cluster-node-timeout} 2 s, a temporary directory, one event loop thread per node
 * up to the number of processors, formed at start with fast formation, 30 s to form, Redis's 5 s replica migration
 * delay.
 *
 * <p>Not thread-safe; a builder may start several clusters (each gets the settings of the moment).
 */
public final class SimClusterBuilder {
    private int primaries = 3;
    private int replicasPerPrimary;
    private int basePort;
    private Duration nodeTimeout = Duration.ofSeconds(2);
    private Path dir;
    private int eventLoopThreads;
    private boolean formed = true;
    private boolean fastFormation = true;
    private Duration formationTimeout = Duration.ofSeconds(30);
    private Duration replicaMigrationDelay = Duration.ofMillis(ClusterConfig.REDIS_REPLICA_MIGRATION_DELAY_MILLIS);

    SimClusterBuilder() {}

    /**
     * Sets the number of primaries (masters owning slots).
     *
     * @param count at least 1
     * @return this builder
     */
    public SimClusterBuilder primaries(int count) {
        this.primaries = count;
        return this;
    }

    /**
     * Sets the number of replicas of each primary.
     *
     * @param count at least 0
     * @return this builder
     */
    public SimClusterBuilder replicasPerPrimary(int count) {
        this.replicasPerPrimary = count;
        return this;
    }

    /**
     * Sets the first client port: node {@code i} listens on {@code port + i} and its bus on that plus 10000; 0 (the
     * default) gives every node an ephemeral client port and an ephemeral bus port.
     *
     * @param port 0, or a port that leaves room for every node below 55536
     * @return this builder
     */
    public SimClusterBuilder basePort(int port) {
        this.basePort = port;
        return this;
    }

    /**
     * Sets {@code cluster-node-timeout}: how long a silent node takes to be flagged PFAIL (then FAIL).
     *
     * @param timeout positive, never {@code null}
     * @return this builder
     */
    public SimClusterBuilder nodeTimeout(Duration timeout) {
        this.nodeTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Sets how long a master must have been orphaned (no working replica left) before a replica of a master with more
     * replicas migrates to it. Default: Redis's fixed 5 s ({@code CLUSTER_SLAVE_MIGRATION_DELAY}), which does not
     * scale with the node timeout; tests may shorten it.
     *
     * @param delay not negative, never {@code null}
     * @return this builder
     */
    public SimClusterBuilder replicaMigrationDelay(Duration delay) {
        this.replicaMigrationDelay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /**
     * Keeps the nodes' files (nodes.conf) under a given directory, which survives {@link SimCluster#close()}; a
     * directory holding a cluster of the same shape and ports is reused (the nodes rejoin instead of forming anew).
     *
     * @param directory the directory, created if missing; {@code null} for a temporary one (the default)
     * @return this builder
     */
    public SimClusterBuilder dir(Path directory) {
        this.dir = directory;
        return this;
    }

    /**
     * Sets the number of threads of the event loop group the nodes share (each node runs on one of them).
     *
     * @param threads at least 1; 0 for the default
     * @return this builder
     */
    public SimClusterBuilder eventLoopThreads(int threads) {
        this.eventLoopThreads = threads;
        return this;
    }

    /**
     * Chooses whether {@link #start()} forms the cluster (the default) or leaves every node fresh, knowing only
     * itself, for tests that form it by hand (CLUSTER MEET, ADDSLOTS, ...).
     *
     * @param value {@code false} for unformed nodes
     * @return this builder
     */
    public SimClusterBuilder formed(boolean value) {
        this.formed = value;
        return this;
    }

    /**
     * Chooses fast formation (the default): masters skip Redis's 2 s start-up writable delay and its rejoin delay
     * after being in the minority. {@code false} keeps both, as redis-server has them.
     *
     * @param value {@code false} for Redis's delays
     * @return this builder
     */
    public SimClusterBuilder fastFormation(boolean value) {
        this.fastFormation = value;
        return this;
    }

    /**
     * Sets how long {@link #start()} may wait for the cluster to form.
     *
     * @param timeout not negative, never {@code null}
     * @return this builder
     */
    public SimClusterBuilder formationTimeout(Duration timeout) {
        this.formationTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Starts the nodes and, unless {@linkplain #formed(boolean) unformed}, forms the cluster and waits until every
     * node reports {@code cluster_state:ok} and all agree on every node's role and slots. On failure everything
     * started is closed again.
     *
     * @return the running cluster
     * @throws IllegalArgumentException if a setting is out of range
     * @throws java.io.UncheckedIOException if a port is taken or the directory cannot be used
     * @throws IllegalStateException if the cluster does not form in time (with every node's CLUSTER NODES), or the
     *     directory holds nodes of another cluster
     */
    public SimCluster start() {
        int nodeCount = Math.max(1, primaries) * Math.max(1, replicasPerPrimary + 1);
        int threads = eventLoopThreads > 0
                ? eventLoopThreads
                : Math.max(1, Math.min(nodeCount, Runtime.getRuntime().availableProcessors()));
        SimClusterSettings settings = new SimClusterSettings(
                primaries,
                replicasPerPrimary,
                basePort,
                nodeTimeout,
                dir,
                threads,
                formed,
                fastFormation,
                formationTimeout,
                replicaMigrationDelay);
        long started = System.nanoTime();
        ClusterDirectory directory = ClusterDirectory.open(dir);
        EventLoopGroup group = settings.newGroup();
        List<SimClusterNode> nodes = new ArrayList<>();
        Map<SimClusterNode, SimNodeConfig> restartConfigs = new HashMap<>();
        try {
            for (int i = 0; i < settings.nodeCount(); i++) {
                SimNodeConfig config = settings.nodeConfig(i, directory.nodeDir(i));
                SimClusterNode node = startNode(settings, i, config, group);
                nodes.add(node);
                restartConfigs.put(
                        node,
                        config.with("port", Integer.toString(node.port()))
                                .with("cluster-port", Integer.toString(node.busPort())));
            }
            if (formed) {
                formOrRejoin(settings, nodes);
            }
        } catch (RuntimeException | Error e) {
            nodes.forEach(node -> node.node().close());
            SimClusterSettings.shutDown(group);
            directory.close();
            throw e;
        }
        return new SimCluster(
                settings, group, directory, nodes, restartConfigs, Duration.ofNanos(System.nanoTime() - started));
    }

    private static SimClusterNode startNode(
            SimClusterSettings settings, int index, SimNodeConfig config, EventLoopGroup group) {
        SimNode node = settings.startNode(config, group);
        try {
            return new SimClusterNode(index, node);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** Forms fresh nodes; nodes that already know each other (a reused directory) only have to become healthy. */
    private static void formOrRejoin(SimClusterSettings settings, List<SimClusterNode> nodes) {
        List<Integer> known = new ArrayList<>();
        boolean fresh = true;
        for (SimClusterNode node : nodes) {
            known.add(ClusterView.read(node.node(), state -> state.nodes().size()));
            fresh &= ClusterView.read(
                    node.node(),
                    state -> state.nodes().size() == 1 && state.slots().assignedCount() == 0);
        }
        if (fresh) {
            ClusterFormation.form(
                    nodes,
                    settings.primaries(),
                    settings.primaryIndexes(),
                    settings.formationTimeout(),
                    settings.fastFormation());
        } else if (known.stream().allMatch(count -> count == nodes.size())) {
            ClusterFormation.awaitHealthy(nodes, nodes.size(), settings.formationTimeout());
        } else {
            throw new IllegalStateException("the nodes in " + settings.dir() + " are not fresh and do not form a "
                    + nodes.size() + "-node cluster together: use an empty directory");
        }
    }
}
