package io.slotwise.sim.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.keyspace.KeySlot;
import io.slotwise.sim.keyspace.Keyspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Nodes of one cluster in one JVM without a cluster bus, each knowing all others: node 0 owns every slot, or nodes 0
 * and 1 split them (slots 0-8191 and 8192-16383) when two masters are asked for; the other nodes start as slot-less
 * masters for the test to turn into replicas with {@link #replicate}. Closing stops every node.
 */
final class ReplicatedCluster implements AutoCloseable {
    static final int SPLIT = 8192;

    private final List<ReplicationTestNode> nodes;

    private ReplicatedCluster(List<ReplicationTestNode> nodes) {
        this.nodes = nodes;
    }

    /**
     * Starts the nodes.
     *
     * @param dir a directory for the nodes' subdirectories
     * @param masters 1 or 2 masters owning the slots
     * @param specs one per node: its replication module and optional keyspace
     * @return the cluster, every node reporting {@code cluster_state:ok}
     */
    static ReplicatedCluster start(Path dir, int masters, NodeSpec... specs) {
        List<ReplicationTestNode> nodes = new ArrayList<>();
        ReplicatedCluster cluster = new ReplicatedCluster(nodes);
        try {
            for (int i = 0; i < specs.length; i++) {
                Path home = Files.createDirectories(dir.resolve("node" + i));
                nodes.add(ReplicationTestNode.start(home, specs[i].module(), specs[i].keyspace()));
            }
            for (ReplicationTestNode viewer : nodes) {
                for (ReplicationTestNode other : nodes) {
                    if (other != viewer) {
                        viewer.learn(other);
                    }
                }
                if (masters == 1) {
                    viewer.assign(nodes.get(0), 0, 16383);
                } else {
                    viewer.assign(nodes.get(0), 0, SPLIT - 1);
                    viewer.assign(nodes.get(1), SPLIT, 16383);
                }
            }
            for (ReplicationTestNode node : nodes) {
                ReplicationTestNode.await("cluster_state:ok", () -> node.inState(state -> state.isOk()));
            }
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** Starts the nodes with default replication modules and system-clock keyspaces. */
    static ReplicatedCluster start(Path dir, int masters, int count) {
        NodeSpec[] specs = new NodeSpec[count];
        for (int i = 0; i < count; i++) {
            specs[i] = NodeSpec.defaults();
        }
        return start(dir, masters, specs);
    }

    ReplicationTestNode node(int index) {
        return nodes.get(index);
    }

    /**
     * Makes {@code replica} replicate {@code master} with CLUSTER REPLICATE, lets every other node see it, and waits
     * until its link is up.
     */
    void replicate(ReplicationTestNode replica, ReplicationTestNode master) {
        assertEquals("+OK\r\n", replica.call("CLUSTER", "REPLICATE", master.id()));
        for (ReplicationTestNode viewer : nodes) {
            if (viewer != replica) {
                viewer.seeReplica(replica, master);
            }
        }
        replica.awaitLinkUp();
    }

    /** Returns a key whose slot node 0 owns (with a hash tag); with two masters, {@link #keyOfSecond} for node 1. */
    static String key(String suffix) {
        return keyInSlots(0, SPLIT - 1, suffix);
    }

    /** Returns a key whose slot node 1 owns when two masters split the slots. */
    static String keyOfSecond(String suffix) {
        return keyInSlots(SPLIT, 16383, suffix);
    }

    private static String keyInSlots(int from, int to, String suffix) {
        for (int i = 0; ; i++) {
            String tag = "t" + i;
            int slot = KeySlot.of(tag.getBytes(StandardCharsets.UTF_8));
            if (slot >= from && slot <= to) {
                return "{" + tag + "}" + suffix;
            }
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (ReplicationTestNode node : nodes) {
            try {
                node.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * How to start one node.
     *
     * @param module its replication module
     * @param keyspace its keyspace, or null for one on the system clock
     */
    record NodeSpec(ReplicationModule module, Keyspace keyspace) {
        static NodeSpec defaults() {
            return new NodeSpec(new ReplicationModule(), null);
        }
    }
}
