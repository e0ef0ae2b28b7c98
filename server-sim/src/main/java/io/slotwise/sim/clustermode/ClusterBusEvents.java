package io.slotwise.sim.clustermode;

import io.slotwise.sim.bus.BusHeader;
import io.slotwise.sim.bus.BusListener;
import io.slotwise.sim.bus.MessageFlag;
import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.PendingAction;
import io.slotwise.sim.pubsub.PubSubHub;
import java.util.BitSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node does with its cluster bus's hand-overs: pending actions go to the node's {@link PendingActionHandler}
 * (nodes.conf saves, FLUSH_DATA, REPLICATION_CHANGED), keys of dirty slots are deleted, PUBLISH and PUBLISHSHARD
 * messages reach the node's Pub/Sub subscribers, failover messages and heartbeats go to the node's
 * {@link FailoverCoordinator}, and each cron tick applies configuration changes, advances failovers and re-evaluates
 * {@code cluster_state} (the bus's cron replaces {@link ClusterCron}).
 *
 * <p>Called by the bus on the node's event loop only.
 */
final class ClusterBusEvents implements BusListener {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterBusEvents.class);

    private final ClusterNodeContext cluster;

    ClusterBusEvents(ClusterNodeContext cluster) {
        this.cluster = cluster;
    }

    @Override
    public void onPendingActions(Set<PendingAction> actions) {
        if (actions.contains(PendingAction.REPLICATION_CHANGED)) {
            cluster.failover().onRoleChanged();
        }
        cluster.pendingActionHandler().accept(actions);
    }

    @Override
    public void onDirtySlots(BitSet slots) {
        long deleted = 0;
        for (int slot = slots.nextSetBit(0); slot >= 0; slot = slots.nextSetBit(slot + 1)) {
            deleted += cluster.keyspace().deleteKeysInSlot(slot);
        }
        LOG.info("Deleted {} keys of {} slots now served by another node", deleted, slots.cardinality());
    }

    @Override
    public void onPublish(ClusterMessageType type, byte[] channel, byte[] message) {
        cluster.node().service(PubSubHub.class).ifPresent(hub -> {
            if (type == ClusterMessageType.PUBLISHSHARD) {
                hub.publishShard(channel, message);
            } else {
                hub.publish(channel, message);
            }
        });
    }

    @Override
    public void onFailoverAuthRequest(ClusterNode sender, BusHeader header) {
        cluster.failover().onAuthRequest(sender, header);
    }

    @Override
    public void onFailoverAuthAck(ClusterNode sender, BusHeader header) {
        cluster.failover().onAuthAck(sender, header);
    }

    @Override
    public void onManualFailoverStart(ClusterNode sender, BusHeader header) {
        cluster.failover().onManualFailoverStart(sender);
    }

    @Override
    public void onHeartbeat(ClusterNode sender, BusHeader header) {
        cluster.failover().onHeartbeat(sender, header);
    }

    @Override
    public Set<MessageFlag> headerFlags() {
        return cluster.failover().headerFlags();
    }

    @Override
    public void onCronTick(long nowMillis) {
        cluster.syncSettings();
        cluster.failover().tick(nowMillis);
        cluster.state().updateState();
    }
}
