package io.slotwise.sim.cluster;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the CLUSTER SLOTS reply: one element per maximal run of slots with the same owner, in ascending slot order
 * (unassigned slots omitted), each {@code [start, end, master, replica...]}; a node is
 * {@code [endpoint, port, id, extra-metadata-map]}. The endpoint follows {@code cluster-preferred-endpoint-type}
 * (IP; hostname or {@code ?}; null bulk for unknown-endpoint). The metadata map holds {@code ip} when the preferred
 * type is not IP and {@code hostname} when the preferred type is not hostname and a hostname is set (a map, so
 * RESP2 connections receive it as a flat key/value array). Replicas are listed
 * only when not FAIL and their replication offset is non-zero. Stateless; call on the node's thread.
 */
public final class ClusterSlotsRenderer {

    private ClusterSlotsRenderer() {}

    /**
     * Builds the reply tree.
     *
     * @param state the state, never {@code null}
     * @return an array of slot-range entries
     */
    public static Reply.Array render(ClusterState state) {
        List<Reply> ranges = new ArrayList<>();
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
        return new Reply.Array(ranges);
    }

    private static Reply rangeEntry(ClusterState state, ClusterNode owner, int start, int end) {
        List<Reply> entry = new ArrayList<>();
        entry.add(Reply.integer(start));
        entry.add(Reply.integer(end));
        entry.add(nodeEntry(state.config().preferredEndpointType(), owner));
        for (ClusterNode replica : state.replicasOf(owner)) {
            if (!replica.isFailed() && replica.replicationOffset() != 0) {
                entry.add(nodeEntry(state.config().preferredEndpointType(), replica));
            }
        }
        return new Reply.Array(entry);
    }

    private static Reply nodeEntry(PreferredEndpointType type, ClusterNode node) {
        Reply endpoint =
                type == PreferredEndpointType.UNKNOWN_ENDPOINT ? Reply.nullBulk() : Reply.bulk(type.endpointOf(node));
        List<Reply.Entry> metadata = new ArrayList<>();
        if (type != PreferredEndpointType.IP) {
            metadata.add(Reply.entry(Reply.bulk("ip"), Reply.bulk(node.ip())));
        }
        if (type != PreferredEndpointType.HOSTNAME && node.hostname() != null) {
            metadata.add(Reply.entry(Reply.bulk("hostname"), Reply.bulk(node.hostname())));
        }
        return Reply.array(endpoint, Reply.integer(node.port()), Reply.bulk(node.id()), new Reply.Map(metadata));
    }
}
