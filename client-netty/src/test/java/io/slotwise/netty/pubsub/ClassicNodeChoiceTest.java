package io.slotwise.netty.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slotwise.routing.SlotHash;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import io.slotwise.topology.SlotRange;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Where classic subscriptions live: near the first channel's publisher, else on any reachable primary. */
class ClassicNodeChoiceTest {

    private static final NodeAddress A = new NodeAddress("127.0.0.1", 7000);
    private static final NodeAddress B = new NodeAddress("127.0.0.1", 7001);
    private static final NodeAddress EMPTY = new NodeAddress("127.0.0.1", 7002);
    private static final NodeAddress REPLICA = new NodeAddress("127.0.0.1", 7003);

    /** A owns 0-8191 (with a replica), B 8192-16383, EMPTY is a primary without slots. */
    private static final ClusterTopology TOPOLOGY = ClusterTopology.of(List.of(
            new Shard(
                    ClusterNode.primaryAt(A),
                    List.of(new ClusterNode("", REPLICA, ClusterNode.Role.REPLICA, true)),
                    List.of(new SlotRange(0, 8191))),
            new Shard(ClusterNode.primaryAt(B), List.of(), List.of(new SlotRange(8192, 16383))),
            new Shard(ClusterNode.primaryAt(EMPTY), List.of(), List.of())));

    private static final Predicate<NodeAddress> ALL_REACHABLE = node -> false;

    private final ChannelName onB = channelInSlots(8192, 16383, "b");

    @Test
    void theOwnerOfTheFirstChannelsSlotIsChosenSoPublishesNeedNoBusHop() {
        assertEquals(Set.of(B), draws(Set.of(onB), null, ALL_REACHABLE));
    }

    @Test
    void anUnreachableOwnerIsPassedOverForAnotherPrimaryServingSlots() {
        assertEquals(Set.of(A), draws(Set.of(onB), null, B::equals));
    }

    @Test
    void theNodeBeingLeftIsNotChosenAgainEvenIfItOwnsTheChannel() {
        assertEquals(Set.of(A), draws(Set.of(onB), B, ALL_REACHABLE));
    }

    @Test
    void withoutChannelsAnyReachablePrimaryServingSlotsMayBeChosen() {
        assertEquals(Set.of(A, B), draws(Set.of(), null, ALL_REACHABLE), "patterns only: spread over A and B");
    }

    @Test
    void whenNoPrimaryIsUsableAnyOtherNodeIsTriedEvenUnreachableOrReplica() {
        Predicate<NodeAddress> aUnreachable = A::equals;

        assertEquals(Set.of(A, EMPTY, REPLICA), draws(Set.of(onB), B, aUnreachable));
    }

    @Test
    void nothingIsChosenWhenTheTopologyKnowsNoOtherNode() {
        ClusterTopology onlyB = ClusterTopology.of(
                List.of(new Shard(ClusterNode.primaryAt(B), List.of(), List.of(new SlotRange(0, 16383)))));

        assertNull(ClassicNodeChoice.choose(onlyB, Set.of(onB), B, ALL_REACHABLE, new Random(1)));
        assertNull(ClassicNodeChoice.choose(ClusterTopology.empty(), Set.of(onB), null, ALL_REACHABLE, new Random(1)));
    }

    /** Every node chosen over many draws: the candidates the choice picks from. */
    private static Set<NodeAddress> draws(Set<ChannelName> channels, NodeAddress avoid, Predicate<NodeAddress> down) {
        Random random = new Random(42);
        Set<NodeAddress> chosen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            chosen.add(ClassicNodeChoice.choose(TOPOLOGY, channels, avoid, down, random));
        }
        return chosen;
    }

    private static ChannelName channelInSlots(int from, int to, String prefix) {
        for (int i = 0; ; i++) {
            byte[] bytes = (prefix + i).getBytes(StandardCharsets.UTF_8);
            int slot = SlotHash.slot(bytes);
            if (slot >= from && slot <= to) {
                return new ChannelName(bytes);
            }
        }
    }
}
