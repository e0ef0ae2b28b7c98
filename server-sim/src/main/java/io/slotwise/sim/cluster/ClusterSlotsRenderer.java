package io.slotwise.sim.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the CLUSTER SLOTS reply: one element per maximal run of slots with the same owner, in ascending slot order
 * (unassigned slots omitted), each {@code [start, end, master, replica...]}; a node is
 * {@code [endpoint, port, id, extra-metadata-map]}. The endpoint follows {@code cluster-preferred-endpoint-type}
 * (IP; hostname or {@code ?}; null bulk for unknown-endpoint). The metadata map holds {@code ip} when the preferred
 * type is not IP and {@code hostname} when the preferred type is not hostname and a hostname is set. Replicas are listed
 * only when not FAIL and their replication offset is non-zero. Stateless; call on the node's thread.
 */
public final class ClusterSlotsRenderer {

    private ClusterSlotsRenderer() {}

    /**
     * Builds the reply tree.
     *
     * @param state the state, never {@code null}
     * @return an {@link ClusterReply.Array} of slot-range entries
     */
    public static ClusterReply.Array render(ClusterState state) {
        List<ClusterReply> ranges = new ArrayList<>();
        SlotTable slots = state.slots();
        int slot = 0;
        while (slot < SlotTable.SLOT_COUNT) {
            ClusterNode owner = slots.owner(slot);
            int end = slot;
            while (end + 1 < SlotTable.SLOT_COUNT && slots.owner(end + 1) == owner) {
                end++;
            }
            if (owner != null) {
                ranges.add(rangeEntry(state, owner, slot, end));
            }
            slot = end + 1;
        }
        return new ClusterReply.Array(ranges);
    }

    private static ClusterReply rangeEntry(ClusterState state, ClusterNode owner, int start, int end) {
        List<ClusterReply> entry = new ArrayList<>();
        entry.add(new ClusterReply.Int(start));
        entry.add(new ClusterReply.Int(end));
        entry.add(nodeEntry(state.config().preferredEndpointType(), owner));
        for (ClusterNode replica : state.replicasOf(owner)) {
            if (!replica.isFailed() && replica.replicationOffset() != 0) {
                entry.add(nodeEntry(state.config().preferredEndpointType(), replica));
            }
        }
        return new ClusterReply.Array(entry);
    }

    private static ClusterReply nodeEntry(PreferredEndpointType type, ClusterNode node) {
        ClusterReply endpoint = type == PreferredEndpointType.UNKNOWN_ENDPOINT
                ? ClusterReply.NullBulk.INSTANCE
                : new ClusterReply.Bulk(type.endpointOf(node));
        List<ClusterReply.Entry> metadata = new ArrayList<>();
        if (type != PreferredEndpointType.IP) {
            metadata.add(new ClusterReply.Entry("ip", new ClusterReply.Bulk(node.ip())));
        }
        if (type != PreferredEndpointType.HOSTNAME && node.hostname() != null) {
            metadata.add(new ClusterReply.Entry("hostname", new ClusterReply.Bulk(node.hostname())));
        }
        return new ClusterReply.Array(List.of(
                endpoint,
                new ClusterReply.Int(node.port()),
                new ClusterReply.Bulk(node.id()),
                new ClusterReply.Dict(metadata)));
    }
}
