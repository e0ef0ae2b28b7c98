package io.slotwise.sim;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.slotwise.sim.bus.BusFaults;
import io.slotwise.sim.clustermode.ClusterModeModule;
import io.slotwise.sim.command.BuiltinCommands;
import io.slotwise.sim.command.CommandDispatcher;
import io.slotwise.sim.command.CommandTable;
import io.slotwise.sim.command.KeyGate;
import io.slotwise.sim.command.RedirectCheck;
import io.slotwise.sim.data.KeyspaceModule;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.pubsub.PubSubModule;
import io.slotwise.sim.replication.ReplicationModule;
import io.slotwise.sim.server.ClientFaults;
import io.slotwise.sim.server.NodeServer;
import io.slotwise.sim.tracking.TrackingModule;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated Redis 7.0 node, listening for clients.
 *
 * <p><b>Threading model.</b> A node is a single-threaded actor: its listener, every client connection, its timers and
 * all of its state (sessions, configuration updates, keyspace, cluster state) live on ONE netty {@link EventLoop}, so
 * nothing inside a node needs a lock. A node started with {@link #start(SimNodeConfig)} owns a one-thread event loop
 * group and shuts it down on {@link #close()}. A node built with {@link Builder#eventLoopGroup(EventLoopGroup)} pins
 * itself to one loop of a shared group ({@code group.next()}) and leaves the group running when closed, so an in-JVM
 * cluster of many nodes can share a few threads. Code outside the node reaches its state by submitting tasks to
 * {@link #eventLoop()}.
 *
 * <p>The public methods of this class are thread-safe. {@link #close()} is idempotent.
 */
public final class SimNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimNode.class);

    private final NodeRuntime runtime;
    private final NodeServer server;
    private final EventLoopGroup ownedGroup;
    private final NodeFaults faults;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private SimNode(NodeRuntime runtime, NodeServer server, EventLoopGroup ownedGroup, NodeFaults faults) {
        this.runtime = runtime;
        this.server = server;
        this.ownedGroup = ownedGroup;
        this.faults = faults;
    }

    /**
     * Starts a node on its own event loop with the built-in commands.
     *
     * @param config the configuration
     * @return the started node, accepting connections
     * @throws java.io.UncheckedIOException if it cannot listen, with Redis's message
     */
    public static SimNode start(SimNodeConfig config) {
        return builder(config).start();
    }

    /**
     * Begins building a node, to share an event loop group or to install modules.
     *
     * @param config the configuration
     * @return the builder
     */
    public static Builder builder(SimNodeConfig config) {
        return new Builder(config);
    }

    /** The node's command handlers, for tests of the command catalogue. */
    io.slotwise.sim.command.CommandRegistry commands() {
        return runtime.commands();
    }

    /** Returns the port clients connect to: the bound one when the configuration says 0. */
    public int port() {
        return runtime.port();
    }

    /** Returns the first address the node listens on. */
    public InetSocketAddress address() {
        return server.addresses().get(0);
    }

    /** Returns the current configuration, with {@code port} resolved and CONFIG SET changes applied. */
    public SimNodeConfig config() {
        return runtime.config();
    }

    /** Returns the event loop that runs the node. */
    public EventLoop eventLoop() {
        return runtime.eventLoop();
    }

    /**
     * Returns the node's fault injection (pause, latency, bus partitions), for tests. Thread-safe.
     *
     * @return the faults, never {@code null}
     */
    public NodeFaults faults() {
        return faults;
    }

    /**
     * Returns one of the node's services (its {@link io.slotwise.sim.cluster.ClusterState}, keyspace, ...); use it on
     * {@link #eventLoop()} only.
     */
    <T> Optional<T> service(Class<T> type) {
        return runtime.service(type);
    }

    /** Whether the node has not started closing. */
    public boolean isOpen() {
        return !closing.get();
    }

    /** Returns a future completed once the node is closed (its connections, and its event loop if it owns one). */
    public CompletableFuture<Void> whenClosed() {
        return closed;
    }

    /**
     * Starts closing the node: stops listening, closes every connection, runs the modules' close actions, then shuts
     * the event loop group down if the node owns it. Idempotent; safe on any thread, the event loop included.
     *
     * @return {@link #whenClosed()}
     */
    public CompletableFuture<Void> closeAsync() {
        if (!closing.compareAndSet(false, true)) {
            return closed;
        }
        try {
            runtime.eventLoop().execute(this::closeOnLoop);
        } catch (RejectedExecutionException e) {
            closed.complete(null);
        }
        return closed;
    }

    /**
     * Closes the node and waits until it is closed, unless called on its own event loop, where waiting would deadlock
     * (it then only starts closing).
     */
    @Override
    public void close() {
        closeAsync();
        if (!runtime.eventLoop().inEventLoop()) {
            closed.join();
        }
    }

    private void closeOnLoop() {
        List<ChannelFuture> channels = new ArrayList<>(server.closeListeners());
        channels.addAll(runtime.clients().closeAll());
        AtomicInteger remaining = new AtomicInteger(channels.size() + 1);
        Runnable oneClosed = () -> {
            if (remaining.decrementAndGet() == 0) {
                afterAll(runtime.runCloseActions(), this::releaseLoop);
            }
        };
        channels.forEach(channel -> channel.addListener(f -> oneClosed.run()));
        oneClosed.run();
    }

    /** Runs {@code then} once every future completed (at once if there is none). */
    private static void afterAll(List<? extends Future<?>> futures, Runnable then) {
        AtomicInteger remaining = new AtomicInteger(futures.size() + 1);
        Runnable oneDone = () -> {
            if (remaining.decrementAndGet() == 0) {
                then.run();
            }
        };
        futures.forEach(future -> future.addListener(f -> oneDone.run()));
        oneDone.run();
    }

    private void releaseLoop() {
        if (ownedGroup == null) {
            closed.complete(null);
        } else {
            ownedGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(f -> closed.complete(null));
        }
    }

    /** Builds and starts a node; not thread-safe, use once. */
    public static final class Builder {
        private static final long ABANDON_TIMEOUT_SECONDS = 5;

        private final SimNodeConfig config;
        private final List<NodeModule> modules = new ArrayList<>();
        private EventLoopGroup sharedGroup;
        private Keyspace keyspace = new Keyspace();

        private Builder(SimNodeConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Runs the node on one loop of a shared group instead of a group of its own; closing the node leaves the
         * group running.
         *
         * @param group a group of netty IO event loops (for example a {@link MultiThreadIoEventLoopGroup} with NIO)
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.sharedGroup = Objects.requireNonNull(group, "group");
            return this;
        }

        /**
         * Uses a given keyspace instead of a new, empty one on the system clock: for tests that control time or
         * preload data.
         *
         * @param keyspace the keyspace; confined to the node's event loop from now on
         * @return this builder
         */
        public Builder keyspace(Keyspace keyspace) {
            this.keyspace = Objects.requireNonNull(keyspace, "keyspace");
            return this;
        }

        /**
         * Adds a module, installed after the built-in commands and the keyspace in the order added. With {@code
         * cluster-enabled yes} a default {@link ClusterModeModule} is installed after the added modules unless one is
         * added here (to configure it, for example with a shorter writable delay for tests); otherwise {@link
         * ClusterModeModule#disabled()} makes every CLUSTER subcommand answer that cluster support is disabled. A
         * default {@link ReplicationModule} is installed likewise unless one is added here. The node's {@link
         * CommandDispatcher} becomes a service once built (replication applies its master's stream through it).
         *
         * @param module the module
         * @return this builder
         */
        public Builder module(NodeModule module) {
            modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        /**
         * Starts the node: installs the commands and modules, then binds the listener. Blocks until bound; must not be
         * called on an event loop of the group.
         *
         * @return the started node
         * @throws java.io.UncheckedIOException if it cannot listen, with Redis's message
         */
        public SimNode start() {
            EventLoopGroup owned = sharedGroup == null
                    ? new MultiThreadIoEventLoopGroup(
                            1, new DefaultThreadFactory("slotwise-node"), NioIoHandler.newFactory())
                    : null;
            EventLoop loop = (sharedGroup == null ? owned : sharedGroup).next();
            if (loop.inEventLoop()) {
                if (owned != null) {
                    owned.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                }
                throw new IllegalStateException("a node cannot be started from its own event loop");
            }
            NodeRuntime runtime = new NodeRuntime(config, loop, CommandTable.redis70());
            NodeServer server = null;
            try {
                BuiltinCommands.register(runtime.commands());
                runtime.provide(KeyGate.class, new KeyGate());
                new KeyspaceModule(keyspace).install(runtime);
                new PubSubModule().install(runtime);
                new TrackingModule().install(runtime);
                if (!config.clusterEnabled()) {
                    ClusterModeModule.disabled().install(runtime);
                }
                modules.forEach(module -> module.install(runtime));
                if (config.clusterEnabled() && modules.stream().noneMatch(ClusterModeModule.class::isInstance)) {
                    new ClusterModeModule().install(runtime);
                }
                if (modules.stream().noneMatch(ReplicationModule.class::isInstance)) {
                    new ReplicationModule().install(runtime);
                }
                CommandDispatcher dispatcher = new CommandDispatcher(
                        runtime.commands(),
                        runtime,
                        runtime.service(RedirectCheck.class).orElse(RedirectCheck.SERVE_ALL));
                runtime.provide(CommandDispatcher.class, dispatcher);
                ClientFaults clientFaults = new ClientFaults();
                server = new NodeServer(
                        loop,
                        runtime.clients(),
                        runtime.stats(),
                        dispatcher,
                        () -> runtime.config().protoMaxBulkLen(),
                        () -> runtime.config().requirePass().isPresent(),
                        clientFaults);
                int port = server.bind(config.bind(), config.port());
                runtime.updateConfig(runtime.config().with(ConfigDirective.PORT, Integer.toString(port)));
                loop.submit(runtime::runListeningActions).syncUninterruptibly();
                NodeFaults faults = new NodeFaults(
                        loop,
                        server,
                        clientFaults,
                        runtime.service(BusFaults.class).orElse(null),
                        dispatcher.loading());
                SimNode node = new SimNode(runtime, server, owned, faults);
                runtime.onShutdown(node::closeAsync);
                LOG.debug("Node listening on {} with {}", server.addresses(), runtime.config());
                return node;
            } catch (RuntimeException e) {
                abandon(runtime, server, owned);
                throw e;
            }
        }

        /**
         * Undoes a failed start: stops listening, runs the close actions of the modules installed so far (releasing
         * nodes.conf, closing a cluster bus) and shuts down an owned group.
         */
        private static void abandon(NodeRuntime runtime, NodeServer server, EventLoopGroup owned) {
            try {
                if (server != null) {
                    server.closeListeners();
                }
                Future<List<Future<?>>> closing = runtime.eventLoop().submit(runtime::runCloseActions);
                if (closing.awaitUninterruptibly(ABANDON_TIMEOUT_SECONDS, TimeUnit.SECONDS) && closing.isSuccess()) {
                    closing.getNow()
                            .forEach(done -> done.awaitUninterruptibly(ABANDON_TIMEOUT_SECONDS, TimeUnit.SECONDS));
                }
            } catch (RuntimeException suppressed) {
                LOG.warn("Cleaning up after a failed start failed", suppressed);
            } finally {
                if (owned != null) {
                    owned.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                }
            }
        }
    }
}
