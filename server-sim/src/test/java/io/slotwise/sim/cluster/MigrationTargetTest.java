package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.A;
import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.D;
import static io.slotwise.sim.cluster.TestClusters.E;
import static io.slotwise.sim.cluster.TestClusters.F;
import static io.slotwise.sim.cluster.TestClusters.get;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which masters count as targets of replica migration (Redis's {@code MIGRATE_TO} flag), seen from B of {@link
 * TestClusters}' six-node cluster (D, E, F replicate A, B, C).
 */
class MigrationTargetTest {
    private static final String NEW_NODE = "5555555555555555555555555555555555555555";

    private final ClusterState state =
            TestClusters.sixNodes(B, new TestClusters.FakeClock(), new TestClusters.FakeKeys());

    @Test
    void masterWithAReplicaIsATargetEvenWhenTheReplicaFailed() {
        get(state, F).addFlag(NodeFlag.FAIL, TestClusters.START);

        assertTrue(state.isMigrationTarget(get(state, C)));
    }

    @Test
    void masterWhoseLastReplicaMovedToAnotherMasterIsNoLongerATarget() {
        state.setPeerAsReplicaOf(get(state, F), get(state, A));

        assertFalse(state.isMigrationTarget(get(state, C)));
        assertTrue(state.isMigrationTarget(get(state, A)));
    }

    @Test
    void masterWhoseLastReplicaWasForgottenIsNoLongerATarget() {
        state.removeNode(get(state, F));

        assertFalse(state.isMigrationTarget(get(state, C)));
    }

    @Test
    void promotedReplicaIsATargetWithoutReplicasOfItsOwn() {
        state.setNodeAsMaster(get(state, D));

        assertTrue(state.isMigrationTarget(get(state, D)));
    }

    @Test
    void masterGettingItsFirstSlotIsATargetWhenOtherMastersHaveReplicas() {
        ClusterNode fresh = TestClusters.node(NEW_NODE, 7010);
        state.addNode(fresh);
        state.setNodeAsMaster(fresh);
        assertFalse(state.isMigrationTarget(fresh), "a master without slots and replicas");

        state.assignSlot(16383, fresh);

        assertTrue(state.isMigrationTarget(fresh));
    }

    @Test
    void masterGettingItsFirstSlotInAClusterWithoutReplicasIsNoTarget() {
        for (String replica : new String[] {D, E, F}) {
            state.removeNode(get(state, replica));
        }
        ClusterNode fresh = TestClusters.node(NEW_NODE, 7010);
        state.addNode(fresh);
        state.setNodeAsMaster(fresh);

        state.assignSlot(16383, fresh);

        assertFalse(state.isMigrationTarget(fresh));
        assertFalse(state.isMigrationTarget(get(state, A)));
    }
}
