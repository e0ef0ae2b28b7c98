package io.slotwise.sim;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.keyspace.KeySlot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Redis 7.0's replica election and failover in a running {@link SimCluster}, observed the way a client or redis-cli
 * observes it: a failed primary (killed or hung) is replaced by its replica, the cluster recovers and agrees, and the
 * old primary comes back as a replica of the new one; CLUSTER FAILOVER in its three modes.
 */
class SimClusterFailoverTest {
    private static final Duration NODE_TIMEOUT = Duration.ofMillis(500);
    private static final int KEYS = 50;
    /** Longer than the slowest automatic election after FAIL (1 s delay, plus the 100 ms cron). */
    private static final Duration NO_FAILOVER_WINDOW = Duration.ofMillis(1_500);

    private static SimCluster start(int replicasPerPrimary) {
        return SimCluster.builder()
                .primaries(3)
                .replicasPerPrimary(replicasPerPrimary)
                .nodeTimeout(NODE_TIMEOUT)
                .start();
    }

    @Test
    void killedPrimaryIsReplacedByItsReplicaAndRejoinsAsItsReplica() {
        try (SimCluster cluster = start(1)) {
            SimClusterNode victim = cluster.nodes().get(0);
            SimClusterNode replica = cluster.nodes().get(3);
            List<String> keys = writeAcknowledged(victim, "killed");
            long epochBefore = currentEpoch(replica);

            cluster.kill(victim);
            assertTrue(
                    List.of(victim, replica).contains(cluster.slotOwner(0).orElseThrow()),
                    "until the promotion the dead primary owns its slots, as every node still says");

            awaitOwner(cluster, 0, replica);
            assertEquals(replica, cluster.slotOwner(0).orElseThrow());
            cluster.awaitHealthy(Eventually.DEADLINE);
            assertTrue(currentEpoch(replica) > epochBefore, "the election bumps the current epoch");
            assertEquals(SimClusterNode.Role.PRIMARY, replica.role());
            assertKeysServedBy(replica, keys);
            assertTrue(line(cluster.nodes().get(1), replica).contains(" master - "), "the others see a master");

            cluster.restart(victim);
            Eventually.until(
                    "the restarted primary to become a replica of the promoted one",
                    () -> line(victim, victim).contains(" myself,slave " + replica.id() + " "),
                    () -> textOf(call(victim, "CLUSTER", "NODES")));
            cluster.awaitHealthy(Eventually.DEADLINE);
            assertEquals(SimClusterNode.Role.REPLICA, victim.role());
            Eventually.until("the old primary to resynchronise from the new one", () -> {
                String replication = textOf(call(victim, "INFO", "replication"));
                return replication.contains("master_link_status:up")
                        && replication.contains("master_port:" + replica.port());
            });
        }
    }

    @Test
    void hungPrimaryIsReplacedAndTurnsIntoAReplicaWhenItRunsAgain() {
        try (SimCluster cluster = start(1)) {
            SimClusterNode victim = cluster.nodes().get(1);
            SimClusterNode replica = cluster.nodes().get(4);
            List<String> keys = writeAcknowledged(victim, "hung");

            cluster.pause(victim);
            try {
                awaitOwner(cluster, 5461, replica);
            } finally {
                cluster.resume(victim);
            }

            cluster.awaitHealthy(Eventually.DEADLINE);
            assertEquals(SimClusterNode.Role.REPLICA, victim.role());
            assertTrue(line(victim, victim).contains(" myself,slave " + replica.id() + " "));
            assertKeysServedBy(replica, keys);
        }
    }

    @Test
    void manualFailoverLosesNoAcknowledgedWriteAndSwapsTheRoles() {
        try (SimCluster cluster = start(1)) {
            SimClusterNode master = cluster.nodes().get(2);
            SimClusterNode replica = cluster.nodes().get(5);
            List<String> keys = writeAcknowledged(master, "manual");

            assertEquals(simple("OK"), call(replica, "CLUSTER", "FAILOVER"));

            awaitOwner(cluster, 10923, replica);
            Eventually.until(
                    "the old master to follow the new one",
                    () -> line(master, master).contains(" myself,slave " + replica.id() + " "));
            cluster.awaitHealthy(Eventually.DEADLINE);
            assertKeysServedBy(replica, keys);
            assertTrue(textOf(call(replica, "CLUSTER", "INFO")).contains("cluster_stats_messages_mfstart_sent:1"));
            try (RespClient client = RespClient.connect(master.port())) {
                String reply = client.call("SET", keys.get(0), "after");
                assertTrue(
                        reply.startsWith("-MOVED ") && reply.contains(":" + replica.port()),
                        "the old master redirects writes to the new one: " + reply);
            }
        }
    }

    @Test
    void forcedFailoverHoldsAnElectionWhileTheMasterIsUp() {
        try (SimCluster cluster = start(1)) {
            SimClusterNode master = cluster.nodes().get(0);
            SimClusterNode replica = cluster.nodes().get(3);

            assertEquals(simple("OK"), call(replica, "CLUSTER", "FAILOVER", "FORCE"));

            awaitOwner(cluster, 0, replica);
            cluster.awaitHealthy(Eventually.DEADLINE);
            String info = textOf(call(replica, "CLUSTER", "INFO"));
            assertTrue(info.contains("cluster_stats_messages_auth-req_sent:"), info);
            assertTrue(info.contains("cluster_stats_messages_auth-ack_received:"), info);
            assertEquals(SimClusterNode.Role.REPLICA, master.role());
        }
    }

    @Test
    void takeoverPromotesWithoutAnElection() {
        try (SimCluster cluster = start(1)) {
            SimClusterNode master = cluster.nodes().get(1);
            SimClusterNode replica = cluster.nodes().get(4);
            long maxEpoch = currentEpoch(master);

            assertEquals(simple("OK"), call(replica, "CLUSTER", "FAILOVER", "TAKEOVER"));

            awaitOwner(cluster, 5461, replica);
            cluster.awaitHealthy(Eventually.DEADLINE);
            String info = textOf(call(replica, "CLUSTER", "INFO"));
            assertFalse(info.contains("auth-req"), info);
            assertTrue(info.contains("cluster_my_epoch:" + (maxEpoch + 1) + "\r\n"), info);
            assertEquals(SimClusterNode.Role.REPLICA, master.role());
        }
    }

    @Test
    void onlyOneOfTwoReplicasOfAFailedPrimaryIsPromoted() {
        try (SimCluster cluster = start(2)) {
            SimClusterNode victim = cluster.nodes().get(0);
            List<SimClusterNode> replicas =
                    List.of(cluster.nodes().get(3), cluster.nodes().get(6));

            cluster.kill(victim);

            Eventually.until(
                    "one replica to serve the failed primary's slots",
                    () -> cluster.primaryForSlot(0).filter(replicas::contains).isPresent());
            cluster.awaitHealthy(Eventually.DEADLINE);
            SimClusterNode winner = cluster.primaryForSlot(0).orElseThrow();
            SimClusterNode loser = replicas.get(0) == winner ? replicas.get(1) : replicas.get(0);
            assertEquals(SimClusterNode.Role.REPLICA, loser.role());
            assertTrue(line(loser, loser).contains(" myself,slave " + winner.id() + " "), line(loser, loser));
            assertEquals(
                    3,
                    cluster.primaries().stream()
                            .filter(SimClusterNode::isRunning)
                            .count());
        }
    }

    @Test
    void replicaWithNoFailoverStaysAReplicaWhileItsMasterIsDown() {
        try (SimCluster cluster = start(1)) {
            SimClusterNode victim = cluster.nodes().get(2);
            SimClusterNode replica = cluster.nodes().get(5);
            assertEquals(simple("OK"), call(replica, "CONFIG", "SET", "cluster-replica-no-failover", "yes"));
            Eventually.until(
                    "the others to see the replica's nofailover flag",
                    () -> line(cluster.nodes().get(0), replica).contains(",nofailover "));

            cluster.kill(victim);
            Eventually.until(
                    "the replica to see its master fail",
                    () -> line(replica, victim).contains(" master,fail "));

            long watchUntil = System.nanoTime() + NO_FAILOVER_WINDOW.toNanos();
            while (System.nanoTime() < watchUntil) {
                assertEquals(SimClusterNode.Role.REPLICA, replica.role(), "promoted despite nofailover");
            }
            assertFalse(textOf(call(replica, "CLUSTER", "INFO")).contains("auth-req"));

            assertEquals(simple("OK"), call(replica, "CLUSTER", "FAILOVER", "FORCE"));
            awaitOwner(cluster, 10923, replica);
            cluster.awaitHealthy(Eventually.DEADLINE);
        }
    }

    /** Writes keys of the master's first slot range and waits until its replica acknowledged them (WAIT 1). */
    private static List<String> writeAcknowledged(SimClusterNode master, String prefix) {
        int firstSlot = firstSlot(master);
        List<String> keys = new ArrayList<>();
        for (int i = 0; keys.size() < KEYS; i++) {
            String key = prefix + ":" + i;
            int slot = KeySlot.of(key.getBytes(StandardCharsets.UTF_8));
            if (slot >= firstSlot && slot < firstSlot + 5461) {
                keys.add(key);
            }
        }
        try (RespClient client = RespClient.connect(master.port())) {
            for (String key : keys) {
                assertEquals(simple("OK"), client.call("SET", key, "value:" + key));
            }
            assertEquals(integer(1), client.call("WAIT", "1", "5000"));
        }
        return keys;
    }

    private static int firstSlot(SimClusterNode master) {
        String own = line(master, master);
        String ranges = own.substring(own.indexOf(" connected ") + " connected ".length());
        return Integer.parseInt(ranges.split("[- ]")[0]);
    }

    private static void assertKeysServedBy(SimClusterNode node, List<String> keys) {
        try (RespClient client = RespClient.connect(node.port())) {
            for (String key : keys) {
                assertEquals(bulk("value:" + key), client.call("GET", key), key);
            }
        }
    }

    private static void awaitOwner(SimCluster cluster, int slot, SimClusterNode owner) {
        Eventually.until(
                owner + " to serve slot " + slot + " in every running node's view",
                () -> cluster.primaryForSlot(slot).orElse(null) == owner
                        && answering(cluster).allMatch(node -> ownerSeenBy(node, slot, owner)),
                () -> views(cluster));
    }

    private static boolean ownerSeenBy(SimClusterNode viewer, int slot, SimClusterNode owner) {
        String reply = call(viewer, "CLUSTER", "SLOTS");
        return reply.contains(owner.id()) && line(viewer, owner).contains(" " + slot + "-");
    }

    private static String views(SimCluster cluster) {
        StringBuilder text = new StringBuilder();
        Consumer<SimClusterNode> append =
                node -> text.append("--- ").append(node).append('\n').append(textOf(call(node, "CLUSTER", "NODES")));
        answering(cluster).forEach(append);
        return text.toString();
    }

    /** The nodes that run and are not paused. */
    private static Stream<SimClusterNode> answering(SimCluster cluster) {
        return cluster.nodes().stream()
                .filter(SimClusterNode::isRunning)
                .filter(node -> !node.node().faults().isPaused());
    }

    private static long currentEpoch(SimClusterNode node) {
        for (String line : textOf(call(node, "CLUSTER", "INFO")).split("\r\n")) {
            if (line.startsWith("cluster_current_epoch:")) {
                return Long.parseLong(line.substring("cluster_current_epoch:".length()));
            }
        }
        throw new IllegalStateException("no cluster_current_epoch");
    }

    /** The line describing {@code subject} in {@code viewer}'s CLUSTER NODES. */
    private static String line(SimClusterNode viewer, SimClusterNode subject) {
        for (String line : textOf(call(viewer, "CLUSTER", "NODES")).split("\n")) {
            if (line.startsWith(subject.id() + " ")) {
                return line;
            }
        }
        return "";
    }

    private static String call(SimClusterNode node, String... args) {
        try (RespClient client = RespClient.connect(node.port())) {
            return client.call(args);
        }
    }
}
