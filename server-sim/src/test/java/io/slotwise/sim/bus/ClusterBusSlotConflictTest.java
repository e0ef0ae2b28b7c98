package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.EpochCommands;
import io.slotwise.sim.cluster.SlotAssignmentCommands;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterBusSlotConflictTest {

    /**
     * The owner of slot 100 is cut off from a master that takes the slot with a newer config epoch. Both claim it; the
     * third master sides with the newer epoch and, since the owner's view of the taker's epoch is stale, sends the
     * owner an UPDATE, its only way to learn the new configuration while the partition lasts.
     */
    @Test
    void masterThatMissedANewerClaimGetsAnUpdateAndTheGreaterEpochWinsEverywhere() throws Exception {
        try (BusTestCluster cluster = BusTestCluster.startMeshed(3, 1_000)) {
            cluster.awaitAll("distinct config epochs after collision handling", node -> {
                List<Long> epochs = node.configEpochsOf(cluster.nodes());
                return Set.copyOf(epochs).size() == 3
                        && epochs.equals(cluster.node(0).configEpochsOf(cluster.nodes()));
            });
            List<BusTestNode> byEpoch = new ArrayList<>(cluster.nodes());
            byEpoch.sort(Comparator.comparingLong(
                    node -> node.number(state -> state.myself().configEpoch())));
            BusTestNode taker = byEpoch.get(0);
            BusTestNode owner = byEpoch.get(1);
            BusTestNode third = byEpoch.get(2);
            owner.change(state -> SlotAssignmentCommands.addSlots(state, List.of("100", "200")));
            cluster.awaitAll("slot 100 to belong to its first owner", node -> ownerOf(node, 100, owner));

            owner.bus.faults().block(Set.of(taker.id()));
            taker.change(state -> {
                SlotAssignmentCommands.delSlots(state, List.of("100"));
                SlotAssignmentCommands.addSlots(state, List.of("100"));
                EpochCommands.bumpEpoch(state);
            });

            cluster.awaitAll("slot 100 to belong to the newer epoch everywhere", node -> ownerOf(node, 100, taker));
            assertTrue(owner.number(state -> state.messageStats().received(ClusterMessageType.UPDATE)) > 0);
            assertTrue(third.number(state -> state.messageStats().sent(ClusterMessageType.UPDATE)) > 0);
            assertTrue(owner.holds(
                    state -> state.myself().isMaster() && state.myself().ownsSlot(200)));

            owner.bus.faults().heal();
            cluster.awaitFullMesh();
            cluster.awaitAll(
                    "everyone to agree on slots 100 and 200",
                    node -> ownerOf(node, 100, taker) && ownerOf(node, 200, owner));
        }
    }

    private static boolean ownerOf(BusTestNode viewer, int slot, BusTestNode expected) {
        return viewer.holds(state -> {
            ClusterNode owner = state.slots().owner(slot);
            return owner != null && owner.id().equals(expected.id());
        });
    }
}
