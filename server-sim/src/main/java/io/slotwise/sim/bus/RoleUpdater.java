package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.PendingAction;

/**
 * Applies the role a known sender announces in its header: no master named means it is a master (a former replica is
 * detached); a named master means it is a replica (a former master loses its slots), attached to that master when it
 * is known. Call on the node's event loop.
 */
final class RoleUpdater {

    private final ClusterState state;

    RoleUpdater(ClusterState state) {
        this.state = state;
    }

    void apply(ClusterNode sender, BusHeader header) {
        if (header.masterId() == null) {
            if (!sender.isMaster()) {
                state.setNodeAsMaster(sender);
                changed();
            }
            return;
        }
        ClusterNode master = state.findNode(header.masterId()).orElse(null);
        if (master == sender) {
            return;
        }
        if (!sender.isReplica()) {
            if (master != null) {
                state.setPeerAsReplicaOf(sender, master);
            } else {
                state.setPeerAsReplicaOfUnknownMaster(sender);
            }
            changed();
        } else if (master != null && !master.id().equals(sender.masterId())) {
            state.setPeerAsReplicaOf(sender, master);
            state.request(PendingAction.SAVE_CONFIG);
        }
    }

    private void changed() {
        state.request(PendingAction.SAVE_CONFIG);
        state.updateState();
    }
}
