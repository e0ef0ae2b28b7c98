package io.slotwise.sim.clustermode;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.SimNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nodes.conf across a node's lifetime: created at once, saved on change, reloaded on restart, locked, validated. */
class ClusterNodeRestartTest {
    @TempDir
    Path dir;

    @Test
    void freshNodeSavesItsNodesConfAtOnceAndAfterEachChange() throws Exception {
        Path file = dir.resolve("nodes.conf");
        try (ClusterTestNode node = ClusterTestNode.start(dir)) {
            String saved = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(saved.startsWith(node.id() + " "), saved);
            assertTrue(saved.endsWith("vars currentEpoch 0 lastVoteEpoch 0\n"), saved);
            node.call("CLUSTER", "ADDSLOTS", "7");
            assertTrue(Files.readString(file).contains(" connected 7\n"), "saved by the command that changed it");
            node.call("CLUSTER", "BUMPEPOCH");
            assertTrue(Files.readString(file).endsWith("vars currentEpoch 1 lastVoteEpoch 0\n"));
            Files.delete(file);
            assertEquals(simple("OK"), node.call("CLUSTER", "SAVECONFIG"));
            assertTrue(Files.readString(file).contains(node.id() + " :" + node.port() + "@"));
        }
    }

    @Test
    void restartKeepsIdSlotsEpochsAndMigrationMarkers() {
        String id;
        try (ClusterTestNode node = ClusterTestNode.start(dir)) {
            id = node.id();
            node.call("CLUSTER", "ADDSLOTSRANGE", "0", "99");
            node.call("CLUSTER", "BUMPEPOCH");
            node.call("CLUSTER", "SETSLOT", "5", "MIGRATING", id);
        }
        try (ClusterTestNode node = ClusterTestNode.start(dir)) {
            assertEquals(bulk(id), node.call("CLUSTER", "MYID"));
            String nodes = textOf(node.call("CLUSTER", "NODES"));
            assertTrue(
                    nodes.startsWith(id + " :" + node.port() + "@")
                            && nodes.endsWith(" myself,master - 0 0 1 connected 0-99 [5->-" + id + "]\n"),
                    nodes);
            assertTrue(textOf(node.call("CLUSTER", "INFO")).contains("cluster_current_epoch:1\r\n"));
        }
    }

    @Test
    void restartedMasterWaitsTheWritableDelayBeforeReportingOk() {
        try (ClusterTestNode node = ClusterTestNode.start(dir)) {
            node.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
        }
        long started = System.nanoTime();
        try (ClusterTestNode node = ClusterTestNode.start(new ClusterModeModule().withWritableDelayMillis(400), dir)) {
            node.awaitStateOk();
            assertTrue(System.nanoTime() - started >= 400_000_000L, "ok before the writable delay ran out");
        }
    }

    @Test
    void secondNodeOnTheSameNodesConfIsRefusedUntilTheFirstCloses() {
        try (ClusterTestNode first = ClusterTestNode.start(dir)) {
            UncheckedIOException refused = assertThrows(
                    UncheckedIOException.class, () -> ClusterTestNode.start(dir).close());
            assertEquals(
                    "Sorry, the cluster configuration file " + dir.resolve("nodes.conf")
                            + " is already used by a different Redis Cluster node. Please make sure that different"
                            + " nodes use different cluster configuration files.",
                    refused.getMessage());
            assertEquals(bulk(first.id()), first.call("CLUSTER", "MYID"));
        }
        try (ClusterTestNode again = ClusterTestNode.start(dir)) {
            assertEquals(40, textOf(again.call("CLUSTER", "MYID")).length());
        }
    }

    @Test
    void corruptedNodesConfStopsTheStart() throws Exception {
        Files.writeString(dir.resolve("nodes.conf"), "this is not a nodes.conf\n");
        UncheckedIOException refused = assertThrows(
                UncheckedIOException.class, () -> ClusterTestNode.start(dir).close());
        assertEquals("Unrecoverable error: corrupted cluster config file.", refused.getMessage());
    }

    @Test
    void clientPortTooHighForADerivedBusPortStopsTheStart() {
        UncheckedIOException refused = assertThrows(
                UncheckedIOException.class,
                () -> SimNode.start(ClusterTestNode.config(dir, "port", "60000"))
                        .close());
        assertTrue(refused.getMessage().contains("Your Redis port number must be 55535 or less."));
    }

    @Test
    void hardResetTakesANewIdAndSavesIt() throws Exception {
        try (ClusterTestNode node = ClusterTestNode.start(dir)) {
            node.call("CLUSTER", "ADDSLOTS", "1");
            assertEquals(simple("OK"), node.call("CLUSTER", "RESET", "HARD"));
            String newId = textOf(node.call("CLUSTER", "MYID"));
            assertNotEquals(node.id(), newId);
            String saved = Files.readString(dir.resolve("nodes.conf"));
            assertTrue(saved.startsWith(newId + " ") && !saved.contains(" connected 1"), saved);
        }
    }
}
