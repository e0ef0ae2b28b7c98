package io.slotwise.sim.clustermode;

import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.bus.ClusterBus;
import io.slotwise.sim.cluster.ClusterConfig;
import io.slotwise.sim.cluster.ClusterEnvironment;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.LocalKeys;
import io.slotwise.sim.cluster.ReplicaMigration;
import io.slotwise.sim.command.NodeServices;
import io.slotwise.sim.keyspace.Keyspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * What every cluster-mode piece of one node shares: the node's services and keyspace, its cluster state, the
 * configuration sync and nodes.conf. {@link #flushPendingActions()} is the single place where follow-up work of a
 * state change is done; a cluster bus takes it over when {@linkplain #attachBus attached} (its own flush broadcasts
 * PONGs and passes the rest to {@link #pendingActionHandler()}).
 *
 * <p>Confined to the node's event loop after {@link #create}.
 */
final class ClusterNodeContext {
    private final NodeServices node;
    private final Keyspace keyspace;
    private final ClusterState state;
    private final ClusterSettings settings;
    private final NodesConfPersistence persistence;
    private final PendingActionHandler actions;
    private final FailoverCoordinator failover;
    private final ReplicaMigration replicaMigration = new ReplicaMigration();
    private Runnable flusher;
    private ClusterBus bus;

    private ClusterNodeContext(
            NodeServices node, Keyspace keyspace, ClusterState state, NodesConfPersistence persistence) {
        this.node = node;
        this.keyspace = keyspace;
        this.state = state;
        this.persistence = persistence;
        this.settings = new ClusterSettings(node::config);
        this.actions = new PendingActionHandler(node, state, keyspace, persistence);
        this.flusher = () -> actions.accept(state.drainPendingActions());
        this.failover = new FailoverCoordinator(this);
    }

    /**
     * Creates the cluster side of a node being set up, as Redis's {@code clusterInit}: locks nodes.conf, loads it
     * (myself then takes the configured ports, and the announced IP if any) or creates a fresh master with a random
     * ID and saves it at once with fsync, then evaluates {@code cluster_state} for the first time.
     *
     * @param setup the node being set up; its keyspace must be installed
     * @param base the options the node's configuration does not carry (writable and rejoin delays)
     * @return the context
     * @throws UncheckedIOException with Redis's message for a port too high, a locked, unreadable, corrupted or
     *     unwritable nodes.conf
     */
    static ClusterNodeContext create(NodeSetup setup, ClusterConfig base) {
        SimNodeConfig config = setup.config();
        if (config.port() > 55_535 && config.clusterPort() == 0) {
            throw NodesConfPersistence.startupFailure("Redis port number too high. Cluster communication port is"
                    + " 10,000 port numbers higher than your Redis port. Your Redis port number must be 55535 or"
                    + " less.");
        }
        Keyspace keyspace = setup.node()
                .service(Keyspace.class)
                .orElseThrow(() -> new IllegalStateException("cluster mode needs the node's keyspace"));
        NodesConfPersistence persistence = NodesConfPersistence.lock(config.clusterConfigFile());
        try {
            ClusterConfig clusterConfig = ClusterSettings.clusterConfig(config, base);
            ClusterEnvironment environment = ClusterEnvironment.system(localKeys(keyspace));
            Optional<ClusterState> loaded = persistence.load(clusterConfig, environment);
            ClusterState state;
            if (loaded.isPresent()) {
                state = loaded.get();
                ClusterSettings.applyAddress(config, state.myself());
            } else {
                state = ClusterState.createFresh(
                        clusterConfig,
                        environment,
                        config.clusterAnnounceIp().orElse(""),
                        config.port(),
                        ClusterSettings.busPort(config));
                saveOrDie(persistence, state);
            }
            state.updateState();
            return new ClusterNodeContext(setup.node(), keyspace, state, persistence);
        } catch (RuntimeException e) {
            persistence.close();
            throw e;
        }
    }

    private static void saveOrDie(NodesConfPersistence persistence, ClusterState state) {
        try {
            persistence.save(state, true);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Fatal: can't update cluster config file " + persistence.file() + ": "
                            + NodesConfPersistence.describe(e),
                    e);
        }
    }

    private static LocalKeys localKeys(Keyspace keyspace) {
        Objects.requireNonNull(keyspace, "keyspace");
        return new LocalKeys() {
            @Override
            public long countKeysInSlot(int slot) {
                return keyspace.countKeysInSlot(slot);
            }

            @Override
            public long size() {
                return keyspace.size();
            }
        };
    }

    /** Returns the node's services. */
    NodeServices node() {
        return node;
    }

    /** Returns the node's keyspace (database 0). */
    Keyspace keyspace() {
        return keyspace;
    }

    /** Returns the node's cluster state. */
    ClusterState state() {
        return state;
    }

    /** Returns the node's nodes.conf. */
    NodesConfPersistence persistence() {
        return persistence;
    }

    /** Returns the handler of pending actions, for a bus that takes over flushing. */
    PendingActionHandler pendingActionHandler() {
        return actions;
    }

    /** Returns the node's failover logic (votes, elections, manual failovers). */
    FailoverCoordinator failover() {
        return failover;
    }

    /** Returns the node's replica-migration decision (evaluated by the failover cron while myself is a replica). */
    ReplicaMigration replicaMigration() {
        return replicaMigration;
    }

    /** Applies configuration changes made by CONFIG SET since the last call. */
    void syncSettings() {
        settings.sync(state);
    }

    /** Does the follow-up work the state asked for since the last call (save, flush, ...). */
    void flushPendingActions() {
        flusher.run();
    }

    /**
     * Hands the node's follow-up work to a running cluster bus ({@link #flushPendingActions()} then runs the bus's
     * flush) and fixes myself's bus port to the bus's.
     *
     * @param running the started bus
     */
    void attachBus(ClusterBus running) {
        this.bus = Objects.requireNonNull(running, "running");
        settings.pinBusPort(running.busPort());
        replaceFlusher(running::flushPendingActions);
    }

    /** Returns the node's cluster bus, or empty for a node without one. */
    Optional<ClusterBus> bus() {
        return Optional.ofNullable(bus);
    }

    /**
     * Makes {@link #flushPendingActions()} run another flush, a cluster bus's.
     *
     * @param replacement the flush to run instead of draining the state into {@link #pendingActionHandler()}
     */
    void replaceFlusher(Runnable replacement) {
        this.flusher = Objects.requireNonNull(replacement, "replacement");
    }

    /** Does any follow-up work still pending and releases nodes.conf; the node is closing. */
    void close() {
        try {
            flushPendingActions();
        } finally {
            persistence.close();
        }
    }
}
