package io.slotwise.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterTopologyTest {

    private static final NodeAddress P1 = new NodeAddress("127.0.0.1", 7000);
    private static final NodeAddress P2 = new NodeAddress("127.0.0.1", 7001);
    private static final NodeAddress R1 = new NodeAddress("127.0.0.1", 7002);

    private static ClusterTopology twoShards() {
        return ClusterTopology.of(List.of(
                new Shard(
                        new ClusterNode("a".repeat(40), P1, ClusterNode.Role.PRIMARY, true),
                        List.of(new ClusterNode("c".repeat(40), R1, ClusterNode.Role.REPLICA, true)),
                        List.of(new SlotRange(0, 8191))),
                new Shard(
                        new ClusterNode("b".repeat(40), P2, ClusterNode.Role.PRIMARY, true),
                        List.of(),
                        List.of(new SlotRange(8192, 16383)))));
    }

    @Test
    void everySlotMapsToTheShardThatClaimsIt() {
        ClusterTopology topology = twoShards();
        assertEquals(P1, topology.shardForSlot(0).primary().address());
        assertEquals(P1, topology.shardForSlot(8191).primary().address());
        assertEquals(P2, topology.shardForSlot(8192).primary().address());
        assertTrue(topology.coversAllSlots());
        assertEquals(3, topology.nodes().size());
    }

    @Test
    void overlappingClaimsAreRejected() {
        Shard a = new Shard(ClusterNode.primaryAt(P1), List.of(), List.of(new SlotRange(0, 10)));
        Shard b = new Shard(ClusterNode.primaryAt(P2), List.of(), List.of(new SlotRange(10, 20)));
        var error = assertThrows(IllegalArgumentException.class, () -> ClusterTopology.of(List.of(a, b)));
        assertTrue(error.getMessage().contains("slot 10"), error.getMessage());
    }

    @Test
    void movedRedirectPatchesOnlyThatSlotInANewSnapshot() {
        ClusterTopology before = twoShards();
        ClusterTopology after = before.withSlotMovedTo(100, P2);
        assertEquals(P1, before.shardForSlot(100).primary().address());
        assertEquals(P2, after.shardForSlot(100).primary().address());
        assertEquals(P1, after.shardForSlot(99).primary().address());
        assertEquals(P1, after.shardForSlot(101).primary().address());
        assertEquals(
                List.of(new SlotRange(0, 99), new SlotRange(101, 8191)),
                after.shardForSlot(0).slots());
        assertEquals(
                List.of(new SlotRange(100, 100), new SlotRange(8192, 16383)),
                after.shardForSlot(100).slots());
        assertTrue(after.coversAllSlots());
        // Replicas survive the patch.
        assertEquals(1, after.shardForSlot(0).replicas().size());
    }

    @Test
    void movedToTheCurrentOwnerKeepsTheSnapshot() {
        ClusterTopology topology = twoShards();
        assertSame(topology, topology.withSlotMovedTo(5, P1));
    }

    @Test
    void movedToAReplicaPromotesItIntoItsOwnShard() {
        ClusterTopology after = twoShards().withSlotMovedTo(7, R1);
        Shard shard = after.shardForSlot(7);
        assertEquals(R1, shard.primary().address());
        assertEquals("c".repeat(40), shard.primary().id());
        assertTrue(after.shardForSlot(0).replicas().isEmpty());
    }

    @Test
    void movedToAnUnknownNodeCreatesAShardKnownByAddress() {
        NodeAddress newcomer = new NodeAddress("127.0.0.1", 7010);
        ClusterTopology after = twoShards().withSlotMovedTo(16383, newcomer);
        assertEquals(newcomer, after.shardForSlot(16383).primary().address());
        assertEquals("", after.shardForSlot(16383).primary().id());
        assertEquals(3, after.shards().size());
    }

    @Test
    void emptyTopologyServesNoSlot() {
        assertNull(ClusterTopology.empty().shardForSlot(0));
        assertFalse(ClusterTopology.empty().coversAllSlots());
        assertEquals(0, ClusterTopology.empty().coveredSlotCount());
    }

    @Test
    void addressesParseTheWayRedisWritesThem() {
        assertEquals(new NodeAddress("::1", 7000), NodeAddress.parse("::1:7000"));
        assertEquals(new NodeAddress("::1", 7000), NodeAddress.parse("[::1]:7000"));
        assertEquals("[::1]:7000", new NodeAddress("::1", 7000).toString());
        assertThrows(IllegalArgumentException.class, () -> NodeAddress.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> NodeAddress.parse(":7000"));
        assertThrows(IllegalArgumentException.class, () -> NodeAddress.parse("h:0"));
    }
}
