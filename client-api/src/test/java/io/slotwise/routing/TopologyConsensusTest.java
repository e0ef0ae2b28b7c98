package io.slotwise.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import io.slotwise.topology.SlotRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyConsensusTest {

    private static final NodeAddress A = new NodeAddress("127.0.0.1", 7000);
    private static final NodeAddress B = new NodeAddress("127.0.0.1", 7001);

    private static ClusterTopology split(int boundary, boolean reversedOrder) {
        Shard first = new Shard(ClusterNode.primaryAt(A), List.of(), List.of(new SlotRange(0, boundary - 1)));
        Shard second = new Shard(ClusterNode.primaryAt(B), List.of(), List.of(new SlotRange(boundary, 16383)));
        return ClusterTopology.of(reversedOrder ? List.of(second, first) : List.of(first, second));
    }

    @Test
    void theViewMostNodesReportWinsOverAStaleOne() {
        ClusterTopology stale = split(8000, false);
        ClusterTopology current1 = split(9000, false);
        ClusterTopology current2 = split(9000, true);
        assertSame(
                current1,
                TopologyConsensus.choose(List.of(stale, current1, current2)).orElseThrow());
    }

    @Test
    void shardOrderDoesNotMakeViewsDisagree() {
        assertEquals(TopologyConsensus.fingerprint(split(100, false)), TopologyConsensus.fingerprint(split(100, true)));
    }

    @Test
    void aTieGoesToTheViewCoveringMoreSlots() {
        ClusterTopology partial = ClusterTopology.of(
                List.of(new Shard(ClusterNode.primaryAt(A), List.of(), List.of(new SlotRange(0, 100)))));
        ClusterTopology full = split(5000, false);
        assertSame(full, TopologyConsensus.choose(List.of(partial, full)).orElseThrow());
    }

    @Test
    void noViewsGiveNoChoice() {
        assertTrue(TopologyConsensus.choose(List.of()).isEmpty());
    }

    @Test
    void slotOwnerComparisonSeesASingleMovedSlot() {
        ClusterTopology before = split(9000, false);
        assertTrue(TopologyConsensus.sameSlotOwners(before, split(9000, true)));
        assertFalse(TopologyConsensus.sameSlotOwners(before, before.withSlotMovedTo(3, B)));
    }
}
