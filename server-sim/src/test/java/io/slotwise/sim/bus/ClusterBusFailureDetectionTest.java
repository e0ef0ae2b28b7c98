package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.NodeFlag;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClusterBusFailureDetectionTest {

    private static final long NODE_TIMEOUT = 500;

    @Test
    void killedSlotOwningMasterBecomesFailOnTheOthersAndTheClusterGoesDown() throws Exception {
        try (BusTestCluster cluster = okCluster()) {
            BusTestNode victim = cluster.node(2);
            List<BusTestNode> survivors = cluster.nodes().subList(0, 2);

            assertTrue(victim.closeBus().await(5, TimeUnit.SECONDS));
            Duration took = cluster.awaitNodes(
                    "the killed master to be FAIL and cluster_state fail",
                    survivors,
                    node -> node.holds(state -> flagsOf(state, victim).contains(NodeFlag.FAIL) && !state.isOk()));

            assertTrue(
                    survivors.stream()
                            .anyMatch(node -> node.number(state -> state.failureReports()
                                            .countValid(node(state, victim), now(state), NODE_TIMEOUT))
                                    > 0),
                    "FAIL was reached through a master's failure report");
            assertTrue(
                    survivors.stream()
                                    .mapToLong(node -> node.number(
                                            state -> state.messageStats().sent(ClusterMessageType.FAIL)))
                                    .sum()
                            > 0,
                    "FAIL was broadcast");
            assertTrue(took.toMillis() >= NODE_TIMEOUT, "FAIL after " + took + " cannot precede the node timeout");
        }
    }

    @Test
    void partitionedMasterIsFailedByTheMajorityOnlyAndRejoinsAfterHealing() throws Exception {
        try (BusTestCluster cluster = okCluster()) {
            BusTestNode isolated = cluster.node(2);
            List<BusTestNode> majority = cluster.nodes().subList(0, 2);

            isolated.bus
                    .faults()
                    .block(Set.of(cluster.node(0).id(), cluster.node(1).id()));

            cluster.awaitNodes(
                    "the majority to see the isolated master FAIL and go down",
                    majority,
                    node -> node.holds(state -> flagsOf(state, isolated).contains(NodeFlag.FAIL) && !state.isOk()));
            cluster.awaitNodes(
                    "the isolated master to see both others PFAIL, never FAIL, and go down",
                    List.of(isolated),
                    node -> node.holds(state -> majority.stream()
                                    .allMatch(other -> flagsOf(state, other).contains(NodeFlag.PFAIL))
                            && !state.isOk()));
            assertFalse(isolated.holds(state ->
                    majority.stream().anyMatch(other -> flagsOf(state, other).contains(NodeFlag.FAIL))));

            isolated.bus.faults().heal();
            cluster.awaitAll(
                    "every failure flag to clear and cluster_state ok everywhere",
                    node -> node.holds(state -> state.isOk()
                            && state.nodes().stream()
                                    .noneMatch(n -> n.hasFlag(NodeFlag.PFAIL) || n.hasFlag(NodeFlag.FAIL))));
        }
    }

    @Test
    void pausedBusLooksLikeAStoppedProcess() throws Exception {
        try (BusTestCluster cluster = okCluster()) {
            BusTestNode frozen = cluster.node(1);
            List<BusTestNode> others = List.of(cluster.node(0), cluster.node(2));

            frozen.bus.faults().pause();
            cluster.awaitNodes(
                    "the frozen master to become FAIL",
                    others,
                    node -> node.holds(state -> flagsOf(state, frozen).contains(NodeFlag.FAIL)));
            frozen.bus.faults().resume();

            cluster.awaitAll(
                    "the frozen master to recover",
                    node -> node.holds(
                            state -> state.isOk() && state.nodes().stream().noneMatch(n -> n.hasFlag(NodeFlag.FAIL))));
        }
    }

    private static BusTestCluster okCluster() throws Exception {
        BusTestCluster cluster = BusTestCluster.startMeshed(3, NODE_TIMEOUT);
        cluster.assignSlotsEvenly(3);
        cluster.awaitSlotsAgree();
        cluster.awaitAll("cluster_state ok everywhere", node -> node.holds(ClusterState::isOk));
        return cluster;
    }

    private static ClusterNode node(ClusterState state, BusTestNode which) {
        return state.findNode(which.id()).orElseThrow();
    }

    private static Set<NodeFlag> flagsOf(ClusterState state, BusTestNode which) {
        return node(state, which).flags();
    }

    private static long now(ClusterState state) {
        return state.environment().nowMillis();
    }
}
