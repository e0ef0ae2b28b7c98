package io.slotwise.sim.replication;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.command.NodeServices;
import java.util.Optional;

/**
 * Replication's window on the node's cluster state, when the node runs in cluster mode: which master the cluster made
 * this node replicate, and where replication offsets are reported (myself's, which the cluster bus announces, and the
 * offsets this master's replicas acknowledge, so that CLUSTER SLOTS and SHARDS on the master see them even before the
 * bus reports them). Without cluster mode every node is a master and nothing is reported. Confined to the node's
 * event loop.
 */
final class ClusterView {
    private final NodeServices node;

    ClusterView(NodeServices node) {
        this.node = node;
    }

    private Optional<ClusterState> state() {
        return node.service(ClusterState.class);
    }

    /**
     * Returns what the cluster wants this node to be.
     *
     * @return empty for a master; for a replica, its master's address, or an empty address (host "") if the master
     *     or its address is unknown
     */
    Optional<MasterAddress> wantedMaster() {
        Optional<ClusterState> state = state();
        if (state.isEmpty() || !state.get().myself().isReplica()) {
            return Optional.empty();
        }
        String masterId = state.get().myself().masterId();
        Optional<ClusterNode> master =
                masterId == null ? Optional.empty() : state.get().findNode(masterId);
        if (master.isEmpty() || master.get().ip().isEmpty() || master.get().port() == 0) {
            return Optional.of(new MasterAddress("", 0));
        }
        return Optional.of(new MasterAddress(master.get().ip(), master.get().port()));
    }

    /** Reports this node's replication offset. */
    void myOffset(long offset) {
        state().ifPresent(state -> state.myself().setReplicationOffset(offset));
    }

    /** Reports the offset a replica of this master acknowledged, identified by its IP and client port. */
    void replicaOffset(String ip, int port, long offset) {
        state().ifPresent(state -> {
            ClusterNode myself = state.myself();
            for (ClusterNode replica : state.replicasOf(myself)) {
                if (replica.ip().equals(ip) && replica.port() == port) {
                    replica.setReplicationOffset(offset);
                }
            }
        });
    }
}
