package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.A;
import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.D;
import static io.slotwise.sim.cluster.TestClusters.E;
import static io.slotwise.sim.cluster.TestClusters.START;
import static io.slotwise.sim.cluster.TestClusters.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A master's vote in a replica election, seen from B of {@link TestClusters}' six-node cluster (A owns 0-5460 and 16383
 * with config epoch 1; D replicates A; current epoch 3); A is flagged FAIL unless a test says otherwise.
 */
class FailoverVoterTest {
    private static final String G = "77aa5d6e0b0cdb1f7c2e9b2f4b7c3e1d2a9f0c11";
    private static final long TIMEOUT = 15_000;

    private final TestClusters.FakeClock clock = new TestClusters.FakeClock();
    private final ClusterState state = TestClusters.sixNodes(B, clock, new TestClusters.FakeKeys());
    private final FailoverVoter voter = new FailoverVoter();

    FailoverVoterTest() {
        get(state, A).addFlag(NodeFlag.FAIL, START);
        ClusterNode secondReplica = TestClusters.node(G, 7010);
        state.addNode(secondReplica);
        state.setPeerAsReplicaOf(secondReplica, get(state, A));
    }

    private FailoverVoter.Vote ask(String requester, long epoch) {
        state.setCurrentEpoch(Math.max(state.currentEpoch(), epoch));
        return voter.decide(
                state, get(state, requester), epoch, 1, get(state, A).slots(), false);
    }

    @Test
    void replicaOfAFailedMasterGetsTheVoteAndTheVoteIsRecorded() {
        FailoverVoter.Vote vote = ask(D, 4);

        assertTrue(vote.granted(), vote.reason());
        assertEquals(4, state.lastVoteEpoch());
        assertEquals(Set.of(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG), state.drainPendingActions());
    }

    @Test
    void secondRequestInTheSameEpochIsRefused() {
        assertTrue(ask(D, 4).granted());

        FailoverVoter.Vote second = ask(G, 4);

        assertFalse(second.granted());
        assertEquals("already voted for epoch 4", second.reason());
    }

    @Test
    void anotherReplicaOfTheSameMasterWaitsTwiceTheNodeTimeoutEvenInALaterEpoch() {
        assertTrue(ask(D, 4).granted());
        clock.advance(1_000);

        FailoverVoter.Vote early = ask(G, 5);
        clock.advance(2 * TIMEOUT - 1_000);
        FailoverVoter.Vote late = ask(G, 6);

        assertEquals("can't vote about this master before " + (2 * TIMEOUT - 1_000) + " milliseconds", early.reason());
        assertTrue(late.granted(), late.reason());
    }

    @Test
    void requestFromAnOlderEpochIsRefused() {
        state.setCurrentEpoch(7);

        FailoverVoter.Vote vote =
                voter.decide(state, get(state, D), 6, 1, get(state, A).slots(), false);

        assertEquals("reqEpoch (6) < curEpoch(7)", vote.reason());
    }

    @Test
    void masterThatIsUpGetsNoReplacementUnlessTheFailoverIsManual() {
        ClusterNode master = get(state, C);
        ClusterNode replica = TestClusters.node("5c1e0f3b2a4d6e8f9a0b1c2d3e4f5a6b7c8d9e0f", 7011);
        state.addNode(replica);
        state.setPeerAsReplicaOf(replica, master);
        state.setCurrentEpoch(4);

        FailoverVoter.Vote automatic = voter.decide(state, replica, 4, 3, master.slots(), false);
        FailoverVoter.Vote manual = voter.decide(state, replica, 4, 3, master.slots(), true);

        assertEquals("its master is up", automatic.reason());
        assertTrue(manual.granted(), manual.reason());
    }

    @Test
    void claimOfSlotsOwnedWithANewerEpochIsRefused() {
        state.setCurrentEpoch(4);
        BitSet claimed = get(state, A).slots();
        claimed.set(6000);

        FailoverVoter.Vote vote = voter.decide(state, get(state, D), 4, 1, claimed, false);

        assertEquals("slot 6000 epoch (2) > reqEpoch (1)", vote.reason());
    }

    @Test
    void mastersAndReplicasOfUnknownMastersAreRefused() {
        state.setCurrentEpoch(4);
        ClusterNode orphan = TestClusters.node("9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", 7012);
        state.addNode(orphan);
        state.setPeerAsReplicaOfUnknownMaster(orphan);

        assertEquals(
                "it is a master node",
                voter.decide(state, get(state, C), 4, 3, new BitSet(), false).reason());
        assertEquals(
                "I don't know its master",
                voter.decide(state, orphan, 4, 0, new BitSet(), false).reason());
    }

    @Test
    void replicaDoesNotVote() {
        ClusterState replicaView = TestClusters.sixNodes(E, clock, new TestClusters.FakeKeys());
        get(replicaView, A).addFlag(NodeFlag.FAIL, START);

        FailoverVoter.Vote vote = new FailoverVoter()
                .decide(
                        replicaView,
                        get(replicaView, D),
                        4,
                        1,
                        get(replicaView, A).slots(),
                        false);

        assertFalse(vote.granted());
        assertEquals(0, replicaView.lastVoteEpoch());
    }
}
