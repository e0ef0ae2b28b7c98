package io.slotwise.sim.replication;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.sim.NodeModule;
import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.command.AsyncCommandHandler;
import io.slotwise.sim.command.PropagationHook;
import io.slotwise.sim.command.ReplicationStatus;
import io.slotwise.sim.keyspace.Keyspace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a node replication; {@link io.slotwise.sim.SimNode.Builder} installs one with the defaults unless one is added
 * explicitly. It registers PSYNC, REPLCONF and WAIT, provides the {@link PropagationHook} through which the dispatcher
 * reports executed commands, the {@link ReplicationStatus} of INFO, ROLE and HELLO, and the {@link ReplicationControl}
 * through which cluster mode starts, re-points and stops replication, and runs a once-a-second timer (acknowledgements,
 * pings, following the cluster state). A node is a master until the cluster makes it a replica. A handler for one of
 * the three commands registered by a module installed earlier is kept (tests of the dispatcher stand one in for WAIT).
 *
 * <p>A module instance configures one node: install it once. Immutable until installed; the installed state lives on
 * the node's event loop. {@link #disconnectReplicas()} is safe on any thread.
 */
public final class ReplicationModule implements NodeModule {
    /** Redis's default {@code repl-backlog-size}: 1 MB. */
    public static final int DEFAULT_BACKLOG_SIZE = 1024 * 1024;

    /** How long a replica waits before it reconnects to its master the first time (Redis's cron: a second). */
    public static final long DEFAULT_RECONNECT_DELAY_MILLIS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationModule.class);
    private static final long TICK_MILLIS = 1_000;

    private final int backlogSize;
    private final long reconnectDelayMillis;
    private NodeReplication replication;
    private EventLoop loop;

    /** A module with Redis's defaults. */
    public ReplicationModule() {
        this(DEFAULT_BACKLOG_SIZE, DEFAULT_RECONNECT_DELAY_MILLIS);
    }

    private ReplicationModule(int backlogSize, long reconnectDelayMillis) {
        this.backlogSize = backlogSize;
        this.reconnectDelayMillis = reconnectDelayMillis;
    }

    /**
     * Returns a module whose backlog keeps a given number of bytes (Redis's {@code repl-backlog-size}).
     *
     * @param bytes the size, positive
     * @return a new, not yet installed module
     * @throws IllegalArgumentException if not positive
     */
    public ReplicationModule withBacklogSize(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("backlog size must be positive: " + bytes);
        }
        return new ReplicationModule(bytes, reconnectDelayMillis);
    }

    /**
     * Returns a module whose replica waits a given time before reconnecting to its master the first time after a
     * failure (doubled per further failure, at most five seconds).
     *
     * @param millis the delay, positive
     * @return a new, not yet installed module
     * @throws IllegalArgumentException if not positive
     */
    public ReplicationModule withReconnectDelayMillis(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("reconnect delay must be positive: " + millis);
        }
        return new ReplicationModule(backlogSize, millis);
    }

    /**
     * Installs replication.
     *
     * @param setup the node being built; must have a {@link Keyspace} service
     * @throws IllegalStateException if already installed or the node has no keyspace
     */
    @Override
    public void install(NodeSetup setup) {
        if (replication != null) {
            throw new IllegalStateException("a ReplicationModule configures one node");
        }
        Keyspace keyspace = setup.node()
                .service(Keyspace.class)
                .orElseThrow(() -> new IllegalStateException("replication needs the node's keyspace"));
        NodeReplication installed = new NodeReplication(setup.node(), keyspace, backlogSize, reconnectDelayMillis);
        keyspace.addListener(installed.propagator());
        setup.provide(PropagationHook.class, installed.propagator());
        setup.provide(ReplicationStatus.class, new ReplicationInfo(installed));
        setup.provide(ReplicationControl.class, installed);
        registerUnlessPresent(setup, "psync", ctx -> PsyncCommand.handle(ctx, installed));
        registerUnlessPresent(setup, "replconf", ctx -> ReplconfCommand.handle(ctx, installed));
        registerUnlessPresent(setup, "wait", ctx -> WaitCommand.handle(ctx, installed));
        ScheduledFuture<?> timer = setup.eventLoop()
                .scheduleAtFixedRate(() -> tick(installed), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        setup.onClose(() -> {
            timer.cancel(false);
            installed.close();
        });
        this.loop = setup.eventLoop();
        this.replication = installed;
    }

    /**
     * Closes the connection of every replica of this master, as {@code CLIENT KILL TYPE replica} does in Redis; the
     * replicas reconnect and continue from the backlog when it still holds what they miss.
     *
     * @return how many connections were closed, once they are being closed (at once when called on the node's event
     *     loop, so that what the same task does next is missed by the replicas)
     * @throws IllegalStateException if the module is not installed
     */
    public CompletableFuture<Integer> disconnectReplicas() {
        if (replication == null) {
            throw new IllegalStateException("the module is not installed");
        }
        if (loop.inEventLoop()) {
            return CompletableFuture.completedFuture(replication.disconnectReplicas());
        }
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        loop.execute(() -> closed.complete(replication.disconnectReplicas()));
        return closed;
    }

    private static void registerUnlessPresent(NodeSetup setup, String name, AsyncCommandHandler handler) {
        if (!setup.commands().isRegistered(name)) {
            setup.commands().registerAsync(name, handler);
        }
    }

    private static void tick(NodeReplication replication) {
        try {
            replication.tick();
        } catch (RuntimeException e) {
            LOG.error("Replication timer tick failed", e);
        }
    }
}
