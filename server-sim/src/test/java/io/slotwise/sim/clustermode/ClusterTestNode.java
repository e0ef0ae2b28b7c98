package io.slotwise.sim.clustermode;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.keyspace.KeySlot;
import io.slotwise.sim.keyspace.Keyspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A node in cluster mode for tests: loopback, port 0, its own directory, no writable delay, no cluster bus (by
 * default), and the data commands of {@link TestDataCommands}. Without a cluster bus, tests teach nodes about each other with {@link #learn} and
 * {@link #assign}, which change the state on the node's own event loop. Closing stops the node.
 */
final class ClusterTestNode implements AutoCloseable {
    private final SimNode node;
    private final ClusterModeModule module;
    private final String id;

    private ClusterTestNode(SimNode node, ClusterModeModule module) {
        this.node = node;
        this.module = module;
        this.id = onLoop(state -> state.myself().id());
    }

    /**
     * Starts a node.
     *
     * @param dir its directory (nodes.conf)
     * @param directives extra directives as name/value pairs
     * @return the node
     */
    static ClusterTestNode start(Path dir, String... directives) {
        return start(new ClusterModeModule().withWritableDelayMillis(0).withoutBus(), dir, directives);
    }

    /**
     * Starts a node with a given module.
     *
     * @param module the cluster-mode module
     * @param dir its directory (nodes.conf)
     * @param directives extra directives as name/value pairs
     * @return the node
     */
    static ClusterTestNode start(ClusterModeModule module, Path dir, String... directives) {
        return new ClusterTestNode(
                SimNode.builder(config(dir, directives))
                        .module(new TestDataCommands())
                        .module(module)
                        .start(),
                module);
    }

    /**
     * Returns the configuration of a cluster node in {@code dir} on an ephemeral port, with {@code
     * cluster-node-timeout 500} so that a master that was in the minority (as every fresh node is) reports ok within
     * half a second of getting its slots (Redis's rejoin delay is the node timeout, at least 500 ms).
     */
    static SimNodeConfig config(Path dir, String... directives) {
        SimNodeConfig config = SimNodeConfig.defaults()
                .with("port", "0")
                .with("cluster-enabled", "yes")
                .with("cluster-node-timeout", "500")
                .with("dir", dir.toString());
        for (int i = 0; i < directives.length; i += 2) {
            config = config.with(directives[i], directives[i + 1]);
        }
        return config;
    }

    SimNode node() {
        return node;
    }

    int port() {
        return node.port();
    }

    String id() {
        return id;
    }

    /** Opens a client connection; the caller closes it. */
    RespClient client() {
        return RespClient.connect(port());
    }

    /** Sends one command on a new connection and returns the reply's wire text. */
    String call(String... args) {
        try (RespClient client = client()) {
            return client.call(args);
        }
    }

    /**
     * Runs a function on the node's event loop with its cluster state, then does the follow-up work it requested.
     *
     * @param action the function
     * @param <T> its result type
     * @return its result
     */
    <T> T onLoop(Function<ClusterState, T> action) {
        try {
            return node.eventLoop()
                    .submit(() -> {
                        ClusterNodeContext cluster = module.context();
                        T result = action.apply(cluster.state());
                        cluster.flushPendingActions();
                        return result;
                    })
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("action on the node's loop failed", e);
        }
    }

    /**
     * Runs a function on the node's event loop with its keyspace.
     *
     * @param action the function
     * @param <T> its result type
     * @return its result
     */
    <T> T withKeyspace(Function<Keyspace, T> action) {
        try {
            return node.eventLoop()
                    .submit(() -> action.apply(module.context().keyspace()))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("action on the node's loop failed", e);
        }
    }

    /** Teaches this node about another one, a master at 127.0.0.1 without slots, as a completed handshake would. */
    void learn(ClusterTestNode other) {
        onLoop(state -> {
            ClusterNode peer = new ClusterNode(other.id(), "127.0.0.1", other.port(), 0);
            state.addNode(peer);
            state.setNodeAsMaster(peer);
            return null;
        });
    }

    /** Binds slots {@code from..to} to {@code owner} in this node's view. */
    void assign(ClusterTestNode owner, int from, int to) {
        onLoop(state -> {
            ClusterNode node = state.findNode(owner.id()).orElseThrow();
            for (int slot = from; slot <= to; slot++) {
                state.assignSlot(slot, node);
            }
            state.updateState();
            return null;
        });
    }

    /** Waits until the node's {@code cluster_state} is ok. */
    void awaitStateOk() {
        await(() -> onLoop(ClusterState::isOk), Duration.ofSeconds(5));
    }

    /**
     * Waits for a condition, polling every 10 ms.
     *
     * @param condition the condition
     * @param timeout how long to wait before failing
     */
    static void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Returns a key (with a hash tag) whose slot is in {@code [from, to]}, found by trying tags in turn. */
    static String keyInSlots(int from, int to, String suffix) {
        for (int i = 0; ; i++) {
            String tag = "t" + i;
            int slot = KeySlot.of(tag.getBytes(StandardCharsets.UTF_8));
            if (slot >= from && slot <= to) {
                return "{" + tag + "}" + suffix;
            }
        }
    }

    /** Returns the slot of a key. */
    static int slotOf(String key) {
        return KeySlot.of(key.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        node.close();
    }
}
