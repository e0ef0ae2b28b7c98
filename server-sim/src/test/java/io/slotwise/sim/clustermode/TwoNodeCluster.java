package io.slotwise.sim.clustermode;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two cluster nodes in one JVM without a cluster bus: each knows the other (as a completed handshake would leave it),
 * A owns slots 0-8191 and B 8192-16383 in both views, and both report {@code cluster_state:ok}. Closing stops both.
 */
final class TwoNodeCluster implements AutoCloseable {
    static final int SPLIT = 8192;

    final ClusterTestNode a;
    final ClusterTestNode b;

    private TwoNodeCluster(ClusterTestNode a, ClusterTestNode b) {
        this.a = a;
        this.b = b;
    }

    /**
     * Starts the pair.
     *
     * @param dir a directory for the nodes' subdirectories
     * @param directivesOfB extra directives for node B
     * @return the pair
     */
    static TwoNodeCluster start(Path dir, String... directivesOfB) throws Exception {
        ClusterTestNode a = ClusterTestNode.start(Files.createDirectories(dir.resolve("a")));
        ClusterTestNode b;
        try {
            b = ClusterTestNode.start(Files.createDirectories(dir.resolve("b")), directivesOfB);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        TwoNodeCluster cluster = new TwoNodeCluster(a, b);
        try {
            a.learn(b);
            b.learn(a);
            for (ClusterTestNode viewer : new ClusterTestNode[] {a, b}) {
                viewer.assign(a, 0, SPLIT - 1);
                viewer.assign(b, SPLIT, 16383);
            }
            a.awaitStateOk();
            b.awaitStateOk();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Returns a key owned by A. */
    static String keyOfA(String suffix) {
        return ClusterTestNode.keyInSlots(0, SPLIT - 1, suffix);
    }

    /** Returns a key owned by B. */
    static String keyOfB(String suffix) {
        return ClusterTestNode.keyInSlots(SPLIT, 16383, suffix);
    }

    @Override
    public void close() {
        try {
            a.close();
        } finally {
            b.close();
        }
    }
}
