package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.ReplyTrees.map;
import static io.slotwise.sim.cluster.TestClusters.A;
import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.D;
import static io.slotwise.sim.cluster.TestClusters.E;
import static io.slotwise.sim.cluster.TestClusters.F;
import static io.slotwise.sim.cluster.TestClusters.UNKNOWN;
import static io.slotwise.sim.protocol.Reply.array;
import static io.slotwise.sim.protocol.Reply.bulk;
import static io.slotwise.sim.protocol.Reply.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.protocol.Reply;
import org.junit.jupiter.api.Test;

class ClusterShardsRendererTest {

    private static Reply node(String id, int port, String role, long offset, String health) {
        return map(
                "id", bulk(id),
                "port", integer(port),
                "ip", bulk("127.0.0.1"),
                "endpoint", bulk("127.0.0.1"),
                "role", bulk(role),
                "replication-offset", integer(offset),
                "health", bulk(health));
    }

    @Test
    void oneShardPerMasterWithFlatSlotBoundsAndMembersMasterFirst() {
        ClusterState state = TestClusters.sixNodes();
        state.myself().setReplicationOffset(1200);

        Reply expected = array(
                map(
                        "slots", array(integer(0), integer(5460), integer(16383), integer(16383)),
                        "nodes",
                                array(
                                        node(A, 7000, "master", 1200, "online"),
                                        node(D, 7003, "replica", 1000, "online"))),
                map(
                        "slots", array(integer(5461), integer(10922)),
                        "nodes", array(node(B, 7001, "master", 0, "online"), node(E, 7004, "replica", 0, "loading"))),
                map(
                        "slots", array(integer(10923), integer(16382)),
                        "nodes",
                                array(node(C, 7002, "master", 0, "online"), node(F, 7005, "replica", 2000, "online"))));
        assertEquals(expected, ClusterShardsRenderer.render(state));
    }

    @Test
    void slotlessAndFailedMastersStillFormShardsAndFailedReplicasStay() {
        ClusterState state = TestClusters.sixNodes();
        ClusterNode empty = TestClusters.node(UNKNOWN, 7009);
        state.addNode(empty);
        state.setNodeAsMaster(empty);
        TestClusters.get(state, C).addFlag(NodeFlag.FAIL, 0);
        TestClusters.get(state, F).addFlag(NodeFlag.FAIL, 0);

        Reply.Array shards = ClusterShardsRenderer.render(state);

        assertEquals(4, shards.elements().size());
        assertEquals(
                map("slots", array(), "nodes", array(node(UNKNOWN, 7009, "master", 0, "online"))),
                shards.elements().get(3));
        assertEquals(
                map(
                        "slots", array(integer(10923), integer(16382)),
                        "nodes", array(node(C, 7002, "master", 0, "fail"), node(F, 7005, "replica", 2000, "fail"))),
                shards.elements().get(2));
    }

    @Test
    void hostnameIsListedAfterTheEndpointAndDrivesTheEndpointWhenPreferred() {
        ClusterState state = TestClusters.sixNodes();
        state.setConfig(state.config().withPreferredEndpointType(PreferredEndpointType.HOSTNAME));
        TestClusters.get(state, B).setHostname("b.example");

        Reply.Map shard =
                (Reply.Map) ClusterShardsRenderer.render(state).elements().get(1);
        Reply.Array members = (Reply.Array) shard.entries().get(1).value();

        assertEquals(
                map(
                        "id", bulk(B),
                        "port", integer(7001),
                        "ip", bulk("127.0.0.1"),
                        "endpoint", bulk("b.example"),
                        "hostname", bulk("b.example"),
                        "role", bulk("master"),
                        "replication-offset", integer(0),
                        "health", bulk("online")),
                members.elements().get(0));
    }
}
