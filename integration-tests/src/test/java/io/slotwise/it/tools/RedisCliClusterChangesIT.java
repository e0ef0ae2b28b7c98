package io.slotwise.it.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.it.fixture.AdminConnection;
import io.slotwise.sim.SimCluster;
import io.slotwise.sim.SimClusterNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changes an in-JVM simulated cluster with redis-cli's cluster manager the way operators grow and shrink real ones:
 * add-node (as master and as replica), rebalance onto an empty master, del-node; each step leaves a cluster that
 * {@code redis-cli --cluster check} reports consistent.
 */
class RedisCliClusterChangesIT {

    private static final Duration CONVERGENCE = Duration.ofSeconds(20);

    /**
     * {@code cluster-node-timeout} of every node, 5 s instead of the simulator's 2 s default: the five in-JVM nodes
     * share the test's CPU, and on a loaded machine a node that misses its PONG deadline is marked FAIL, which redis-cli
     * sees as uncovered slots, so a one-shot step such as {@code rebalance} refuses to run. This test is about redis-cli's
     * cluster changes, not failure detection; 5 s still gossips every 2.5 s, so the waits below stay short.
     */
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(5);

    @BeforeAll
    static void requireRedisCli() {
        Assumptions.assumeTrue(RedisCli.available(), "redis-cli not found at " + RedisCli.BINARY + "; skipping");
    }

    @Test
    void addNodeRebalanceAddReplicaAndDelNodeEachLeaveAConsistentCluster() {
        try (SimCluster cluster = SimCluster.builder()
                        .primaries(3)
                        .nodeTimeout(NODE_TIMEOUT)
                        .start();
                SpareSimNode master = SpareSimNode.start(NODE_TIMEOUT.toMillis());
                SpareSimNode replica = SpareSimNode.start(NODE_TIMEOUT.toMillis())) {
            int seedPort = cluster.primaries().get(0).port();
            String seed = "127.0.0.1:" + seedPort;

            RedisCli.succeed("--cluster", "add-node", master.address(), seed);
            String masterId = myId(master.port());
            awaitEveryNodeShows(cluster, masterId, true);
            // Only now does the seed list the new master, so the check also compares the new master's own view,
            // which learns the other nodes' slots through gossip; rebalance refuses to run until they agree.
            RedisCli.awaitCheckOk(seedPort, CONVERGENCE);

            RedisCli.succeed("--cluster", "rebalance", seed, "--cluster-use-empty-masters", "--cluster-yes");
            RedisCli.awaitCheckOk(seedPort, CONVERGENCE);
            int owned = ownSlotCount(master.port());
            assertTrue(owned > 0, "the new master owns no slots after rebalance");

            RedisCli.succeed("--cluster", "add-node", replica.address(), seed, "--cluster-slave");
            RedisCli.awaitCheckOk(seedPort, CONVERGENCE);
            String replicaId = myId(replica.port());
            ClusterNodesLine replicaLine = ClusterNodesLine.fetch(replica.port()).stream()
                    .filter(ClusterNodesLine::isMyself)
                    .findFirst()
                    .orElseThrow();
            assertTrue(replicaLine.flags().contains("slave"), replicaLine::toString);
            // del-node sends CLUSTER FORGET to every other node, which answers "Unknown node" until gossip has
            // introduced the replica to it: an operator (and this test) waits for that, on Redis as here.
            awaitEveryNodeShows(cluster, replicaId, true);
            awaitNodeShows(master.port(), replicaId, true);

            RedisCli.succeed("--cluster", "del-node", seed, replicaId);
            RedisCli.awaitCheckOk(seedPort, CONVERGENCE);
            awaitEveryNodeShows(cluster, replicaId, false);
            assertFalse(
                    lists(master.port(), replicaId), "127.0.0.1:" + master.port() + " still lists the deleted node");
            // redis-cli 7.0 ends del-node with CLUSTER RESET SOFT on the deleted node: it forgets the cluster.
            List<ClusterNodesLine> deletedView = ClusterNodesLine.fetch(replica.port());
            assertEquals(1, deletedView.size(), deletedView::toString);
            assertTrue(deletedView.get(0).isMyself() && deletedView.get(0).isMaster(), deletedView::toString);
        }
    }

    /** Waits until every node of the cluster lists (or no longer lists) the node with {@code id}. */
    static void awaitEveryNodeShows(SimCluster cluster, String id, boolean present) {
        Waiting.until("every node " + (present ? "lists " : "forgot ") + id, CONVERGENCE, () -> {
            for (SimClusterNode node : cluster.nodes()) {
                boolean listed = ClusterNodesLine.fetch(node.port()).stream()
                        .anyMatch(line -> line.id().equals(id));
                if (listed != present) {
                    return Optional.of(node.address() + (present ? " does not list it" : " still lists it"));
                }
            }
            return Optional.empty();
        });
    }

    private static void awaitNodeShows(int port, String id, boolean present) {
        Waiting.until(
                "127.0.0.1:" + port + (present ? " lists " : " forgot ") + id,
                CONVERGENCE,
                () -> lists(port, id) == present
                        ? Optional.empty()
                        : Optional.of(present ? "not listed yet" : "still listed"));
    }

    private static boolean lists(int port, String id) {
        return ClusterNodesLine.fetch(port).stream().anyMatch(line -> line.id().equals(id));
    }

    static String myId(int port) {
        try (AdminConnection connection = AdminConnection.open(port, Duration.ofSeconds(5))) {
            return connection.text("CLUSTER", "MYID");
        }
    }

    private static int ownSlotCount(int port) {
        return ClusterNodesLine.fetch(port).stream()
                .filter(ClusterNodesLine::isMyself)
                .findFirst()
                .orElseThrow()
                .slotCount();
    }
}
