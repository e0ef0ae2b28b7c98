package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.SlotAssignmentCommands;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterBusLatencyTest {

    private static final Duration LATENCY = Duration.ofMillis(800);

    @Test
    void latencyDelaysEveryOutgoingMessage() throws Exception {
        try (BusTestCluster cluster = BusTestCluster.startMeshed(2, 3_000)) {
            BusTestNode sender = cluster.node(0);
            BusTestNode receiver = cluster.node(1);

            Duration direct = claimAndAwait(cluster, sender, receiver, 1);
            sender.bus.faults().setLatency(LATENCY);
            Duration delayed = claimAndAwait(cluster, sender, receiver, 2);
            sender.bus.faults().setLatency(Duration.ZERO);

            assertEquals(Duration.ZERO, sender.bus.faults().latency());
            assertTrue(direct.compareTo(LATENCY) < 0, "without latency the PONG arrives at once: " + direct);
            assertTrue(delayed.compareTo(LATENCY) >= 0, "with latency: " + delayed);
        }
    }

    /** Claims a slot, broadcasts a PONG and measures until the receiver binds the slot to the sender. */
    private static Duration claimAndAwait(BusTestCluster cluster, BusTestNode sender, BusTestNode receiver, int slot) {
        sender.change(state -> {
            SlotAssignmentCommands.addSlots(state, List.of(Integer.toString(slot)));
            sender.bus.broadcastPong();
        });
        return Await.until(
                BusTestCluster.CONVERGENCE,
                "slot " + slot + " to propagate",
                () -> receiver.holds(state -> {
                    ClusterNode owner = state.slots().owner(slot);
                    return owner != null && owner.id().equals(sender.id());
                }),
                cluster::diagnostics);
    }
}
