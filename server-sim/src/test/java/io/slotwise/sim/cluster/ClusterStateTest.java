package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.A;
import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.E;
import static io.slotwise.sim.cluster.TestClusters.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterStateTest {

    @Test
    void freshStateIsAnEmptyMasterWithARandomIdFromTheInjectedGenerator() {
        TestClusters.FakeClock clock = new TestClusters.FakeClock();
        ClusterEnvironment environment = new ClusterEnvironment(clock, new Random(3), LocalKeys.EMPTY);

        ClusterState state = ClusterState.createFresh(ClusterConfig.defaults(), environment, "", 7000, 17000);

        assertEquals(NodeId.random(new Random(3)), state.myself().id());
        assertEquals(Set.of(NodeFlag.MYSELF, NodeFlag.MASTER), state.myself().flags());
        assertEquals(List.of(state.myself()), List.copyOf(state.nodes()));
        assertFalse(state.isOk());
    }

    @Test
    void addingAKnownIdOrAPeerWithSlotsIsRefused() {
        ClusterState state = TestClusters.sixNodes();
        ClusterNode withSlots = TestClusters.node(UNKNOWN, 7100);
        ClusterState other = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        other.addNode(withSlots);
        other.assignSlot(1, withSlots);

        assertThrows(IllegalArgumentException.class, () -> state.addNode(TestClusters.node(B, 7100)));
        assertThrows(IllegalArgumentException.class, () -> state.addNode(withSlots));
    }

    @Test
    void renamingAHandshakeNodeMovesItToTheEndUnderItsRealId() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        ClusterNode handshake = MembershipCommands.addHandshakeNode(state, "127.0.0.1", 7001, 17001, true);
        state.addNode(TestClusters.node(UNKNOWN, 7002));

        state.renameNode(handshake, B);

        assertSame(handshake, state.findNode(B).orElseThrow());
        assertEquals(
                List.of(A, UNKNOWN, B),
                state.nodes().stream().map(ClusterNode::id).toList());
        assertThrows(IllegalArgumentException.class, () -> state.renameNode(handshake, UNKNOWN));
        assertThrows(IllegalArgumentException.class, () -> state.renameNode(handshake, "short"));
    }

    @Test
    void renamingAMasterKeepsItsReplicasAttached() {
        ClusterState state = TestClusters.sixNodes();
        ClusterNode b = TestClusters.get(state, B);

        state.renameNode(b, UNKNOWN);

        assertEquals(UNKNOWN, TestClusters.get(state, E).masterId());
        assertEquals(List.of(TestClusters.get(state, E)), state.replicasOf(b));
    }

    @Test
    void masterAnnouncingAnUnknownMasterBecomesAReplicaWithoutMasterAndLosesItsSlots() {
        ClusterState state = TestClusters.sixNodes();
        ClusterNode b = TestClusters.get(state, B);

        state.setPeerAsReplicaOfUnknownMaster(b);

        assertTrue(b.isReplica());
        assertFalse(b.isMaster());
        assertNull(b.masterId());
        assertEquals(0, b.slotCount());
        assertNull(state.slots().owner(5461));
        assertThrows(IllegalArgumentException.class, () -> state.setPeerAsReplicaOfUnknownMaster(state.myself()));
    }

    @Test
    void peerTurningReplicaLosesItsSlots() {
        ClusterState state = TestClusters.sixNodes();
        ClusterNode b = TestClusters.get(state, B);

        state.setPeerAsReplicaOf(b, state.myself());

        assertEquals(0, b.slotCount());
        assertTrue(b.isReplica());
        assertEquals(null, state.slots().owner(6000));
        assertFalse(b.isMaster());
    }

    @Test
    void myselfCannotBecomeAReplicaWhileOwningSlots() {
        ClusterState state = TestClusters.sixNodes();

        assertThrows(IllegalStateException.class, () -> state.replicateMyselfFrom(TestClusters.get(state, B)));
        assertThrows(IllegalArgumentException.class, () -> state.removeNode(state.myself()));
    }

    @Test
    void roleFlagsAreNotSettableDirectly() {
        ClusterNode node = TestClusters.node(UNKNOWN, 7000);

        assertThrows(IllegalArgumentException.class, () -> node.addFlag(NodeFlag.MASTER, 0));
        assertThrows(IllegalArgumentException.class, () -> node.removeFlag(NodeFlag.MYSELF));
    }

    @Test
    void pendingActionsAreDrainedOnce() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        state.request(PendingAction.SAVE_CONFIG, PendingAction.BROADCAST_PONG);

        assertEquals(Set.of(PendingAction.SAVE_CONFIG, PendingAction.BROADCAST_PONG), state.drainPendingActions());
        assertEquals(Set.of(), state.drainPendingActions());
    }

    @Test
    void blacklistEntryRestartsItsPeriodWhenAddedAgain() {
        ForgetBlacklist blacklist = new ForgetBlacklist();
        blacklist.add(B, 0);
        blacklist.add(B, 30_000);

        assertTrue(blacklist.contains(B, 90_000));
        assertFalse(blacklist.contains(B, 90_001));
        assertFalse(blacklist.contains(A, 0));
    }
}
