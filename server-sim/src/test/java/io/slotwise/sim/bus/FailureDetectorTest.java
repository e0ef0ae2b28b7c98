package io.slotwise.sim.bus;

import static io.slotwise.sim.bus.LocalCluster.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.NodeFlag;
import org.junit.jupiter.api.Test;

class FailureDetectorTest {

    private final LocalCluster cluster = new LocalCluster();
    private final FailureDetector detector = new FailureDetector(cluster.state, cluster.outbox);

    @Test
    void pfailNeedsSilenceLongerThanTheNodeTimeout() {
        ClusterNode b = cluster.master('b');

        detector.checkTimeout(b, TIMEOUT);
        assertFalse(b.hasFlag(NodeFlag.PFAIL));

        detector.checkTimeout(b, TIMEOUT + 1);
        assertTrue(b.hasFlag(NodeFlag.PFAIL));
    }

    @Test
    void failNeedsReportsFromAMajorityOfSlotOwningMastersCountingMyself() {
        cluster.assign(cluster.state.myself(), 0, 99);
        ClusterNode b = cluster.master('b', 100, 199);
        ClusterNode c = cluster.master('c', 200, 299);
        ClusterNode d = cluster.master('d', 300, 399);
        ClusterNode e = cluster.master('e', 400, 16383);
        cluster.pfail(e);

        detector.onGossipedHealth(e, b, true);
        assertFalse(e.isFailed(), "2 of 5 masters (b and myself) are not a majority");
        detector.onGossipedHealth(e, c, false);
        assertFalse(e.isFailed(), "a healthy report does not count");
        detector.onGossipedHealth(e, d, true);

        assertTrue(e.isFailed(), "3 of 5 masters");
        assertFalse(e.hasFlag(NodeFlag.PFAIL));
        assertEquals(cluster.now, e.failTimeMillis());
        assertFalse(cluster.state.isOk(), "a FAIL slot owner takes the cluster down");
    }

    @Test
    void aNodeMustAlsoBePfailLocallyToBeMarkedFail() {
        ClusterNode b = cluster.master('b', 0, 16383);
        ClusterNode c = cluster.master('c');

        detector.onGossipedHealth(c, b, true);

        assertFalse(c.isFailed());
        assertEquals(1, detector.validReports(c));
    }

    @Test
    void reportsOlderThanTwiceTheNodeTimeoutAreDiscarded() {
        ClusterNode b = cluster.master('b', 0, 8191);
        ClusterNode c = cluster.master('c', 8192, 16383);
        cluster.state.setNodeAsMaster(cluster.state.myself());
        detector.onGossipedHealth(c, b, true);

        cluster.now += 2 * TIMEOUT + 1;
        cluster.pfail(c);
        cluster.master('d', 16383, 16383);
        detector.onGossipedHealth(
                c, cluster.state.findNode(LocalCluster.id('d')).orElseThrow(), true);

        assertEquals(1, detector.validReports(c), "b's report expired, d's is fresh");
        assertTrue(c.isFailed(), "d + myself = 2 of 3 masters");
    }

    @Test
    void failOfASlotOwningMasterIsClearedByAPongOnlyAfterTwiceTheNodeTimeout() {
        ClusterNode b = cluster.master('b', 0, 16383);
        b.addFlag(NodeFlag.FAIL, cluster.now);

        cluster.now += 2 * TIMEOUT;
        detector.onPong(b);
        assertTrue(b.isFailed(), "somebody may still fail it over");
        assertEquals(0, b.pingSentMillis());

        cluster.now += 1;
        detector.onPong(b);
        assertFalse(b.isFailed());
    }

    @Test
    void failOfAReplicaOrASlotlessMasterIsClearedByTheFirstPong() {
        ClusterNode master = cluster.master('b', 0, 16383);
        ClusterNode replica = cluster.replica('c', master);
        ClusterNode empty = cluster.master('d');
        replica.addFlag(NodeFlag.FAIL, cluster.now);
        empty.addFlag(NodeFlag.FAIL, cluster.now);

        detector.onPong(replica);
        detector.onPong(empty);

        assertFalse(replica.isFailed());
        assertFalse(empty.isFailed());
    }

    @Test
    void pongClearsPfailAndRecordsThePong() {
        ClusterNode b = cluster.pfail(cluster.master('b'));
        b.setPingSentMillis(cluster.now - 5_000);

        detector.onPong(b);

        assertFalse(b.hasFlag(NodeFlag.PFAIL));
        assertEquals(0, b.pingSentMillis());
        assertEquals(cluster.now, b.pongReceivedMillis());
    }

    @Test
    void failMessageMarksAKnownNodeButNeverMyself() {
        ClusterNode b = cluster.master('b');
        ClusterNode c = cluster.pfail(cluster.master('c'));

        detector.onFailMessage(b, c.id());
        detector.onFailMessage(b, LocalCluster.ME);
        detector.onFailMessage(b, LocalCluster.id('f'));

        assertTrue(c.isFailed());
        assertFalse(c.hasFlag(NodeFlag.PFAIL));
        assertFalse(cluster.state.myself().isFailed());
    }
}
