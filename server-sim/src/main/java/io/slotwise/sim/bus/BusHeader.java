package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.NodeFlag;
import java.util.BitSet;
import java.util.Set;

/**
 * The part every bus message starts with: who sends it and the sender's whole configuration, as in Redis's
 * {@code clusterMsg} header. Immutable; the slot bitmap is copied in and out.
 *
 * @param senderId the sender's node ID
 * @param currentEpoch the sender's current epoch, {@code >= 0}
 * @param configEpoch the sender's config epoch, or its master's when the sender is a replica, {@code >= 0}
 * @param replicationOffset the sender's replication offset (a master's own, a replica's processed offset)
 * @param port the sender's client port
 * @param busPort the sender's bus port
 * @param ip the sender's announced IP, empty when it announces none (the receiver then uses the socket's peer address)
 * @param hostname the sender's announced hostname, empty when none
 * @param flags the sender's node flags as it sees itself (includes {@code MYSELF})
 * @param masterId the sender's master for a replica, {@code null} for a master (or a replica of an unknown master)
 * @param slots the slots of the sender, or of its master when the sender is a replica
 * @param clusterOk the sender's {@code cluster_state}
 * @param messageFlags manual-failover flags
 */
public record BusHeader(
        String senderId,
        long currentEpoch,
        long configEpoch,
        long replicationOffset,
        int port,
        int busPort,
        String ip,
        String hostname,
        Set<NodeFlag> flags,
        String masterId,
        BitSet slots,
        boolean clusterOk,
        Set<MessageFlag> messageFlags) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if an ID is malformed, a port or epoch is out of range, a text is not up to 255
     *     printable ASCII characters, or a slot is beyond 16383
     * @throws NullPointerException if a component other than {@code masterId} is {@code null}
     */
    public BusHeader {
        WireValues.requireNodeId(senderId, "sender");
        WireValues.requireNonNegative(currentEpoch, "current epoch");
        WireValues.requireNonNegative(configEpoch, "config epoch");
        WireValues.requirePort(port, "port");
        WireValues.requirePort(busPort, "bus port");
        WireValues.requireText(ip, "ip");
        WireValues.requireText(hostname, "hostname");
        flags = WireValues.copyFlags(flags, NodeFlag.class);
        if (masterId != null) {
            WireValues.requireNodeId(masterId, "master");
        }
        slots = WireValues.copySlots(slots);
        messageFlags = WireValues.copyFlags(messageFlags, MessageFlag.class);
    }

    /**
     * Returns a copy of the slot bitmap.
     *
     * @return a new bit set
     */
    @Override
    public BitSet slots() {
        return (BitSet) slots.clone();
    }

    BitSet slotBits() {
        return slots;
    }

    /**
     * Tells whether the header claims a slot, without copying the bitmap.
     *
     * @param slot the slot, in {@code [0, 16383]}
     * @return {@code true} if claimed
     */
    public boolean claimsSlot(int slot) {
        return slots.get(slot);
    }

    /**
     * Tells whether the claimed slots equal a given set, without copying the bitmap.
     *
     * @param other the set to compare with, never {@code null}
     * @return {@code true} if equal
     */
    public boolean claimsExactly(BitSet other) {
        return slots.equals(other);
    }

    /**
     * Tells whether the sender announces itself as a replica of a named master.
     *
     * @return {@code true} if {@link #masterId()} is not {@code null}
     */
    public boolean senderIsReplica() {
        return masterId != null;
    }
}
