package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.PendingAction;
import io.slotwise.sim.cluster.SlotTable;
import java.util.BitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slot-ownership conflict resolution by config epoch, as Redis's {@code clusterUpdateSlotsConfigWith}, the UPDATE
 * message and its receipt.
 *
 * <p>Update-slots-config(sender, epoch, claimed): each claimed slot not already bound to the sender and not being
 * imported here is rebound to the sender if it is unassigned, if its owner stopped claiming it, or if its owner's config
 * epoch is smaller. Slots still bound to the sender but no longer claimed are only remembered as "owner not claiming"
 * (they stay bound, to avoid CLUSTERDOWN). Afterwards: if my shard lost its last slot to the sender, myself becomes the
 * sender's replica (for a master: only with {@code cluster-allow-replica-migration} or when the sender took exactly our
 * slots); a replica whose master became a replica re-points to the grandmaster; otherwise keys left in slots I lost
 * are reported as dirty.
 *
 * <p>Call on the node's event loop.
 */
final class SlotConfigUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(SlotConfigUpdater.class);

    private final ClusterState state;
    private final Outbox outbox;
    private final BusListener listener;
    /** {@code notClaimedBy[slot] == owner}: the slot's current owner stopped claiming it (self-invalidating). */
    private final ClusterNode[] notClaimedBy = new ClusterNode[SlotTable.SLOT_COUNT];

    SlotConfigUpdater(ClusterState state, Outbox outbox, BusListener listener) {
        this.state = state;
        this.outbox = outbox;
        this.listener = listener;
    }

    /** Returns whether a slot is free to be taken by any claim: unassigned, or its owner stopped claiming it. */
    boolean unclaimed(int slot) {
        ClusterNode owner = state.slots().owner(slot);
        return owner == null || notClaimedBy[slot] == owner;
    }

    void update(ClusterNode sender, long senderConfigEpoch, BitSet claimed) {
        ClusterNode myself = state.myself();
        if (sender == myself) {
            LOG.debug("Discarding UPDATE message about myself.");
            return;
        }
        ClusterNode currentMaster =
                myself.isMaster() ? myself : state.masterOf(myself).orElse(null);
        ClusterNode newMaster = null;
        BitSet dirty = new BitSet();
        int senderSlots = 0;
        int migratedOurSlots = 0;
        boolean changed = false;
        for (int slot = 0; slot < SlotTable.SLOT_COUNT; slot++) {
            ClusterNode owner = state.slots().owner(slot);
            if (!claimed.get(slot)) {
                if (owner == sender) {
                    notClaimedBy[slot] = sender;
                }
                continue;
            }
            senderSlots++;
            if (owner == sender) {
                notClaimedBy[slot] = null;
                continue;
            }
            if (state.slots().importingFrom(slot) != null) {
                continue;
            }
            if (unclaimed(slot) || owner.configEpoch() < senderConfigEpoch) {
                if (owner == myself && state.environment().localKeys().countKeysInSlot(slot) > 0) {
                    dirty.set(slot);
                }
                if (owner != null && owner == currentMaster) {
                    newMaster = sender;
                    migratedOurSlots++;
                }
                state.assignSlot(slot, sender);
                notClaimedBy[slot] = null;
                changed = true;
            }
        }
        if (changed) {
            state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
            state.updateState();
        }
        followOwnershipChange(sender, currentMaster, newMaster, senderSlots == migratedOurSlots, dirty);
    }

    private void followOwnershipChange(
            ClusterNode sender,
            ClusterNode currentMaster,
            ClusterNode newMaster,
            boolean tookExactlyOurs,
            BitSet dirty) {
        ClusterNode myself = state.myself();
        ClusterNode myMaster = state.masterOf(myself).orElse(null);
        if (newMaster != null
                && currentMaster.slotCount() == 0
                && (state.config().allowReplicaMigration() || tookExactlyOurs)) {
            LOG.info("Configuration change detected. Reconfiguring myself as a replica of {}", sender.id());
            state.replicateMyselfFrom(sender);
            state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
            state.updateState();
        } else if (myMaster != null
                && myMaster.isReplica()
                && state.masterOf(myMaster).isPresent()) {
            ClusterNode grandMaster = state.masterOf(myMaster).orElseThrow();
            if (grandMaster != myself) {
                LOG.info("I'm a sub-replica! Reconfiguring myself as a replica of grandmaster {}", grandMaster.id());
                state.replicateMyselfFrom(grandMaster);
                state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
                state.updateState();
            }
        } else if (!dirty.isEmpty()) {
            listener.onDirtySlots(dirty);
        }
    }

    /**
     * Redis's reverse check: the sender claims a slot whose owner in my view has a greater config epoch, so its view
     * is stale; send it one UPDATE about that owner.
     */
    void sendUpdateIfStale(ClusterNode sender, BusHeader header) {
        for (int slot = header.slotBits().nextSetBit(0);
                slot >= 0;
                slot = header.slotBits().nextSetBit(slot + 1)) {
            ClusterNode owner = state.slots().owner(slot);
            if (owner == sender || unclaimed(slot)) {
                continue;
            }
            if (owner.configEpoch() > header.configEpoch()) {
                LOG.debug(
                        "Node {} has old slots configuration, sending an UPDATE message about {}",
                        sender.id(),
                        owner.id());
                outbox.sendUpdate(sender, owner);
                return;
            }
        }
    }

    /** An UPDATE from a known sender. */
    void onUpdate(BusPayload.Update update) {
        ClusterNode node = state.findNode(update.nodeId()).orElse(null);
        if (node == null || node.configEpoch() >= update.configEpoch()) {
            return;
        }
        if (node.isReplica()) {
            state.setNodeAsMaster(node);
        }
        node.setConfigEpoch(update.configEpoch());
        state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
        update(node, update.configEpoch(), update.slotBits());
    }
}
