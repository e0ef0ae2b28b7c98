package io.slotwise.netty.caching;

import io.slotwise.routing.SlotHash;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.Shard;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/** Which slots a topology change hands to other nodes, as far as cached replies are concerned. */
final class TopologyDiff {

    private TopologyDiff() {}

    /**
     * Returns the slots whose serving nodes differ: another primary, other replicas (by address), or served in one
     * topology and not in the other. Health flags do not count.
     */
    static BitSet slotsWithOtherNodes(ClusterTopology previous, ClusterTopology current) {
        BitSet changed = new BitSet(SlotHash.SLOT_COUNT);
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            Shard before = previous.shardForSlot(slot);
            Shard after = current.shardForSlot(slot);
            if (before != after && !sameNodes(before, after)) {
                changed.set(slot);
            }
        }
        return changed;
    }

    private static boolean sameNodes(Shard a, Shard b) {
        if (a == null || b == null) {
            return false;
        }
        return a.primary().address().equals(b.primary().address()) && sameAddresses(a.replicas(), b.replicas());
    }

    private static boolean sameAddresses(List<ClusterNode> a, List<ClusterNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(a.get(i).address(), b.get(i).address())) {
                return false;
            }
        }
        return true;
    }
}
