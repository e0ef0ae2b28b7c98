package io.slotwise.netty.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.routing.SlotHash;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import io.slotwise.topology.SlotRange;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The re-subscription plan of shard channels: what is misplaced goes to its slot's owner, one command per slot. */
class ShardPlacementTest {

    private static final NodeAddress A = new NodeAddress("127.0.0.1", 7000);
    private static final NodeAddress B = new NodeAddress("127.0.0.1", 7001);

    /** A owns slots 0-8191, B 8192-16383. */
    private static final ClusterTopology SPLIT = ClusterTopology.of(List.of(
            new Shard(ClusterNode.primaryAt(A), List.of(), List.of(new SlotRange(0, 8191))),
            new Shard(ClusterNode.primaryAt(B), List.of(), List.of(new SlotRange(8192, 16383)))));

    /** A owns every slot (B's slots moved to A). */
    private static final ClusterTopology ALL_ON_A = ClusterTopology.of(List.of(
            new Shard(ClusterNode.primaryAt(A), List.of(), List.of(new SlotRange(0, 16383))),
            new Shard(ClusterNode.primaryAt(B), List.of(), List.of())));

    /** Only A's half is served. */
    private static final ClusterTopology HALF = ClusterTopology.of(
            List.of(new Shard(ClusterNode.primaryAt(A), List.of(), List.of(new SlotRange(0, 8191)))));

    private final ChannelName onA = channelInSlots(0, 8191, "a");
    private final ChannelName onA2 = channelInSlots(0, 8191, "a2");
    private final ChannelName onB = channelInSlots(8192, 16383, "b");

    @Test
    void unplacedChannelsGoToTheirSlotOwnersOneCommandPerSlot() {
        ShardPlacement plan = ShardPlacement.plan(wanted(onA, onA2, onB), Map.of(), SPLIT);

        assertEquals(Set.of(A, B), plan.subscribe().keySet());
        assertEquals(2, plan.subscribe().get(A).size(), "two channels of two slots on A: one SSUBSCRIBE per slot");
        assertEquals(List.of(onB), plan.subscribe().get(B).get(onB.slot()));
    }

    @Test
    void channelsAlreadyOnTheirOwnerStayWhereTheyAre() {
        Map<ChannelName, NodeAddress> placed = Map.of(onA, A, onA2, A, onB, B);

        assertTrue(ShardPlacement.plan(wanted(onA, onA2, onB), placed, SPLIT).isSettled());
    }

    @Test
    void aChannelWhoseSlotMovedIsSubscribedOnTheNewOwnerOnly() {
        Map<ChannelName, NodeAddress> placed = new HashMap<>(Map.of(onA, A, onB, B));

        ShardPlacement plan = ShardPlacement.plan(wanted(onA, onB), placed, ALL_ON_A);

        assertEquals(Map.of(A, Map.of(onB.slot(), List.of(onB))), plan.subscribe());
    }

    @Test
    void aChannelOfAnUncoveredSlotWaitsForARefresh() {
        ShardPlacement plan = ShardPlacement.plan(wanted(onA, onB), Map.of(), HALF);

        assertEquals(List.of(onB), plan.uncovered());
        assertEquals(Set.of(A), plan.subscribe().keySet());
    }

    @Test
    void channelsAreGroupedBySlotInFirstSeenOrder() {
        ChannelName tagged1 = name("{t}one");
        ChannelName tagged2 = name("{t}two");

        Map<Integer, List<ChannelName>> groups = ShardPlacement.bySlot(List.of(tagged1, onB, tagged2));

        assertEquals(List.of(tagged1, tagged2), groups.get(SlotHash.slot("t")));
        assertEquals(List.of(onB), groups.get(onB.slot()));
        assertEquals(List.of(SlotHash.slot("t"), onB.slot()), List.copyOf(groups.keySet()));
    }

    private static Set<ChannelName> wanted(ChannelName... names) {
        return new LinkedHashSet<>(List.of(names));
    }

    private static ChannelName channelInSlots(int from, int to, String prefix) {
        for (int i = 0; ; i++) {
            ChannelName candidate = name(prefix + ":" + i);
            if (candidate.slot() >= from && candidate.slot() <= to) {
                return candidate;
            }
        }
    }

    private static ChannelName name(String text) {
        return new ChannelName(text.getBytes(StandardCharsets.UTF_8));
    }
}
