package io.slotwise.topology;

import io.slotwise.routing.SlotHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of a cluster's topology: its shards, and for each of the 16384 slots the shard that serves it.
 *
 * <p>A client holds the current snapshot in one atomic reference and routes each command against the snapshot it read
 * once, so a refresh never changes the view in the middle of a command. Changes produce new snapshots
 * ({@link #withSlotMovedTo}). Slot lookup is an array access.
 *
 * <p>Thread-safe: instances never change after construction.
 */
public final class ClusterTopology {

    private static final ClusterTopology EMPTY = new ClusterTopology(List.of(), new Shard[SlotHash.SLOT_COUNT]);

    private final List<Shard> shards;
    private final Shard[] shardBySlot;
    private final int coveredSlots;

    private ClusterTopology(List<Shard> shards, Shard[] shardBySlot) {
        this.shards = shards;
        this.shardBySlot = shardBySlot;
        int covered = 0;
        for (Shard shard : shardBySlot) {
            if (shard != null) {
                covered++;
            }
        }
        this.coveredSlots = covered;
    }

    /** A topology that knows no node and serves no slot. */
    public static ClusterTopology empty() {
        return EMPTY;
    }

    /**
     * Builds a snapshot from shards.
     *
     * @param shards the shards, each with its slot ranges
     * @return the snapshot
     * @throws IllegalArgumentException if two shards claim the same slot, or two shards have the same primary address
     */
    public static ClusterTopology of(List<Shard> shards) {
        Shard[] bySlot = new Shard[SlotHash.SLOT_COUNT];
        Map<NodeAddress, Shard> byPrimary = new LinkedHashMap<>();
        for (Shard shard : shards) {
            Shard previous = byPrimary.put(shard.primary().address(), shard);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "two shards have the primary " + shard.primary().address());
            }
            for (SlotRange range : shard.slots()) {
                for (int slot = range.start(); slot <= range.end(); slot++) {
                    if (bySlot[slot] != null) {
                        throw new IllegalArgumentException("slot " + slot + " is claimed by both "
                                + bySlot[slot].primary().address() + " and "
                                + shard.primary().address());
                    }
                    bySlot[slot] = shard;
                }
            }
        }
        return new ClusterTopology(List.copyOf(shards), bySlot);
    }

    /**
     * The shard serving a slot.
     *
     * @param slot the slot, 0 to 16383
     * @return the shard, or {@code null} if no shard serves the slot in this snapshot
     */
    public Shard shardForSlot(int slot) {
        return shardBySlot[slot];
    }

    /** The shards, in the order they were given; includes primaries that serve no slot. */
    public List<Shard> shards() {
        return shards;
    }

    /** Every node of every shard, primaries first, without duplicates. */
    public List<ClusterNode> nodes() {
        List<ClusterNode> nodes = new ArrayList<>();
        for (Shard shard : shards) {
            nodes.add(shard.primary());
        }
        for (Shard shard : shards) {
            nodes.addAll(shard.replicas());
        }
        return Collections.unmodifiableList(nodes);
    }

    /**
     * Finds a node by address.
     *
     * @param address the address
     * @return the node, primary or replica, if this snapshot knows it
     */
    public Optional<ClusterNode> nodeAt(NodeAddress address) {
        return nodes().stream().filter(n -> n.address().equals(address)).findFirst();
    }

    /** The number of slots some shard serves. */
    public int coveredSlotCount() {
        return coveredSlots;
    }

    /** Whether every slot is served. */
    public boolean coversAllSlots() {
        return coveredSlots == SlotHash.SLOT_COUNT;
    }

    /**
     * Returns a snapshot in which one slot is served by the primary at {@code target}, as a {@code MOVED} redirect
     * says. If a shard's primary has that address it takes the slot; if the address is one of a shard's replicas (a
     * failover the snapshot has not seen), that replica becomes a primary of a new shard; otherwise a new shard is
     * created for a primary known only by address. The shard that served the slot keeps its other slots.
     *
     * @param slot the slot that moved
     * @param target the address of its new primary
     * @return the new snapshot, or this one if the slot is already served by that primary
     */
    public ClusterTopology withSlotMovedTo(int slot, NodeAddress target) {
        Shard current = shardBySlot[slot];
        if (current != null && current.primary().address().equals(target)) {
            return this;
        }
        Shard[] bySlot = shardBySlot.clone();
        List<Shard> updated = new ArrayList<>(shards);
        Shard targetShard = null;
        for (Shard shard : shards) {
            if (shard.primary().address().equals(target)) {
                targetShard = shard;
            }
        }
        if (targetShard == null) {
            ClusterNode promoted = nodeAt(target)
                    .map(n -> new ClusterNode(n.id(), n.address(), ClusterNode.Role.PRIMARY, true))
                    .orElseGet(() -> ClusterNode.primaryAt(target));
            targetShard = new Shard(promoted, List.of(), List.of());
            updated.add(targetShard);
            removeReplica(updated, target);
        }
        bySlot[slot] = targetShard;
        return rebuild(updated, bySlot);
    }

    private static void removeReplica(List<Shard> shards, NodeAddress address) {
        for (int i = 0; i < shards.size(); i++) {
            Shard shard = shards.get(i);
            if (shard.replicas().stream().anyMatch(r -> r.address().equals(address))) {
                List<ClusterNode> replicas = new ArrayList<>(shard.replicas());
                replicas.removeIf(r -> r.address().equals(address));
                shards.set(i, new Shard(shard.primary(), replicas, shard.slots()));
            }
        }
    }

    /**
     * Recomputes each shard's slot ranges from a slot array whose entries may refer to outdated shard objects, matching
     * shards by primary address.
     */
    private static ClusterTopology rebuild(List<Shard> shards, Shard[] bySlot) {
        Map<NodeAddress, List<SlotRange>> ranges = new LinkedHashMap<>();
        int slot = 0;
        while (slot < bySlot.length) {
            Shard owner = bySlot[slot];
            int end = slot;
            while (end + 1 < bySlot.length && bySlot[end + 1] == owner) {
                end++;
            }
            if (owner != null) {
                ranges.computeIfAbsent(owner.primary().address(), a -> new ArrayList<>())
                        .add(new SlotRange(slot, end));
            }
            slot = end + 1;
        }
        Map<Shard, Shard> replaced = new IdentityHashMap<>();
        List<Shard> rebuilt = new ArrayList<>();
        Map<NodeAddress, Shard> byPrimary = new LinkedHashMap<>();
        for (Shard shard : shards) {
            Shard fresh = new Shard(
                    shard.primary(),
                    shard.replicas(),
                    ranges.getOrDefault(shard.primary().address(), List.of()));
            rebuilt.add(fresh);
            byPrimary.put(shard.primary().address(), fresh);
        }
        for (int s = 0; s < bySlot.length; s++) {
            Shard owner = bySlot[s];
            if (owner != null) {
                bySlot[s] = replaced.computeIfAbsent(
                        owner, o -> byPrimary.get(o.primary().address()));
            }
        }
        return new ClusterTopology(List.copyOf(rebuilt), bySlot);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterTopology that
                && shards.equals(that.shards)
                && Arrays.equals(shardBySlot, that.shardBySlot);
    }

    @Override
    public int hashCode() {
        return shards.hashCode();
    }

    @Override
    public String toString() {
        return "ClusterTopology{shards=" + shards.size() + ", coveredSlots=" + coveredSlots + "}";
    }
}
