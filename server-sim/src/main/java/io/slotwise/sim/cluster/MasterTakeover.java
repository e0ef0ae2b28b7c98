package io.slotwise.sim.cluster;

import java.util.BitSet;

/**
 * What a replica does to its cluster state when it replaces its master (Redis's {@code
 * clusterFailoverReplaceYourMaster}), after winning an election or on CLUSTER FAILOVER TAKEOVER: myself becomes a
 * master, takes every slot of its former master, re-evaluates {@code cluster_state} and requests a nodes.conf save with
 * fsync, a PONG broadcast (so that every node learns the new owner, whose config epoch wins) and the replication change
 * (replication stops following the old master and keeps the data). The caller sets myself's config epoch first.
 */
public final class MasterTakeover {

    private MasterTakeover() {}

    /**
     * Replaces myself's master.
     *
     * @param state the replica's state, never {@code null}
     * @return {@code false} (and nothing changes) if myself is not a replica of a known master
     */
    public static boolean replaceMyMaster(ClusterState state) {
        ClusterNode myself = state.myself();
        ClusterNode oldMaster = state.masterOf(myself).orElse(null);
        if (oldMaster == null) {
            return false;
        }
        BitSet slots = oldMaster.slots();
        state.setNodeAsMaster(myself);
        for (int slot = slots.nextSetBit(0); slot >= 0; slot = slots.nextSetBit(slot + 1)) {
            state.assignSlot(slot, myself);
        }
        state.updateState();
        state.request(
                PendingAction.SAVE_CONFIG,
                PendingAction.FSYNC_CONFIG,
                PendingAction.BROADCAST_PONG,
                PendingAction.REPLICATION_CHANGED);
        return true;
    }
}
