package io.slotwise.routing;

import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Chooses one topology among the views several nodes reported: the view the most nodes agree on, so that a single
 * node with a stale or partitioned view cannot mislead the client. Ties go to the view covering more slots, then to
 * the earliest reported.
 *
 * <p>Two views agree when every slot has the same primary address and the shards have the same replica addresses;
 * node order and health flags do not matter.
 */
public final class TopologyConsensus {

    private TopologyConsensus() {}

    /**
     * Picks the consensus view.
     *
     * @param views the views, in the order they arrived; may contain empty topologies
     * @return the chosen view, or empty if {@code views} is empty
     */
    public static Optional<ClusterTopology> choose(List<ClusterTopology> views) {
        List<String> fingerprints = new ArrayList<>(views.size());
        for (ClusterTopology view : views) {
            fingerprints.add(fingerprint(view));
        }
        ClusterTopology best = null;
        int bestVotes = 0;
        for (int i = 0; i < views.size(); i++) {
            int votes = 0;
            for (String other : fingerprints) {
                if (other.equals(fingerprints.get(i))) {
                    votes++;
                }
            }
            ClusterTopology view = views.get(i);
            if (best == null
                    || votes > bestVotes
                    || (votes == bestVotes && view.coveredSlotCount() > best.coveredSlotCount())) {
                best = view;
                bestVotes = votes;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A canonical text of a view's slot owners and replica sets, independent of ordering. */
    static String fingerprint(ClusterTopology view) {
        String[] ownerBySlot = new String[SlotHash.SLOT_COUNT];
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            Shard shard = view.shardForSlot(slot);
            ownerBySlot[slot] = shard == null ? "-" : shard.primary().address().toString();
        }
        TreeSet<String> shards = new TreeSet<>();
        for (Shard shard : view.shards()) {
            TreeSet<String> replicas = new TreeSet<>();
            for (ClusterNode replica : shard.replicas()) {
                replicas.add(replica.address().toString());
            }
            shards.add(shard.primary().address() + "<" + replicas);
        }
        return Arrays.toString(ownerBySlot) + shards;
    }

    /**
     * Whether two views assign every slot to the same primary address.
     *
     * @param a one view
     * @param b another
     * @return true if no slot differs
     */
    public static boolean sameSlotOwners(ClusterTopology a, ClusterTopology b) {
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            NodeAddress ownerA = ownerAddress(a, slot);
            NodeAddress ownerB = ownerAddress(b, slot);
            if (ownerA == null ? ownerB != null : !ownerA.equals(ownerB)) {
                return false;
            }
        }
        return true;
    }

    private static NodeAddress ownerAddress(ClusterTopology topology, int slot) {
        Shard shard = topology.shardForSlot(slot);
        return shard == null ? null : shard.primary().address();
    }
}
