package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ForgetBlacklist;
import io.slotwise.sim.cluster.MembershipCommands;
import io.slotwise.sim.cluster.NodeFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GossipProcessorTest {

    private final LocalCluster cluster = new LocalCluster();
    private final GossipProcessor gossip =
            new GossipProcessor(cluster.state, cluster.links, new FailureDetector(cluster.state, cluster.outbox));

    private static GossipEntry entry(char digit, long pong, Set<NodeFlag> flags) {
        return new GossipEntry(LocalCluster.id(digit), 0, pong, "127.0.0.1", 7100, 17100, flags);
    }

    @Test
    void gossipFromAKnownSenderAddsUnknownNodesWithTheirRoleAndNoHandshake() {
        ClusterNode b = cluster.master('b');

        gossip.process(
                b,
                List.of(
                        entry('c', 0, EnumSet.of(NodeFlag.MASTER)),
                        entry('d', 0, EnumSet.of(NodeFlag.SLAVE, NodeFlag.NOFAILOVER)),
                        entry('e', 0, EnumSet.of(NodeFlag.MASTER, NodeFlag.NOADDR))));

        ClusterNode c = cluster.state.findNode(LocalCluster.id('c')).orElseThrow();
        ClusterNode d = cluster.state.findNode(LocalCluster.id('d')).orElseThrow();
        assertEquals(Set.of(NodeFlag.MASTER), c.flags());
        assertEquals("127.0.0.1:7100@17100", c.ip() + ":" + c.port() + "@" + c.busPort());
        assertEquals(Set.of(NodeFlag.SLAVE, NodeFlag.NOFAILOVER), d.flags());
        assertNull(d.masterId(), "its master is learned from its own PING later");
        assertTrue(cluster.state.findNode(LocalCluster.id('e')).isEmpty(), "NOADDR nodes are not added");
    }

    @Test
    void gossipInAMeetFromAnUnknownSenderAddsNobody() {
        gossip.process(null, List.of(entry('c', 0, EnumSet.of(NodeFlag.MASTER))));

        assertEquals(1, cluster.state.nodes().size());
    }

    @Test
    void forgottenNodeStaysOutUntilTheBanExpires() {
        ClusterNode b = cluster.master('b');
        cluster.state.addNode(new ClusterNode(LocalCluster.id('c'), "127.0.0.1", 7100, 17100));
        MembershipCommands.forget(cluster.state, LocalCluster.id('c'));
        List<GossipEntry> aboutC = List.of(entry('c', 0, EnumSet.of(NodeFlag.MASTER)));

        cluster.now += ForgetBlacklist.TTL_MILLIS;
        gossip.process(b, aboutC);
        assertTrue(cluster.state.findNode(LocalCluster.id('c')).isEmpty(), "still banned at exactly 60 s");

        cluster.now += 1;
        gossip.process(b, aboutC);
        assertTrue(cluster.state.findNode(LocalCluster.id('c')).isPresent());
    }

    @Test
    void newerGossipedPongIsAdoptedOnlyForAHealthyNodeWithoutPendingPing() {
        ClusterNode b = cluster.master('b');
        ClusterNode c = cluster.master('c');
        ClusterNode d = cluster.master('d');
        ClusterNode e = cluster.master('e');
        d.setPingSentMillis(cluster.now - 10);
        long gossiped = cluster.now - 1_000;

        gossip.process(
                b,
                List.of(
                        entry('c', gossiped, EnumSet.of(NodeFlag.MASTER)),
                        entry('d', gossiped, EnumSet.of(NodeFlag.MASTER)),
                        entry('e', cluster.now + 501, EnumSet.of(NodeFlag.MASTER))));

        assertEquals(gossiped, c.pongReceivedMillis());
        assertEquals(0, d.pongReceivedMillis(), "a pending ping means I know better");
        assertEquals(0, e.pongReceivedMillis(), "more than 500 ms in the future is ignored");
    }

    @Test
    void failingNodeSeenHealthyElsewhereMovesToTheGossipedAddress() {
        ClusterNode b = cluster.master('b');
        ClusterNode c = cluster.pfail(cluster.master('c'));

        gossip.process(b, List.of(new GossipEntry(c.id(), 0, 0, "10.0.0.9", 7300, 17300, Set.of(NodeFlag.MASTER))));

        assertEquals("10.0.0.9:7300@17300", c.ip() + ":" + c.port() + "@" + c.busPort());
    }

    @Test
    void onlyMastersFileFailureReports() {
        ClusterNode master = cluster.master('b', 0, 16383);
        ClusterNode replica = cluster.replica('c', master);
        ClusterNode d = cluster.master('d');
        List<GossipEntry> dFailing = List.of(entry('d', 0, EnumSet.of(NodeFlag.MASTER, NodeFlag.PFAIL)));

        gossip.process(replica, dFailing);
        assertEquals(0, cluster.state.failureReports().countValid(d, cluster.now, LocalCluster.TIMEOUT));

        gossip.process(master, dFailing);
        assertEquals(1, cluster.state.failureReports().countValid(d, cluster.now, LocalCluster.TIMEOUT));

        gossip.process(master, List.of(entry('d', 0, EnumSet.of(NodeFlag.MASTER))));
        assertEquals(0, cluster.state.failureReports().countValid(d, cluster.now, LocalCluster.TIMEOUT));
        assertFalse(d.isFailed());
    }
}
