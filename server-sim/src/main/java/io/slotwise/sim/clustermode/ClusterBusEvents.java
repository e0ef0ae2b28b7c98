package io.slotwise.sim.clustermode;

import io.slotwise.sim.bus.BusListener;
import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.PendingAction;
import io.slotwise.sim.pubsub.PubSubHub;
import java.util.BitSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node does with its cluster bus's hand-overs: pending actions go to the node's {@link PendingActionHandler}
 * (nodes.conf saves, FLUSH_DATA, REPLICATION_CHANGED), keys of dirty slots are deleted, PUBLISH and PUBLISHSHARD
 * messages reach the node's Pub/Sub subscribers, and each cron tick applies
 * configuration changes and re-evaluates {@code cluster_state} (the bus's cron replaces {@link ClusterCron}).
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
    public void onCronTick(long nowMillis) {
        cluster.syncSettings();
        cluster.state().updateState();
    }
}
