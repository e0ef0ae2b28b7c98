package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.E;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusterInfoRendererTest {

    @Test
    void freshNodeReportsRedisFreshNodeFields() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        assertEquals(
                "cluster_state:fail\r\n"
                        + "cluster_slots_assigned:0\r\n"
                        + "cluster_slots_ok:0\r\n"
                        + "cluster_slots_pfail:0\r\n"
                        + "cluster_slots_fail:0\r\n"
                        + "cluster_known_nodes:1\r\n"
                        + "cluster_size:0\r\n"
                        + "cluster_current_epoch:0\r\n"
                        + "cluster_my_epoch:0\r\n"
                        + "cluster_stats_messages_sent:0\r\n"
                        + "cluster_stats_messages_received:0\r\n"
                        + "total_cluster_links_buffer_limit_exceeded:0\r\n",
                ClusterInfoRenderer.render(state));
    }

    @Test
    void slotCountersFollowOwnerHealthAndStatsListOnlyNonZeroTypes() {
        ClusterState state = TestClusters.sixNodes();
        TestClusters.get(state, B).addFlag(NodeFlag.FAIL, 0);
        TestClusters.get(state, C).addFlag(NodeFlag.PFAIL, 0);
        state.updateState();
        ClusterMessageStats stats = state.messageStats();
        stats.recordSent(ClusterMessageType.PING);
        stats.recordSent(ClusterMessageType.PING);
        stats.recordSent(ClusterMessageType.FAILOVER_AUTH_REQUEST);
        stats.recordReceived(ClusterMessageType.PONG);
        stats.recordReceived(ClusterMessageType.PUBLISHSHARD);
        stats.recordLinkBufferLimitExceeded();

        assertEquals(
                "cluster_state:fail\r\n"
                        + "cluster_slots_assigned:16384\r\n"
                        + "cluster_slots_ok:5462\r\n"
                        + "cluster_slots_pfail:5460\r\n"
                        + "cluster_slots_fail:5462\r\n"
                        + "cluster_known_nodes:6\r\n"
                        + "cluster_size:3\r\n"
                        + "cluster_current_epoch:3\r\n"
                        + "cluster_my_epoch:1\r\n"
                        + "cluster_stats_messages_ping_sent:2\r\n"
                        + "cluster_stats_messages_auth-req_sent:1\r\n"
                        + "cluster_stats_messages_sent:3\r\n"
                        + "cluster_stats_messages_pong_received:1\r\n"
                        + "cluster_stats_messages_publishshard_received:1\r\n"
                        + "cluster_stats_messages_received:2\r\n"
                        + "total_cluster_links_buffer_limit_exceeded:1\r\n",
                ClusterInfoRenderer.render(state));
    }

    @Test
    void replicaReportsItsMastersEpochAsMyEpochAndHandshakesCountAsKnown() {
        ClusterState state = TestClusters.sixNodes(E, new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        MembershipCommands.addHandshakeNode(state, "127.0.0.1", 7100, 17100, true);

        String info = ClusterInfoRenderer.render(state);

        assertEquals(
                "cluster_state:ok",
                info.lines()
                        .filter(l -> l.startsWith("cluster_state:"))
                        .findFirst()
                        .orElseThrow());
        assertEquals("cluster_known_nodes:7", info.lines().toList().get(5));
        assertEquals("cluster_my_epoch:2", info.lines().toList().get(8));
    }
}
