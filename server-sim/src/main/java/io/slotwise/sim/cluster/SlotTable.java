package io.slotwise.sim.cluster;

import java.util.Arrays;

/**
 * The local node's slot table: the owner of every hash slot, and the per-slot MIGRATING (to) and IMPORTING (from)
 * markers set by CLUSTER SETSLOT. Reads are public; changes go through {@link ClusterState} and the subcommand classes,
 * which keep each owner's slot bit set in step. Not thread-safe.
 */
public final class SlotTable {

    /** The number of hash slots. */
    public static final int SLOT_COUNT = 16384;

    private final ClusterNode[] owners = new ClusterNode[SLOT_COUNT];
    private final ClusterNode[] migratingTo = new ClusterNode[SLOT_COUNT];
    private final ClusterNode[] importingFrom = new ClusterNode[SLOT_COUNT];

    SlotTable() {}

    /**
     * Returns the node a slot is bound to.
     *
     * @param slot the slot, in {@code [0, 16383]}
     * @return the owner, or {@code null} when unassigned
     */
    public ClusterNode owner(int slot) {
        return owners[slot];
    }

    /**
     * Returns where a slot is being migrated to (set only on the owner, by SETSLOT MIGRATING).
     *
     * @param slot the slot, in {@code [0, 16383]}
     * @return the target, or {@code null}
     */
    public ClusterNode migratingTo(int slot) {
        return migratingTo[slot];
    }

    /**
     * Returns where a slot is being imported from (set by SETSLOT IMPORTING).
     *
     * @param slot the slot, in {@code [0, 16383]}
     * @return the source, or {@code null}
     */
    public ClusterNode importingFrom(int slot) {
        return importingFrom[slot];
    }

    /**
     * Counts the assigned slots.
     *
     * @return the number of slots with an owner
     */
    public int assignedCount() {
        int count = 0;
        for (ClusterNode owner : owners) {
            if (owner != null) {
                count++;
            }
        }
        return count;
    }

    void assign(int slot, ClusterNode node) {
        unassign(slot);
        owners[slot] = node;
        node.slotBits().set(slot);
    }

    void unassign(int slot) {
        ClusterNode previous = owners[slot];
        if (previous != null) {
            previous.slotBits().clear(slot);
            owners[slot] = null;
        }
    }

    void setMigratingTo(int slot, ClusterNode target) {
        migratingTo[slot] = target;
    }

    void setImportingFrom(int slot, ClusterNode source) {
        importingFrom[slot] = source;
    }

    void closeAllSlots() {
        Arrays.fill(migratingTo, null);
        Arrays.fill(importingFrom, null);
    }

    void forgetNode(ClusterNode node) {
        for (int slot = 0; slot < SLOT_COUNT; slot++) {
            if (owners[slot] == node) {
                unassign(slot);
            }
            if (migratingTo[slot] == node) {
                migratingTo[slot] = null;
            }
            if (importingFrom[slot] == node) {
                importingFrom[slot] = null;
            }
        }
    }
}
