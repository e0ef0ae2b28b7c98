package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.PendingAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epoch rules applied to every packet from a known node: adopt a greater current epoch, adopt the sender's greater
 * config epoch, record its replication offset; and resolve config-epoch collisions between masters (the node whose ID
 * is lexicographically smaller takes {@code ++currentEpoch}, so the greatest ID keeps its epoch). Call on the node's
 * event loop.
 */
final class EpochTracker {

    private static final Logger LOG = LoggerFactory.getLogger(EpochTracker.class);

    private final ClusterState state;

    EpochTracker(ClusterState state) {
        this.state = state;
    }

    /** Learns from the header of a known sender that is not in handshake. */
    void observe(ClusterNode sender, BusHeader header) {
        if (header.currentEpoch() > state.currentEpoch()) {
            state.setCurrentEpoch(header.currentEpoch());
            state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
        }
        if (header.configEpoch() > sender.configEpoch()) {
            sender.setConfigEpoch(header.configEpoch());
            state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
        }
        sender.setReplicationOffset(header.replicationOffset());
    }

    /** Resolves a collision when the sender and myself are masters with the same config epoch. */
    void resolveCollision(ClusterNode sender) {
        ClusterNode myself = state.myself();
        if (sender.configEpoch() != myself.configEpoch() || !sender.isMaster() || !myself.isMaster()) {
            return;
        }
        if (sender.id().compareTo(myself.id()) <= 0) {
            return;
        }
        state.setCurrentEpoch(state.currentEpoch() + 1);
        myself.setConfigEpoch(state.currentEpoch());
        state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
        LOG.info(
                "WARNING: configEpoch collision with node {}. configEpoch set to {}",
                sender.id(),
                myself.configEpoch());
    }
}
