package io.slotwise.sim;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link SimCluster#readdress}: a node that comes back on new ports under the same node ID is learned at its new
 * address by every peer through the cluster bus, as Redis's peers learn it from the ports in its PING headers.
 */
class SimClusterReaddressTest {

    @Test
    void everyPeerShowsAReaddressedPrimaryAtItsNewAddressWithItsSlots() {
        try (SimCluster cluster = SimCluster.builder()
                .primaries(3)
                .nodeTimeout(Duration.ofMillis(1000))
                .start()) {
            SimClusterNode moved = cluster.nodes().get(1);
            String id = moved.id();
            int oldPort = moved.port();
            int oldBusPort = moved.busPort();

            InetSocketAddress address = cluster.readdress(moved);

            assertEquals(moved.port(), address.getPort());
            assertNotEquals(oldPort, moved.port());
            assertNotEquals(oldBusPort, moved.busPort());
            assertEquals(id, moved.id());
            assertEquals(bulk(id), call(moved, "CLUSTER", "MYID"), "nodes.conf kept the node ID");
            assertFalse(PortProbe.answersPing(oldPort), "nothing listens at the old address");
            cluster.awaitHealthy(Eventually.DEADLINE);
            String expected = id + " 127.0.0.1:" + moved.port() + "@" + moved.busPort() + " ";
            Eventually.until(
                    "every node to show the new address, connected",
                    () -> cluster.nodes().stream()
                            .map(viewer -> line(viewer, id))
                            .allMatch(line -> line.startsWith(expected) && line.endsWith(" connected 5461-10922")),
                    () -> cluster.nodes().stream()
                            .map(viewer -> line(viewer, id))
                            .toList()
                            .toString());
            for (SimClusterNode viewer : cluster.nodes()) {
                String slots = call(viewer, "CLUSTER", "SLOTS");
                assertTrue(
                        slots.contains(
                                ":5461\r\n:10922\r\n*4\r\n$9\r\n127.0.0.1\r\n:" + moved.port() + "\r\n$40\r\n" + id),
                        viewer + " answers CLUSTER SLOTS " + slots);
            }
            assertEquals(moved, cluster.primaryForSlot(5461).orElseThrow());
        }
    }

    @Test
    void aReplicaFollowsItsReaddressedPrimaryAndAnotherRestartKeepsTheNewPorts() {
        try (SimCluster cluster = SimCluster.builder()
                .primaries(3)
                .replicasPerPrimary(1)
                .nodeTimeout(Duration.ofMillis(2000))
                .start()) {
            SimClusterNode primary = cluster.nodes().get(0);
            SimClusterNode replica = cluster.nodes().get(3);
            cluster.readdress(primary);
            cluster.awaitHealthy(Eventually.DEADLINE);
            assertEquals(SimClusterNode.Role.PRIMARY, primary.role(), "no failover: it was back within the timeout");
            Eventually.until(
                    "the replica to follow the primary at its new port",
                    () -> info(replica).contains("master_port:" + primary.port() + "\r\n")
                            && info(replica).contains("master_link_status:up"));
            assertEquals(simple("OK"), call(primary, "SET", "{b}key", "after"));
            Eventually.until(
                    "the write to reach the replica",
                    () -> bulk("after").equals(callReadOnly(replica, "GET", "{b}key")));

            int newPort = primary.port();
            cluster.kill(primary);
            cluster.restart(primary);
            assertEquals(newPort, primary.port(), "a plain restart keeps the ports of the last readdress");
            cluster.awaitHealthy(Eventually.DEADLINE);
        }
    }

    private static String info(SimClusterNode node) {
        return textOf(call(node, "INFO", "replication"));
    }

    /** The line describing node {@code id} in {@code viewer}'s CLUSTER NODES. */
    private static String line(SimClusterNode viewer, String id) {
        for (String line : textOf(call(viewer, "CLUSTER", "NODES")).split("\n")) {
            if (line.startsWith(id + " ")) {
                return line;
            }
        }
        return "";
    }

    private static String callReadOnly(SimClusterNode node, String... args) {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("READONLY");
            return client.call(args);
        }
    }

    private static String call(SimClusterNode node, String... args) {
        try (RespClient client = RespClient.connect(node.port())) {
            return client.call(args);
        }
    }
}
