package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.PendingAction;
import java.util.BitSet;
import java.util.Set;

/**
 * What the bus hands to the node that owns it: follow-up work it cannot do itself, received Pub/Sub messages and the
 * failover messages whose logic lives outside the bus. Every method has a no-op default.
 *
 * <p>All methods are called on the node's event loop, from inside the bus's processing of a packet or cron tick. They
 * must be quick and must not block; they may read and change the {@link io.slotwise.sim.cluster.ClusterState} and call
 * the {@link ClusterBus}'s loop-only methods. They should not throw: an exception is logged and otherwise ignored.
 */
public interface BusListener {

    /** A listener that ignores everything. */
    BusListener NONE = new BusListener() {};

    /**
     * The state asked for follow-up work (Redis's before-sleep flags): {@link PendingAction#SAVE_CONFIG},
     * {@link PendingAction#FSYNC_CONFIG}, {@link PendingAction#REPLICATION_CHANGED} and
     * {@link PendingAction#FLUSH_DATA}. {@link PendingAction#BROADCAST_PONG} is handled by the bus and never passed on.
     *
     * @param actions the actions, never empty
     */
    default void onPendingActions(Set<PendingAction> actions) {}

    /**
     * Slots this master lost to a node with a greater config epoch while it still held keys in them, and it keeps
     * serving other slots: the node must delete the keys of these slots (Redis's dirty slots).
     *
     * @param slots the slots, never empty
     */
    default void onDirtySlots(BitSet slots) {}

    /**
     * A PUBLISH or PUBLISHSHARD arrived from a known node: deliver it to local subscribers.
     *
     * @param type {@link ClusterMessageType#PUBLISH} or {@link ClusterMessageType#PUBLISHSHARD}
     * @param channel the channel name
     * @param message the message
     */
    default void onPublish(ClusterMessageType type, byte[] channel, byte[] message) {}

    /**
     * Failover hook: a known node asks for a vote (FAILOVER_AUTH_REQUEST).
     *
     * @param sender the requesting node
     * @param header its header (current epoch, claimed slots, {@link MessageFlag#FORCE_ACK})
     */
    default void onFailoverAuthRequest(ClusterNode sender, BusHeader header) {}

    /**
     * Failover hook: a known node granted its vote (FAILOVER_AUTH_ACK).
     *
     * @param sender the voting node
     * @param header its header (current epoch)
     */
    default void onFailoverAuthAck(ClusterNode sender, BusHeader header) {}

    /**
     * Failover hook: one of my replicas asks me to pause writes for a manual failover (MFSTART).
     *
     * @param sender the replica; only replicas of myself are reported
     * @param header its header
     */
    default void onManualFailoverStart(ClusterNode sender, BusHeader header) {}

    /**
     * Failover hook: a PING or PONG from a known node was processed (a replica in a manual failover watches its
     * master's {@link MessageFlag#PAUSED} flag and offset here).
     *
     * @param sender the sender
     * @param header its header
     */
    default void onHeartbeat(ClusterNode sender, BusHeader header) {}

    /**
     * Failover hook: the message flags to set in every header this node sends (a master paused for a manual failover
     * sets {@link MessageFlag#PAUSED}). Called whenever a message is built.
     *
     * @return the flags, never {@code null}; empty by default
     */
    default Set<MessageFlag> headerFlags() {
        return Set.of();
    }

    /**
     * Failover hook: called once per cron tick (every 100 ms) after failure detection, where Redis runs replica
     * election, manual failover timeouts and replica migration.
     *
     * @param nowMillis the tick's time
     */
    default void onCronTick(long nowMillis) {}
}
