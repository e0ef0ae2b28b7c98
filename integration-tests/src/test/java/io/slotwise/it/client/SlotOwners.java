package io.slotwise.it.client;

import io.slotwise.it.fixture.RespReply;
import io.slotwise.routing.SlotHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** The slot map one node reports ({@code CLUSTER SLOTS}), resolved to the backend's nodes. Immutable. */
final class SlotOwners {

    private final BackendNode[] owners;

    private SlotOwners(BackendNode[] owners) {
        this.owners = owners;
    }

    /**
     * Asks {@code asked} for its slot map.
     *
     * @throws IllegalStateException if it names an owner the backend does not know
     */
    static SlotOwners read(ClusterBackend backend, BackendNode asked) {
        Map<String, BackendNode> byId = new HashMap<>();
        backend.nodes().forEach(node -> byId.put(node.id(), node));
        BackendNode[] owners = new BackendNode[SlotHash.SLOT_COUNT];
        for (RespReply range : backend.call(asked, "CLUSTER", "SLOTS").elements()) {
            List<RespReply> fields = range.elements();
            String ownerId = fields.get(2).elements().get(2).text();
            BackendNode owner = byId.get(ownerId);
            if (owner == null) {
                throw new IllegalStateException(asked + " reports an unknown owner " + ownerId);
            }
            for (long slot = fields.get(0).integer(); slot <= fields.get(1).integer(); slot++) {
                owners[(int) slot] = owner;
            }
        }
        return new SlotOwners(owners);
    }

    /** Returns the owner of {@code slot}, or {@code null} if the slot is unassigned. */
    BackendNode owner(int slot) {
        return owners[slot];
    }

    /** Returns how many slots {@code node} owns. */
    int count(BackendNode node) {
        int count = 0;
        for (BackendNode owner : owners) {
            if (node.equals(owner)) {
                count++;
            }
        }
        return count;
    }

    /** Returns a test for the slots {@code node} owns in this map. */
    IntPredicate ownedBy(BackendNode node) {
        BackendNode[] snapshot = owners.clone();
        return slot -> node.equals(snapshot[slot]);
    }
}
