package io.slotwise.sim;

import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Starting, forming and closing a {@link SimCluster}. */
class SimClusterFormationTest {

    @Test
    void threePrimariesWithOneReplicaEachFormQuicklyAndEveryNodeAgrees() {
        try (SimCluster cluster =
                SimCluster.builder().primaries(3).replicasPerPrimary(1).start()) {
            System.out.println("A 3x1 SimCluster started and formed in "
                    + cluster.startTime().toMillis() + " ms");
            assertTrue(cluster.startTime().compareTo(Duration.ofSeconds(5)) < 0, "formed in " + cluster.startTime());
            assertEquals(6, cluster.nodes().size());
            assertEquals(cluster.nodes().subList(0, 3), cluster.primaries());
            assertEquals(cluster.nodes().subList(3, 6), cluster.replicas());
            assertEquals(cluster.nodes().stream().map(SimClusterNode::address).toList(), cluster.seeds());
            String slots = null;
            for (SimClusterNode node : cluster.nodes()) {
                try (RespClient client = RespClient.connect(node.port())) {
                    assertTrue(textOf(client.call("CLUSTER", "INFO")).startsWith("cluster_state:ok\r\n"));
                    assertNodesLines(cluster, node, textOf(client.call("CLUSTER", "NODES")));
                    String answer = client.call("CLUSTER", "SLOTS");
                    assertTrue(slots == null || slots.equals(answer), "CLUSTER SLOTS differs on " + node);
                    slots = answer;
                }
            }
            // Replicas appear in CLUSTER SLOTS only once they have a replication offset (replication's concern).
            assertTrue(
                    slots.startsWith("*3\r\n*")
                            && slots.contains(":0\r\n:5460\r\n")
                            && slots.contains(":5461\r\n:10922\r\n")
                            && slots.contains(":10923\r\n:16383\r\n"),
                    slots);
        }
    }

    /** Every node lists all six, itself as myself, each with its real ports, role and slots. */
    private static void assertNodesLines(SimCluster cluster, SimClusterNode viewer, String nodes) {
        List<String> lines = Arrays.asList(nodes.split("\n"));
        assertEquals(6, lines.size(), nodes);
        for (SimClusterNode node : cluster.nodes()) {
            String line = lines.stream()
                    .filter(l -> l.startsWith(node.id() + " "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(node + " missing in\n" + nodes));
            String[] fields = line.split(" ");
            assertEquals("127.0.0.1:" + node.port() + "@" + node.busPort(), fields[1], line);
            assertEquals(node == viewer, fields[2].startsWith("myself,"), line);
            assertEquals("connected", fields[7], line);
            if (node.index() < 3) {
                int[] range = ClusterFormation.slotRange(node.index(), 3);
                assertTrue(fields[2].endsWith("master") && fields[8].equals(range[0] + "-" + range[1]), line);
            } else {
                SimClusterNode primary = cluster.nodes().get(node.index() - 3);
                assertTrue(fields[2].endsWith("slave") && fields[3].equals(primary.id()), line);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 16})
    void slotsAreSplitLikeRedisCliContiguouslyAndCompletely(int primaries) {
        int expectedNext = 0;
        double share = 16384.0 / primaries;
        for (int i = 0; i < primaries; i++) {
            int[] range = ClusterFormation.slotRange(i, primaries);
            assertEquals(expectedNext, range[0]);
            int redisCliLast = i == primaries - 1 ? 16383 : (int) Math.round(share * i + share - 1);
            assertEquals(redisCliLast, range[1], "primary " + i);
            expectedNext = range[1] + 1;
        }
        assertEquals(16384, expectedNext);
        assertArrayEquals(new int[] {5461, 10922}, ClusterFormation.slotRange(1, 3), "redis-cli's 3-master split");
    }

    @Test
    void closeStopsEveryNodeFreesThePortsAndRemovesTheTemporaryDirectory() {
        SimCluster cluster = SimCluster.builder().primaries(3).start();
        Path dir = cluster.directory();
        List<SimNode> nodes = new ArrayList<>();
        cluster.nodes().forEach(node -> nodes.add(node.node()));
        assertTrue(Files.exists(dir.resolve("node-0").resolve("nodes.conf")));
        cluster.close();
        cluster.close();
        assertFalse(Files.exists(dir), "temporary directory removed");
        for (SimNode node : nodes) {
            assertTrue(node.whenClosed().isDone());
            assertFalse(node.isOpen());
            assertTrue(node.eventLoop().isTerminated(), "shared group shut down");
            assertFalse(PortProbe.answersPing(node.port()), "stopped listening");
        }
    }

    @Test
    void givenDirectoryIsKeptAndTheSameClusterInItRejoinsOnTheNextStart(@TempDir Path dir) {
        int basePort = FreePorts.base(3);
        SimClusterBuilder builder =
                SimCluster.builder().primaries(3).basePort(basePort).dir(dir);
        List<String> ids = new ArrayList<>();
        try (SimCluster first = builder.start()) {
            first.nodes().forEach(node -> ids.add(node.id()));
            assertEquals(basePort + 2, first.nodes().get(2).port());
            assertEquals(basePort + 10_002, first.nodes().get(2).busPort());
        }
        assertTrue(Files.exists(dir.resolve("node-2").resolve("nodes.conf")), "kept");
        try (SimCluster again = builder.start()) {
            assertEquals(ids, again.nodes().stream().map(SimClusterNode::id).toList());
            assertEquals(again.nodes().get(1), again.primaryForSlot(8000).orElseThrow());
        }
        IllegalStateException otherShape = assertThrows(
                IllegalStateException.class, () -> builder.primaries(2).start().close());
        assertTrue(otherShape.getMessage().contains("use an empty directory"), otherShape.getMessage());
    }

    @Test
    void unformedNodesKnowOnlyThemselves() {
        try (SimCluster cluster =
                SimCluster.builder().primaries(2).formed(false).start()) {
            for (SimClusterNode node : cluster.nodes()) {
                try (RespClient client = RespClient.connect(node.port())) {
                    String info = textOf(client.call("CLUSTER", "INFO"));
                    assertTrue(info.contains("cluster_known_nodes:1\r\n") && info.contains("cluster_slots_assigned:0"));
                }
            }
            assertTrue(cluster.primaryForSlot(0).isEmpty());
        }
    }

    @Test
    void badSettingsAreRefusedBeforeAnythingStarts() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SimCluster.builder().primaries(0).start());
        assertThrows(
                IllegalArgumentException.class,
                () -> SimCluster.builder().replicasPerPrimary(-1).start());
        assertThrows(
                IllegalArgumentException.class,
                () -> SimCluster.builder().basePort(55_534).start());
        assertThrows(
                IllegalArgumentException.class,
                () -> SimCluster.builder().nodeTimeout(Duration.ZERO).start());
    }
}
