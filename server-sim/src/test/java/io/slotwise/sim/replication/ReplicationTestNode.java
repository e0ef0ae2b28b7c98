package io.slotwise.sim.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.clustermode.ClusterModeModule;
import io.slotwise.sim.command.NodeServices;
import io.slotwise.sim.keyspace.Keyspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A cluster-mode node for replication tests: loopback, port 0, its own directory, no writable delay, a {@link
 * ReplicationModule} the test can keep, optionally a keyspace on a test clock. Without a cluster bus, tests teach nodes
 * about each other through their cluster state on the node's event loop; the cluster timer does the follow-up work
 * within 100 ms. Closing stops the node.
 */
final class ReplicationTestNode implements AutoCloseable {
    private final SimNode node;
    private final ReplicationModule replication;
    private final NodeServices services;
    private final String id;

    private ReplicationTestNode(SimNode node, ReplicationModule replication, NodeServices services) {
        this.node = node;
        this.replication = replication;
        this.services = services;
        this.id = inState(state -> state.myself().id());
    }

    /**
     * Starts a node.
     *
     * @param dir its directory
     * @param replication its replication module
     * @param keyspace its keyspace, or null for one on the system clock
     * @return the node
     */
    static ReplicationTestNode start(Path dir, ReplicationModule replication, Keyspace keyspace) {
        SimNodeConfig config = SimNodeConfig.defaults()
                .with("port", "0")
                .with("cluster-enabled", "yes")
                .with("cluster-node-timeout", "500")
                .with("dir", dir.toString());
        AtomicReference<NodeServices> services = new AtomicReference<>();
        SimNode.Builder builder = SimNode.builder(config)
                .module(setup -> services.set(setup.node()))
                .module(new ClusterModeModule().withWritableDelayMillis(0).withoutBus())
                .module(replication);
        if (keyspace != null) {
            builder.keyspace(keyspace);
        }
        return new ReplicationTestNode(builder.start(), replication, services.get());
    }

    ReplicationModule replication() {
        return replication;
    }

    int port() {
        return node.port();
    }

    String id() {
        return id;
    }

    /** Runs a function on the node's event loop with its services and returns its result. */
    <T> T onLoop(Function<NodeServices, T> action) {
        try {
            return node.eventLoop().submit(() -> action.apply(services)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("action on the node's loop failed", e);
        }
    }

    /** Runs a function on the node's event loop with its cluster state. */
    <T> T inState(Function<ClusterState, T> action) {
        return onLoop(node -> action.apply(node.service(ClusterState.class).orElseThrow()));
    }

    /** Runs a function on the node's event loop with its keyspace. */
    <T> T inKeyspace(Function<Keyspace, T> action) {
        return onLoop(node -> action.apply(node.service(Keyspace.class).orElseThrow()));
    }

    /** Opens a client; the caller closes it. */
    RespClient client() {
        return RespClient.connect(port());
    }

    /** Sends one command on a new connection and returns the reply's wire text. */
    String call(String... args) {
        try (RespClient client = client()) {
            return client.call(args);
        }
    }

    /** Sends one command on a new READONLY connection (so a replica serves reads of its master's slots). */
    String read(String... args) {
        try (RespClient client = client()) {
            assertEquals("+OK\r\n", client.call("READONLY"));
            return client.call(args);
        }
    }

    /** Returns one field of INFO replication, or null if absent. */
    String info(String field) {
        String text = call("INFO", "replication");
        for (String line : text.split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    /** Teaches this node about another one, a master at 127.0.0.1 without slots. */
    void learn(ReplicationTestNode other) {
        inState(state -> {
            ClusterNode peer = new ClusterNode(other.id(), "127.0.0.1", other.port(), 0);
            state.addNode(peer);
            state.setNodeAsMaster(peer);
            return null;
        });
    }

    /** Binds slots {@code from..to} to {@code owner} in this node's view. */
    void assign(ReplicationTestNode owner, int from, int to) {
        inState(state -> {
            ClusterNode node = state.findNode(owner.id()).orElseThrow();
            for (int slot = from; slot <= to; slot++) {
                state.assignSlot(slot, node);
            }
            state.updateState();
            return null;
        });
    }

    /** Records in this node's view that {@code replica} replicates {@code master} (as the bus would tell it). */
    void seeReplica(ReplicationTestNode replica, ReplicationTestNode master) {
        inState(state -> {
            state.setPeerAsReplicaOf(
                    state.findNode(replica.id()).orElseThrow(),
                    state.findNode(master.id()).orElseThrow());
            return null;
        });
    }

    /** Waits until the replication link is up. */
    void awaitLinkUp() {
        await("link up on " + port(), () -> "up".equals(info("master_link_status")));
    }

    /**
     * Waits for a condition, polling every 10 ms, for at most ten seconds.
     *
     * @param what what is awaited, for the failure message
     * @param condition the condition
     */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
