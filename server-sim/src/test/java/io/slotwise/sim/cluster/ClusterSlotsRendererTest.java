package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.ReplyTrees.map;
import static io.slotwise.sim.cluster.TestClusters.A;
import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.D;
import static io.slotwise.sim.cluster.TestClusters.F;
import static io.slotwise.sim.protocol.Reply.array;
import static io.slotwise.sim.protocol.Reply.bulk;
import static io.slotwise.sim.protocol.Reply.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.protocol.Reply;
import org.junit.jupiter.api.Test;

class ClusterSlotsRendererTest {

    private static Reply ipNode(int port, String id) {
        return array(bulk("127.0.0.1"), integer(port), bulk(id), map());
    }

    @Test
    void rangesFollowSlotOrderAndListOnlyReplicasWithAnOffset() {
        ClusterState state = TestClusters.sixNodes();

        // E (replica of B) has replication offset 0, so B's range lists no replica.
        Reply expected = array(
                array(integer(0), integer(5460), ipNode(7000, A), ipNode(7003, D)),
                array(integer(5461), integer(10922), ipNode(7001, B)),
                array(integer(10923), integer(16382), ipNode(7002, C), ipNode(7005, F)),
                array(integer(16383), integer(16383), ipNode(7000, A), ipNode(7003, D)));
        assertEquals(expected, ClusterSlotsRenderer.render(state));
    }

    @Test
    void failedReplicasAreLeftOutAndUnassignedSlotsSplitRanges() {
        ClusterState state = TestClusters.sixNodes();
        TestClusters.get(state, D).addFlag(NodeFlag.FAIL, 0);
        for (int slot = 100; slot <= 5460; slot++) {
            state.unassignSlot(slot);
        }

        Reply.Array reply = ClusterSlotsRenderer.render(state);

        assertEquals(
                array(integer(0), integer(99), ipNode(7000, A)),
                reply.elements().get(0));
        assertEquals(4, reply.elements().size());
    }

    @Test
    void hostnameEndpointsPutTheIpIntoTheMetadataMap() {
        ClusterState state = TestClusters.sixNodes();
        state.setConfig(state.config().withPreferredEndpointType(PreferredEndpointType.HOSTNAME));
        TestClusters.get(state, B).setHostname("b.example");

        Reply.Array reply = ClusterSlotsRenderer.render(state);

        assertEquals(
                array(
                        integer(5461),
                        integer(10922),
                        array(bulk("b.example"), integer(7001), bulk(B), map("ip", bulk("127.0.0.1")))),
                reply.elements().get(1));
        assertEquals(
                array(bulk("?"), integer(7000), bulk(A), map("ip", bulk("127.0.0.1"))),
                ((Reply.Array) reply.elements().get(0)).elements().get(2));
    }

    @Test
    void ipEndpointsAnnounceAKnownHostnameInTheMetadataMap() {
        ClusterState state = TestClusters.sixNodes();
        TestClusters.get(state, B).setHostname("b.example");

        Reply.Array reply = ClusterSlotsRenderer.render(state);

        assertEquals(
                array(bulk("127.0.0.1"), integer(7001), bulk(B), map("hostname", bulk("b.example"))),
                ((Reply.Array) reply.elements().get(1)).elements().get(2));
    }

    @Test
    void unknownEndpointIsANullBulkWithIpAndHostnameInTheMetadata() {
        ClusterState state = TestClusters.sixNodes();
        state.setConfig(state.config().withPreferredEndpointType(PreferredEndpointType.UNKNOWN_ENDPOINT));
        TestClusters.get(state, B).setHostname("b.example");

        Reply.Array reply = ClusterSlotsRenderer.render(state);

        assertEquals(
                array(
                        Reply.nullBulk(),
                        integer(7001),
                        bulk(B),
                        map("ip", bulk("127.0.0.1"), "hostname", bulk("b.example"))),
                ((Reply.Array) reply.elements().get(1)).elements().get(2));
    }

    @Test
    void nodeWithoutSlotsGivesAnEmptyReply() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        assertEquals(array(), ClusterSlotsRenderer.render(state));
    }
}
