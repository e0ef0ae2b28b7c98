package io.slotwise.sim.clustermode;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.PendingAction;
import io.slotwise.sim.command.NodeServices;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.replication.ReplicationControl;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does the follow-up work a cluster state change asks for ({@link ClusterState#drainPendingActions()}), as Redis's
 * {@code clusterBeforeSleep} does: empties the keyspace on {@link PendingAction#FLUSH_DATA}, saves nodes.conf on
 * {@link PendingAction#SAVE_CONFIG} (with fsync on {@link PendingAction#FSYNC_CONFIG}) and hands a replication change
 * to the node's {@link ReplicationControl} (after the flush, telling it whether the data was flushed), which starts,
 * re-points or stops replication. {@link PendingAction#BROADCAST_PONG} needs the cluster bus and is ignored here.
 * Its {@link #accept} has the shape of the bus listener's {@code onPendingActions}, so a bus can hand it its actions.
 *
 * <p>A failed save is logged and the node keeps running (Redis exits). Confined to the node's event loop.
 */
final class PendingActionHandler implements Consumer<Set<PendingAction>> {
    private static final Logger LOG = LoggerFactory.getLogger(PendingActionHandler.class);

    private final NodeServices node;
    private final ClusterState state;
    private final Keyspace keyspace;
    private final NodesConfPersistence persistence;

    PendingActionHandler(NodeServices node, ClusterState state, Keyspace keyspace, NodesConfPersistence persistence) {
        this.node = node;
        this.state = state;
        this.keyspace = keyspace;
        this.persistence = persistence;
    }

    @Override
    public void accept(Set<PendingAction> actions) {
        if (actions.contains(PendingAction.FLUSH_DATA)) {
            int removed = keyspace.flush();
            LOG.info("Flushed {} keys: this node was reset into an empty master", removed);
        }
        if (actions.contains(PendingAction.REPLICATION_CHANGED)) {
            ClusterNode myself = state.myself();
            LOG.info(
                    "Replication change: now {}",
                    myself.isReplica() ? "a replica of " + myself.masterId() : "a master");
            boolean flushed = actions.contains(PendingAction.FLUSH_DATA);
            node.service(ReplicationControl.class).ifPresent(control -> control.clusterRoleChanged(flushed));
        }
        if (actions.contains(PendingAction.SAVE_CONFIG) || actions.contains(PendingAction.FSYNC_CONFIG)) {
            try {
                persistence.save(state, actions.contains(PendingAction.FSYNC_CONFIG));
            } catch (IOException e) {
                LOG.error("Can't update cluster config file {}", persistence.file(), e);
            }
        }
    }
}
