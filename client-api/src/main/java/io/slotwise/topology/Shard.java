package io.slotwise.topology;

import java.util.List;
import java.util.Objects;

/**
 * A primary, its replicas, and the slots the primary serves.
 *
 * @param primary the node that owns the slots
 * @param replicas the primary's replicas, healthy or not, in the order the cluster reported them
 * @param slots the slot ranges the primary serves, ascending; empty for a primary without slots
 */
public record Shard(ClusterNode primary, List<ClusterNode> replicas, List<SlotRange> slots) {

    /** Validates the shard and copies its lists. */
    public Shard {
        Objects.requireNonNull(primary, "primary");
        replicas = List.copyOf(replicas);
        slots = List.copyOf(slots);
        if (primary.role() != ClusterNode.Role.PRIMARY) {
            throw new IllegalArgumentException("shard primary " + primary.address() + " has role " + primary.role());
        }
    }

    /** The number of slots the shard serves. */
    public int slotCount() {
        int count = 0;
        for (SlotRange range : slots) {
            count += range.size();
        }
        return count;
    }
}
