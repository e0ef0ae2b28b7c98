package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.A;
import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.D;
import static io.slotwise.sim.cluster.TestClusters.E;
import static io.slotwise.sim.cluster.TestClusters.F;
import static io.slotwise.sim.cluster.TestClusters.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterNodesRendererTest {

    @Test
    void clusterNodesOfThreeMastersAndThreeReplicasMatchesRedisByteForByte() {
        ClusterState state = TestClusters.sixNodes();

        String expected = A + " 127.0.0.1:7000@17000 myself,master - 0 1700000000000 1 connected 0-5460 16383"
                + " [3999->-" + B + "] [12000-<-" + C + "]\n"
                + B + " 127.0.0.1:7001@17001 master - 0 1700000001000 2 connected 5461-10922\n"
                + C + " 127.0.0.1:7002@17002 master - 1700000002500 1700000002000 3 connected 10923-16382\n"
                + D + " 127.0.0.1:7003@17003 slave " + A + " 0 1700000003000 1 connected\n"
                + E + " 127.0.0.1:7004@17004 slave,fail? " + B + " 1700000004500 1700000004000 2 disconnected\n"
                + F + " 127.0.0.1:7005@17005 slave " + C + " 0 1700000005000 3 connected\n";
        assertEquals(expected, ClusterNodesRenderer.render(state));
    }

    @Test
    void migrationMarkersAppearOnlyOnTheMyselfLineEvenWhenSeenFromAReplica() {
        ClusterState state = TestClusters.sixNodes(D, new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        String text = ClusterNodesRenderer.render(state);

        assertEquals(6, text.split("\n", -1).length - 1);
        assertEquals(
                D + " 127.0.0.1:7003@17003 myself,slave " + A + " 0 1700000003000 1 connected",
                text.lines().filter(line -> line.startsWith(D)).findFirst().orElseThrow());
        assertEquals(-1, text.indexOf('['));
    }

    @Test
    void migratingWinsOverImportingOnTheSameSlot() {
        ClusterState state = TestClusters.sixNodes();
        state.slots().setImportingFrom(3999, TestClusters.get(state, C));

        String myselfLine = ClusterNodesRenderer.line(state, state.myself());

        assertEquals(
                A + " 127.0.0.1:7000@17000 myself,master - 0 1700000000000 1 connected 0-5460 16383" + " [3999->-" + B
                        + "] [12000-<-" + C + "]",
                myselfLine);
    }

    @Test
    void hostnameFollowsTheBusPortAfterAComma() {
        ClusterState state = TestClusters.sixNodes();
        TestClusters.get(state, B).setHostname("b.example");

        assertEquals(
                B + " 127.0.0.1:7001@17001,b.example master - 0 1700000001000 2 connected 5461-10922",
                ClusterNodesRenderer.line(state, TestClusters.get(state, B)));
    }

    @Test
    void freshNodeAndHandshakeNodeRenderLikeRedis() {
        TestClusters.FakeClock clock = new TestClusters.FakeClock();
        ClusterState state = TestClusters.single(clock, new TestClusters.FakeKeys());
        state.myself().setAddress("", 7306, 17306);
        ClusterNode handshake = MembershipCommands.addHandshakeNode(state, "127.0.0.1", 7399, 17399, true);

        assertEquals(
                A + " :7306@17306 myself,master - 0 0 0 connected\n" + handshake.id()
                        + " 127.0.0.1:7399@17399 handshake - 0 0 0 disconnected\n",
                ClusterNodesRenderer.render(state));
    }

    @Test
    void nodeWithoutFlagsPrintsNoflags() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        ClusterNode bare = new ClusterNode(UNKNOWN, "", 0, 0);
        state.addNode(bare);

        assertEquals(UNKNOWN + " :0@0 noflags - 0 0 0 disconnected", ClusterNodesRenderer.line(state, bare));
    }

    @Test
    void replicasListsTheLinesOfAMastersReplicasWithoutNewline() {
        ClusterState state = TestClusters.sixNodes();
        state.addNode(TestClusters.node(UNKNOWN, 7009));
        state.setNodeAsMaster(TestClusters.get(state, UNKNOWN));

        assertEquals(
                List.of(E + " 127.0.0.1:7004@17004 slave,fail? " + B + " 1700000004500 1700000004000 2 disconnected"),
                ClusterNodesRenderer.replicas(state, B));
        assertEquals(List.of(), ClusterNodesRenderer.replicas(state, UNKNOWN));
    }

    @Test
    void replicasRejectsUnknownNodesAndReplicas() {
        ClusterState state = TestClusters.sixNodes();

        assertEquals(
                "ERR Unknown node nope",
                assertThrows(ClusterCommandException.class, () -> ClusterNodesRenderer.replicas(state, "nope"))
                        .errorText());
        assertEquals(
                "ERR The specified node is not a master",
                assertThrows(ClusterCommandException.class, () -> ClusterNodesRenderer.replicas(state, D))
                        .errorText());
    }
}
