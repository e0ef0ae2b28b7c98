package io.slotwise.sim.clustermode;

import io.slotwise.sim.NodeModule;
import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.cluster.ClusterConfig;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.ReplicaMigration;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandSpec;
import io.slotwise.sim.command.RedirectCheck;
import io.slotwise.sim.keyspace.Keyspace;

/**
 * Puts a node in cluster mode ({@code cluster-enabled yes}); {@link io.slotwise.sim.SimNode.Builder} installs one
 * with Redis's defaults unless one is added explicitly. At start-up it locks and loads nodes.conf ({@code
 * cluster-config-file} under {@code dir}) or creates a fresh node with a random ID and saves it; it then provides the
 * {@link ClusterState} and a {@link RedirectCheck} as node services, registers every CLUSTER subcommand of Redis 7.0,
 * MIGRATE, and the cluster-mode errors of REPLICAOF, SLAVEOF and FAILOVER, and starts the node's cluster bus (whose
 * 100 ms cron also re-evaluates {@code cluster_state}). nodes.conf is saved after every change. Closing the node
 * closes the bus and MIGRATE's cached connections and releases nodes.conf. A {@link RedirectCheck} provided by a module
 * installed earlier is kept (tests of the dispatcher use one).
 *
 * <p>A module instance configures one node: install it once. Immutable until installed; the installed state lives on
 * the node's event loop.
 */
public final class ClusterModeModule implements NodeModule {
    /** Redis's {@code CLUSTER_WRITABLE_DELAY}: how long a started master reports {@code cluster_state:fail}. */
    public static final long DEFAULT_WRITABLE_DELAY_MILLIS = 2_000;

    private static final String CLUSTER_DISABLED = "ERR This instance has cluster support disabled";

    private final long writableDelayMillis;
    private final long rejoinDelayOverrideMillis;
    private final long replicaMigrationDelayMillis;
    private final boolean busEnabled;
    private ClusterNodeContext context;

    /** A module with Redis's behaviour. */
    public ClusterModeModule() {
        this(DEFAULT_WRITABLE_DELAY_MILLIS, -1, ClusterConfig.REDIS_REPLICA_MIGRATION_DELAY_MILLIS, true);
    }

    private ClusterModeModule(
            long writableDelayMillis,
            long rejoinDelayOverrideMillis,
            long replicaMigrationDelayMillis,
            boolean busEnabled) {
        this.writableDelayMillis = writableDelayMillis;
        this.rejoinDelayOverrideMillis = rejoinDelayOverrideMillis;
        this.replicaMigrationDelayMillis = replicaMigrationDelayMillis;
        this.busEnabled = busEnabled;
    }

    /**
     * Returns a module whose node reports {@code cluster_state:ok} sooner after start-up, for tests that do not want
     * to wait Redis's two seconds.
     *
     * @param millis the delay, 0 for none
     * @return a new, not yet installed module with this module's other settings
     * @throws IllegalArgumentException if negative
     */
    public ClusterModeModule withWritableDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("writable delay must not be negative: " + millis);
        }
        return new ClusterModeModule(millis, rejoinDelayOverrideMillis, replicaMigrationDelayMillis, busEnabled);
    }

    /**
     * Returns a module whose master, after seeing itself in the minority (as every fresh master without slots does),
     * reports {@code cluster_state:ok} again after a fixed delay instead of Redis's {@code clamp(cluster-node-timeout,
     * 500, 5000)} ms. Embedded clusters use 0 to form fast; a partitioned master then also rejoins at once.
     *
     * @param millis the delay, 0 for none
     * @return a new, not yet installed module with this module's other settings
     * @throws IllegalArgumentException if negative
     */
    public ClusterModeModule withRejoinDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("rejoin delay must not be negative: " + millis);
        }
        return new ClusterModeModule(writableDelayMillis, millis, replicaMigrationDelayMillis, busEnabled);
    }

    /**
     * Returns a module whose replicas migrate to an orphaned master once it has been orphaned for this long, instead
     * of Redis's fixed 5000 ms ({@code CLUSTER_SLAVE_MIGRATION_DELAY}), for tests that do not want to wait.
     *
     * @param millis the delay, 0 for none
     * @return a new, not yet installed module with this module's other settings
     * @throws IllegalArgumentException if negative
     */
    public ClusterModeModule withReplicaMigrationDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("replica migration delay must not be negative: " + millis);
        }
        return new ClusterModeModule(writableDelayMillis, rejoinDelayOverrideMillis, millis, busEnabled);
    }

    /**
     * Returns a module without a cluster bus, for tests that build each node's view of the cluster by hand: a 100 ms
     * timer then re-evaluates {@code cluster_state}, CLUSTER MEET only adds the handshake node, peers stay
     * {@code disconnected}, CLUSTER LINKS is empty and the node has no bus faults.
     *
     * @return a new, not yet installed module with this module's other settings
     */
    public ClusterModeModule withoutBus() {
        return new ClusterModeModule(
                writableDelayMillis, rejoinDelayOverrideMillis, replicaMigrationDelayMillis, false);
    }

    /**
     * Installs cluster mode.
     *
     * @param setup the node being built; must have {@code cluster-enabled yes} and a {@link Keyspace} service
     * @throws IllegalStateException if already installed, or the node is not in cluster mode
     * @throws java.io.UncheckedIOException with Redis's message if nodes.conf is locked by another node, corrupted or
     *     cannot be written, the port is too high for a derived bus port, or the bus port cannot be bound
     */
    @Override
    public void install(NodeSetup setup) {
        if (context != null) {
            throw new IllegalStateException("a ClusterModeModule configures one node");
        }
        if (!setup.config().clusterEnabled()) {
            throw new IllegalStateException("ClusterModeModule needs cluster-enabled yes");
        }
        ClusterConfig base = ClusterConfig.defaults()
                .withWritableDelayMillis(writableDelayMillis)
                .withRejoinDelayOverrideMillis(rejoinDelayOverrideMillis)
                .withReplicaMigrationDelayMillis(replicaMigrationDelayMillis);
        ClusterNodeContext cluster = ClusterNodeContext.create(setup, base);
        MigrateConnectionPool pool = new MigrateConnectionPool(setup.eventLoop());
        ClusterCron cron = busEnabled ? null : new ClusterCron(cluster, setup.eventLoop());
        // From here on a failed start is cleaned up by the node, which runs the close actions registered so far.
        setup.onClose(() -> {
            if (cron != null) {
                cron.stop();
            }
            pool.close();
            cluster.close();
        });
        setup.provide(ClusterState.class, cluster.state());
        setup.provide(ReplicaMigration.class, cluster.replicaMigration());
        if (setup.node().service(RedirectCheck.class).isEmpty()) {
            setup.provide(RedirectCheck.class, new ClusterRedirectCheck(cluster));
        }
        ClusterCommands.register(setup.commands(), cluster);
        ClusterModeErrors.register(setup.commands());
        setup.commands().registerAsync("migrate", new MigrateCommand(cluster.keyspace(), pool, true));
        setup.onListening(() -> {
            cluster.syncSettings();
            cluster.flushPendingActions();
        });
        if (busEnabled) {
            ClusterBusStarter.start(setup, cluster);
        } else {
            cron.start();
        }
        context = cluster;
    }

    /**
     * Returns the module a node with {@code cluster-enabled no} gets: every CLUSTER subcommand answers {@code ERR This
     * instance has cluster support disabled}, as in Redis (ASKING, READONLY and READWRITE answer it by themselves), and
     * MIGRATE moves keys with plain {@code RESTORE}, as a standalone Redis does.
     *
     * @return the module; stateless, may be installed in any number of nodes
     */
    public static NodeModule disabled() {
        return setup -> {
            CommandSpec cluster = setup.node().commandTable().command("cluster");
            for (String subcommand : cluster.subcommands().keySet()) {
                setup.commands().register("cluster|" + subcommand, ctx -> {
                    throw new CommandException(CLUSTER_DISABLED);
                });
            }
            // MIGRATE works outside cluster mode too, with plain RESTORE on the target.
            setup.node().service(Keyspace.class).ifPresent(keyspace -> {
                MigrateConnectionPool pool = new MigrateConnectionPool(setup.eventLoop());
                setup.onClose(pool::close);
                setup.commands().registerAsync("migrate", new MigrateCommand(keyspace, pool, false));
            });
        };
    }

    /** Returns the installed node's cluster context (tests reach the state through it, on the node's loop). */
    ClusterNodeContext context() {
        return context;
    }
}
