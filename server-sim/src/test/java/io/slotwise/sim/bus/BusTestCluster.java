package io.slotwise.sim.bus;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.slotwise.sim.cluster.ClusterConfig;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.LinkState;
import io.slotwise.sim.cluster.SlotAssignmentCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A cluster of {@link BusTestNode}s sharing one small event-loop group (each node on a single loop), on loopback
 * ephemeral ports. Closing it closes every bus and shuts the group down.
 */
final class BusTestCluster implements AutoCloseable {

    /** Generous deadline for convergence on a loaded two-core machine. */
    static final Duration CONVERGENCE = Duration.ofSeconds(10);

    private static final int FIRST_CLIENT_PORT = 30001;

    private final EventLoopGroup group;
    private final List<BusTestNode> nodes = new ArrayList<>();

    private BusTestCluster(EventLoopGroup group) {
        this.group = group;
    }

    /** Starts {@code count} fresh nodes that do not know each other yet. */
    static BusTestCluster start(int count, long nodeTimeoutMillis) throws Exception {
        BusTestCluster cluster = new BusTestCluster(new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory()));
        ClusterConfig config = ClusterConfig.defaults()
                .withNodeTimeoutMillis(nodeTimeoutMillis)
                .withWritableDelayMillis(0);
        try {
            for (int i = 0; i < count; i++) {
                cluster.nodes.add(BusTestNode.start(cluster.group.next(), config, FIRST_CLIENT_PORT + i, 1_000L + i));
            }
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Starts {@code count} nodes, meets them all from node 0 and waits for the full mesh. */
    static BusTestCluster startMeshed(int count, long nodeTimeoutMillis) throws Exception {
        BusTestCluster cluster = start(count, nodeTimeoutMillis);
        try {
            for (int i = 1; i < count; i++) {
                cluster.node(0).meet(cluster.node(i));
            }
            cluster.awaitFullMesh();
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    BusTestNode node(int index) {
        return nodes.get(index);
    }

    List<BusTestNode> nodes() {
        return nodes;
    }

    Set<String> ids() {
        Set<String> ids = new HashSet<>();
        nodes.forEach(node -> ids.add(node.id()));
        return ids;
    }

    /** Waits until every node knows every node by its real ID, with an IP, over a connected outbound link. */
    Duration awaitFullMesh() {
        return awaitAll("a full mesh", this::meshedAt);
    }

    private boolean meshedAt(BusTestNode node) {
        Set<String> expected = ids();
        return node.read(state -> {
            Set<String> known = new HashSet<>();
            for (ClusterNode peer : state.nodes()) {
                if (peer.inHandshake() || peer.ip().isEmpty() || peer.linkState() != LinkState.CONNECTED) {
                    return false;
                }
                known.add(peer.id());
            }
            return known.equals(expected);
        });
    }

    /**
     * Gives node {@code i} (for {@code i < masters}) an equal share of the slots, the last one taking the rest, and
     * broadcasts a PONG from each so the tests need not wait for the next regular PING.
     */
    void assignSlotsEvenly(int masters) {
        int share = 16384 / masters;
        for (int i = 0; i < masters; i++) {
            int first = i * share;
            int last = i == masters - 1 ? 16383 : first + share - 1;
            BusTestNode master = node(i);
            master.change(state -> {
                SlotAssignmentCommands.addSlotsRange(state, List.of(Integer.toString(first), Integer.toString(last)));
                master.bus.broadcastPong();
            });
        }
    }

    /** Waits until every node has the same slot table as node 0, with every slot assigned. */
    void awaitSlotsAgree() {
        awaitAll("every node to agree on every slot's owner", node -> {
            List<String> owners = node.slotOwners();
            return !owners.contains(null) && owners.equals(node(0).slotOwners());
        });
    }

    /** Waits until a predicate holds on every node. */
    Duration awaitAll(String what, Predicate<BusTestNode> condition) {
        return awaitNodes(what, nodes, condition);
    }

    /** Waits until a predicate holds on each of the given nodes. */
    Duration awaitNodes(String what, List<BusTestNode> subset, Predicate<BusTestNode> condition) {
        return Await.until(CONVERGENCE, what, () -> subset.stream().allMatch(condition), this::diagnostics);
    }

    /** CLUSTER NODES of every running node. */
    String diagnostics() {
        StringBuilder out = new StringBuilder();
        for (BusTestNode node : nodes) {
            out.append("--- seen from ").append(node.id()).append('\n');
            try {
                out.append(node.clusterNodes());
            } catch (AssertionError e) {
                out.append("(not answering)\n");
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (BusTestNode node : nodes) {
            node.closeBus().await(5, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
}
