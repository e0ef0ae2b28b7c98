package io.slotwise.sim;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.command.CommandTable;
import io.slotwise.sim.command.NodeServices;
import io.slotwise.sim.server.ClientRegistry;
import io.slotwise.sim.server.NodeStats;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state shared by everything in one node: configuration, clients, statistics, identity, services and handlers.
 * Implements {@link NodeServices} for handlers and {@link NodeSetup} for modules. Used on the node's event loop,
 * except during setup (before the node accepts connections) and for the volatile configuration.
 */
final class NodeRuntime implements NodeServices, NodeSetup {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventLoop loop;
    private final CommandTable table;
    private final CommandRegistry commands;
    private final ClientRegistry clients;
    private final NodeStats stats = new NodeStats();
    private final Map<Class<?>, Object> services = new HashMap<>();
    private final List<Supplier<? extends Future<?>>> closeActions = new ArrayList<>();
    private final List<Runnable> listeningActions = new ArrayList<>();
    private final String runId = randomHex();
    private final String replicationId = randomHex();
    private final long startedAtMillis = System.currentTimeMillis();
    private volatile SimNodeConfig config;
    private Runnable shutdown = () -> {};

    NodeRuntime(SimNodeConfig config, EventLoop loop, CommandTable table) {
        this.config = Objects.requireNonNull(config, "config");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.table = Objects.requireNonNull(table, "table");
        this.commands = new CommandRegistry(table);
        this.clients = new ClientRegistry(() -> this.config.requirePass().isPresent());
    }

    void onShutdown(Runnable action) {
        this.shutdown = action;
    }

    /** Runs the close actions on the event loop; returns the futures of the asynchronous ones. */
    List<Future<?>> runCloseActions() {
        List<Future<?>> pending = new ArrayList<>();
        for (Supplier<? extends Future<?>> action : closeActions) {
            try {
                Future<?> done = action.get();
                if (done != null) {
                    pending.add(done);
                }
            } catch (RuntimeException e) {
                LOG.warn("A close action of the node failed", e);
            }
        }
        return pending;
    }

    /** Runs the actions registered for when the node listens, on the event loop. */
    void runListeningActions() {
        for (Runnable action : listeningActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("A start-up action of the node failed", e);
            }
        }
    }

    @Override
    public SimNodeConfig config() {
        return config;
    }

    @Override
    public void updateConfig(SimNodeConfig updated) {
        this.config = Objects.requireNonNull(updated, "updated");
    }

    @Override
    public void rewriteConfig() throws IOException {
        ConfigRewriter.rewrite(config);
    }

    @Override
    public ClientRegistry clients() {
        return clients;
    }

    @Override
    public NodeStats stats() {
        return stats;
    }

    @Override
    public CommandTable commandTable() {
        return table;
    }

    @Override
    public EventLoop eventLoop() {
        return loop;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String replicationId() {
        return replicationId;
    }

    @Override
    public long processId() {
        return ProcessHandle.current().pid();
    }

    @Override
    public long startedAtMillis() {
        return startedAtMillis;
    }

    @Override
    public int port() {
        return config.port();
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }

    @Override
    public void shutdown() {
        shutdown.run();
    }

    @Override
    public CommandRegistry commands() {
        return commands;
    }

    @Override
    public NodeServices node() {
        return this;
    }

    @Override
    public <T> void provide(Class<T> type, T service) {
        Objects.requireNonNull(service, "service");
        if (services.putIfAbsent(type, type.cast(service)) != null) {
            throw new IllegalArgumentException("a " + type.getSimpleName() + " service was already provided");
        }
    }

    @Override
    public void onClose(Runnable action) {
        Objects.requireNonNull(action, "action");
        closeActions.add(() -> {
            action.run();
            return null;
        });
    }

    @Override
    public void onCloseAsync(Supplier<? extends Future<?>> action) {
        closeActions.add(Objects.requireNonNull(action, "action"));
    }

    @Override
    public void onListening(Runnable action) {
        listeningActions.add(Objects.requireNonNull(action, "action"));
    }

    private static String randomHex() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
