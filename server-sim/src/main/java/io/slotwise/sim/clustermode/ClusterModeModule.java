package io.slotwise.sim.clustermode;

import io.slotwise.sim.NodeModule;
import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandSpec;
import io.slotwise.sim.command.RedirectCheck;
import io.slotwise.sim.keyspace.Keyspace;

/**
 * Puts a node in cluster mode ({@code cluster-enabled yes}); {@link io.slotwise.sim.SimNode.Builder} installs one
 * with Redis's defaults unless one is added explicitly. At start-up it locks and loads nodes.conf ({@code
 * cluster-config-file} under {@code dir}) or creates a fresh node with a random ID and saves it; it then provides the
 * {@link ClusterState} and a {@link RedirectCheck} as node services, registers every CLUSTER subcommand of Redis 7.0,
 * MIGRATE, and the cluster-mode errors of REPLICAOF, SLAVEOF and FAILOVER, and re-evaluates {@code cluster_state}
 * every 100 ms. nodes.conf is saved after every change. Closing the node stops the timer, closes MIGRATE's cached
 * connections and releases nodes.conf. A {@link RedirectCheck} provided by a module installed earlier is kept (tests
 * of the dispatcher use one).
 *
 * <p>A module instance configures one node: install it once. Immutable until installed; the installed state lives on
 * the node's event loop.
 */
public final class ClusterModeModule implements NodeModule {
    /** Redis's {@code CLUSTER_WRITABLE_DELAY}: how long a started master reports {@code cluster_state:fail}. */
    public static final long DEFAULT_WRITABLE_DELAY_MILLIS = 2_000;

    private static final String CLUSTER_DISABLED = "ERR This instance has cluster support disabled";

    private final long writableDelayMillis;
    private ClusterNodeContext context;

    /** A module with Redis's behaviour. */
    public ClusterModeModule() {
        this(DEFAULT_WRITABLE_DELAY_MILLIS);
    }

    private ClusterModeModule(long writableDelayMillis) {
        this.writableDelayMillis = writableDelayMillis;
    }

    /**
     * Returns a module whose node reports {@code cluster_state:ok} sooner after start-up, for tests that do not want
     * to wait Redis's two seconds.
     *
     * @param millis the delay, 0 for none
     * @return a new, not yet installed module
     * @throws IllegalArgumentException if negative
     */
    public ClusterModeModule withWritableDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("writable delay must not be negative: " + millis);
        }
        return new ClusterModeModule(millis);
    }

    /**
     * Installs cluster mode.
     *
     * @param setup the node being built; must have {@code cluster-enabled yes} and a {@link Keyspace} service
     * @throws IllegalStateException if already installed, or the node is not in cluster mode
     * @throws java.io.UncheckedIOException with Redis's message if nodes.conf is locked by another node, corrupted or
     *     cannot be written, or the port is too high for a derived bus port
     */
    @Override
    public void install(NodeSetup setup) {
        if (context != null) {
            throw new IllegalStateException("a ClusterModeModule configures one node");
        }
        if (!setup.config().clusterEnabled()) {
            throw new IllegalStateException("ClusterModeModule needs cluster-enabled yes");
        }
        ClusterNodeContext cluster = ClusterNodeContext.create(setup, writableDelayMillis);
        MigrateConnectionPool pool = new MigrateConnectionPool(setup.eventLoop());
        ClusterCron cron = new ClusterCron(cluster, setup.eventLoop());
        try {
            setup.provide(ClusterState.class, cluster.state());
            if (setup.node().service(RedirectCheck.class).isEmpty()) {
                setup.provide(RedirectCheck.class, new ClusterRedirectCheck(cluster));
            }
            ClusterCommands.register(setup.commands(), cluster);
            ClusterModeErrors.register(setup.commands());
            setup.commands().registerAsync("migrate", new MigrateCommand(cluster.keyspace(), pool));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        cron.start();
        setup.onClose(() -> {
            cron.stop();
            pool.close();
            cluster.close();
        });
        context = cluster;
    }

    /**
     * Returns the module a node with {@code cluster-enabled no} gets: every CLUSTER subcommand answers {@code ERR This
     * instance has cluster support disabled}, as in Redis (ASKING, READONLY and READWRITE answer it by themselves).
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
        };
    }

    /** Returns the installed node's cluster context (tests reach the state through it, on the node's loop). */
    ClusterNodeContext context() {
        return context;
    }
}
