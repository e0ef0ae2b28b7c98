package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.LinkState;
import io.slotwise.sim.cluster.MembershipCommands;
import io.slotwise.sim.cluster.NodeFlag;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GossipSelectorTest {

    private final LocalCluster cluster = new LocalCluster();

    @Test
    void gossipCarriesThreeDistinctEligibleNodesThenEveryPfailNode() {
        for (char digit = 'a'; digit <= 'h'; digit++) {
            cluster.master(digit).setLinkState(LinkState.CONNECTED);
        }
        ClusterNode disconnectedEmpty = cluster.master('i');
        ClusterNode disconnectedOwner = cluster.master('j', 0, 10);
        ClusterNode noAddress = cluster.master('k');
        noAddress.addFlag(NodeFlag.NOADDR, 0);
        MembershipCommands.addHandshakeNode(cluster.state, "127.0.0.1", 9000, 19000, true);
        ClusterNode pfail = cluster.pfail(cluster.master('l'));

        for (int seed = 0; seed < 50; seed++) {
            List<GossipEntry> entries = GossipSelector.select(cluster.state, new Random(seed));
            List<String> random = entries.subList(0, entries.size() - 1).stream()
                    .map(GossipEntry::nodeId)
                    .toList();

            assertEquals(pfail.id(), entries.get(entries.size() - 1).nodeId(), "PFAIL nodes come last");
            assertTrue(random.size() <= 3, "max(3, 14 / 10) random entries");
            assertEquals(random.size(), new HashSet<>(random).size(), "no duplicates");
            Set<String> excluded = Set.of(LocalCluster.ME, disconnectedEmpty.id(), noAddress.id(), pfail.id());
            assertTrue(random.stream().noneMatch(excluded::contains), random.toString());
            assertTrue(random.stream()
                    .allMatch(id -> !cluster.state.findNode(id).orElseThrow().inHandshake()));
        }
        assertTrue(
                GossipSelector.select(cluster.state, new Random(1)).size() >= 3,
                "with 9 eligible nodes a draw usually fills all 3 places");
        assertTrue(disconnectedOwner.slotCount() > 0);
    }

    @Test
    void gossipTimesAreWholeSeconds() {
        ClusterNode b = cluster.master('b');
        b.setPongReceivedMillis(1_700_000_001_999L);
        b.setPingSentMillis(1_700_000_000_001L);

        GossipEntry entry = GossipSelector.entryFor(b);

        assertEquals(1_700_000_001_000L, entry.pongReceivedMillis());
        assertEquals(1_700_000_000_000L, entry.pingSentMillis());
    }

    @Test
    void twoNodeClusterGossipsOnlyPfailNodes() {
        cluster.master('b').setLinkState(LinkState.CONNECTED);

        assertEquals(List.of(), GossipSelector.select(cluster.state, new Random(1)));
    }
}
