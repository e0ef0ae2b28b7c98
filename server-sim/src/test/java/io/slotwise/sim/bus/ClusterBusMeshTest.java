package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.LinkState;
import io.slotwise.sim.cluster.MembershipCommands;
import io.slotwise.sim.cluster.PendingAction;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterBusMeshTest {

    @Test
    void meetChainedFromOneNodeConvergesToAFullMeshAndEveryNodeLearnsItsIp() throws Exception {
        try (BusTestCluster cluster = BusTestCluster.start(3, 1_000)) {
            cluster.node(1).change(state -> state.myself().setHostname("node-1.example"));
            cluster.node(0).meet(cluster.node(1));
            cluster.node(0).meet(cluster.node(2));

            Duration took = cluster.awaitFullMesh();

            for (BusTestNode node : cluster.nodes()) {
                assertEquals("127.0.0.1", node.read(state -> state.myself().ip()), "learned from the MEET socket");
                assertEquals(
                        node.bus.busPort(), node.number(state -> state.myself().busPort()));
                assertTrue(node.number(state -> state.messageStats().received(ClusterMessageType.PONG)) > 0);
                assertTrue(node.recorder.actions.contains(PendingAction.SAVE_CONFIG));
            }
            assertEquals(
                    2,
                    cluster.node(0).number(state -> state.messageStats().sent(ClusterMessageType.MEET)),
                    "one MEET per CLUSTER MEET");
            assertEquals(0, cluster.node(1).number(state -> state.messageStats().sent(ClusterMessageType.MEET)));
            assertTrue(took.toMillis() < 5_000, "mesh took " + took);
            cluster.awaitAll(
                    "the announced hostname to spread",
                    node -> "node-1.example"
                            .equals(node.read(
                                    state -> state.findNode(cluster.node(1).id())
                                            .orElseThrow()
                                            .hostname())));
        }
    }

    @Test
    void sixNodesGetSlotsAndReplicasEverywhereWithUniqueConfigEpochs() throws Exception {
        try (BusTestCluster cluster = BusTestCluster.startMeshed(6, 1_000)) {
            cluster.assignSlotsEvenly(3);
            for (int i = 3; i < 6; i++) {
                String master = cluster.node(i - 3).id();
                cluster.node(i).change(state -> MembershipCommands.replicate(state, master));
            }

            cluster.awaitSlotsAgree();
            cluster.awaitAll(
                    "every node to see nodes 3-5 as replicas of 0-2",
                    node -> node.holds(state -> {
                        for (int i = 3; i < 6; i++) {
                            ClusterNode replica =
                                    state.findNode(cluster.node(i).id()).orElseThrow();
                            if (!replica.isReplica()
                                    || !cluster.node(i - 3).id().equals(replica.masterId())) {
                                return false;
                            }
                        }
                        return true;
                    }));
            cluster.awaitAll("cluster_state ok everywhere", node -> node.holds(state -> state.isOk()));
            List<BusTestNode> masters = cluster.nodes().subList(0, 3);
            cluster.awaitAll("distinct master config epochs, seen alike everywhere", node -> {
                List<Long> epochs = node.configEpochsOf(masters);
                return new HashSet<>(epochs).size() == 3
                        && epochs.equals(cluster.node(0).configEpochsOf(masters));
            });

            Set<PendingAction> replicaActions = cluster.node(3).recorder.actions;
            assertTrue(replicaActions.contains(PendingAction.REPLICATION_CHANGED), replicaActions.toString());
            for (BusTestNode node : cluster.nodes()) {
                assertEquals(6, node.number(state -> state.nodes().size()));
                assertTrue(node.holds(
                        state -> state.nodes().stream().allMatch(peer -> peer.linkState() == LinkState.CONNECTED)));
            }
        }
    }
}
