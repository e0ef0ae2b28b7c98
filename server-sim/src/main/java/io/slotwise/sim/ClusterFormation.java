package io.slotwise.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Forms a cluster out of fresh nodes the way {@code redis-cli --cluster create} does, over the nodes' client ports:
 * each primary gets its share of the slots with ADDSLOTSRANGE (redis-cli's split: primary {@code i} of {@code n} ends
 * at {@code round((i + 1) * 16384 / n) - 1}), every node gets SET-CONFIG-EPOCH 1..N, every node MEETs every other one
 * (redis-cli meets only the first node and lets gossip do the rest; the full mesh converges in one handshake), and
 * once every node knows every other one, each replica is told to REPLICATE its primary. Then it waits until the
 * cluster is {@linkplain #awaitHealthy healthy}.
 *
 * <p>With fast formation, every node broadcasts a PONG every {@value #NUDGE_MILLIS} ms while the formation waits, so
 * slots and roles spread at once instead of with the next regular PING (every {@code node-timeout / 2} per peer).
 */
final class ClusterFormation {
    private static final long POLL_MILLIS = 5;
    private static final long NUDGE_MILLIS = 20;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private static final String HEALTHY = "every node to report cluster_state:ok and agree on the cluster";

    private ClusterFormation() {}

    /**
     * Returns the slot range of primary {@code index} among {@code primaries}, split as redis-cli does.
     *
     * @param index the primary's index, from 0
     * @param primaries the number of primaries, at least 1
     * @return {@code {first, last}}
     */
    static int[] slotRange(int index, int primaries) {
        double perPrimary = 16384.0 / primaries;
        int first = index == 0 ? 0 : (int) Math.round(index * perPrimary - 1) + 1;
        int last = index == primaries - 1 ? 16383 : (int) Math.round((index + 1) * perPrimary - 1);
        return new int[] {first, Math.max(first, last)};
    }

    /**
     * Forms the cluster and waits until it is healthy.
     *
     * @param nodes the fresh nodes: the primaries first, then the replicas
     * @param primaries how many of them are primaries
     * @param masterOf for each node, the index of its primary ({@code -1} for a primary)
     * @param timeout the deadline for the whole formation
     * @param fast whether to spread configuration with PONG broadcasts while waiting
     * @throws IllegalStateException if a command fails or the cluster is not healthy in time
     */
    static void form(List<SimClusterNode> nodes, int primaries, int[] masterOf, Duration timeout, boolean fast) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<AdminConnection> admins = new ArrayList<>();
        try {
            for (SimClusterNode node : nodes) {
                admins.add(AdminConnection.open(node.address(), COMMAND_TIMEOUT));
            }
            for (int i = 0; i < primaries; i++) {
                int[] range = slotRange(i, primaries);
                admins.get(i).call("CLUSTER", "ADDSLOTSRANGE", Integer.toString(range[0]), Integer.toString(range[1]));
            }
            for (int i = 0; i < nodes.size(); i++) {
                admins.get(i).call("CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
            }
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    SimClusterNode other = nodes.get(j);
                    admins.get(i)
                            .call(
                                    "CLUSTER",
                                    "MEET",
                                    "127.0.0.1",
                                    Integer.toString(other.port()),
                                    Integer.toString(other.busPort()));
                }
            }
            Waiter waiter = new Waiter(nodes, deadline, fast);
            waiter.await(
                    "every node to know every other node",
                    () -> nodes.stream().allMatch(node -> knownNodes(node) == nodes.size()));
            for (int i = 0; i < nodes.size(); i++) {
                if (masterOf[i] >= 0) {
                    admins.get(i)
                            .call("CLUSTER", "REPLICATE", nodes.get(masterOf[i]).id());
                }
            }
        } catch (AdminConnection.ErrorReply e) {
            throw new IllegalStateException("forming the cluster failed: " + e.getMessage(), e);
        } finally {
            admins.forEach(AdminConnection::close);
        }
        new Waiter(nodes, deadline, fast).await(HEALTHY, () -> agree(nodes, nodes.size()));
    }

    /**
     * Waits until every given node reports {@code cluster_state:ok}, knows every node of the cluster, and shares one
     * view of every node's address, role and slots.
     *
     * @param nodes the running nodes
     * @param clusterSize how many nodes the cluster has, running or not
     * @param timeout the deadline
     * @throws IllegalStateException with every node's CLUSTER NODES if that does not happen in time
     */
    static void awaitHealthy(List<SimClusterNode> nodes, int clusterSize, Duration timeout) {
        new Waiter(nodes, System.nanoTime() + timeout.toNanos(), false).await(HEALTHY, () -> agree(nodes, clusterSize));
    }

    private static long knownNodes(SimClusterNode node) {
        return ClusterView.read(
                node.node(),
                state -> state.nodes().stream()
                        .filter(peer -> !peer.inHandshake())
                        .count());
    }

    private static boolean agree(List<SimClusterNode> nodes, int clusterSize) {
        String first = null;
        for (SimClusterNode node : nodes) {
            String signature = ClusterView.read(node.node(), ClusterView::signature);
            if (!signature.endsWith("ok=true") || signature.split("\n").length != clusterSize + 1) {
                return false;
            }
            if (first == null) {
                first = signature;
            } else if (!first.equals(signature)) {
                return false;
            }
        }
        return true;
    }

    /** Polls a condition until a deadline, nudging the nodes with PONG broadcasts if asked to. */
    private record Waiter(List<SimClusterNode> nodes, long deadline, boolean nudge) {
        void await(String what, BooleanSupplier condition) {
            long lastNudge = 0;
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(timeoutReport(what));
                }
                if (nudge && System.nanoTime() - lastNudge > NUDGE_MILLIS * 1_000_000) {
                    nodes.forEach(node -> ClusterView.broadcastPong(node.node()));
                    lastNudge = System.nanoTime();
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + what, e);
                }
            }
        }

        private String timeoutReport(String what) {
            StringBuilder views = new StringBuilder("timed out waiting for " + what);
            for (SimClusterNode node : nodes) {
                views.append("\n--- CLUSTER NODES of ").append(node).append('\n');
                views.append(ClusterView.clusterNodes(node.node()));
            }
            return views.toString();
        }
    }
}
