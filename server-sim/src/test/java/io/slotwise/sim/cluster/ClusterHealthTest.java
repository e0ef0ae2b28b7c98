package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterHealthTest {

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("all slots served", (Consumer<ClusterState>) s -> {}, true),
                Arguments.of("one slot unassigned", (Consumer<ClusterState>) s -> s.unassignSlot(77), false),
                Arguments.of(
                        "one slot unassigned, coverage not required",
                        (Consumer<ClusterState>) s -> {
                            s.setConfig(s.config().withRequireFullCoverage(false));
                            s.unassignSlot(77);
                        },
                        true),
                Arguments.of("owner FAIL", (Consumer<ClusterState>) s -> flag(s, C, NodeFlag.FAIL), false),
                Arguments.of(
                        "owner FAIL, coverage not required, majority reachable",
                        (Consumer<ClusterState>) s -> {
                            s.setConfig(s.config().withRequireFullCoverage(false));
                            flag(s, C, NodeFlag.FAIL);
                        },
                        true),
                Arguments.of("one owner PFAIL", (Consumer<ClusterState>) s -> flag(s, C, NodeFlag.PFAIL), true),
                Arguments.of(
                        "two of three owners PFAIL (minority)",
                        (Consumer<ClusterState>) s -> {
                            flag(s, B, NodeFlag.PFAIL);
                            flag(s, C, NodeFlag.PFAIL);
                        },
                        false),
                Arguments.of("failed replica", (Consumer<ClusterState>) s -> flag(s, D, NodeFlag.FAIL), true));
    }

    private static void flag(ClusterState state, String id, NodeFlag flag) {
        TestClusters.get(state, id).addFlag(flag, 0);
    }

    @ParameterizedTest(name = "{0} -> ok={2}")
    @MethodSource("verdicts")
    void clusterStateFollowsCoverageAndQuorum(String name, Consumer<ClusterState> change, boolean ok) {
        // Seen from a replica: no start-up or rejoin delay applies.
        ClusterState state = TestClusters.sixNodes(D, new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        change.accept(state);

        state.updateState();

        assertEquals(ok, ClusterHealth.evaluate(state));
        assertEquals(ok, state.isOk());
    }

    @Test
    void freshNodeWithoutSlotsIsDown() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        assertFalse(state.isOk());
        assertEquals(0, ClusterHealth.size(state));
    }

    @Test
    void masterStaysDownDuringTheWritableDelayAfterStart() {
        TestClusters.FakeClock clock = new TestClusters.FakeClock();
        ClusterNode myself = TestClusters.node(TestClusters.A, 7000);
        ClusterState state = new ClusterState(
                myself,
                ClusterConfig.defaults().withNodeTimeoutMillis(500),
                TestClusters.environment(clock, new TestClusters.FakeKeys()));
        state.updateState();
        clock.advance(600);
        SlotAssignmentCommands.addSlotsRange(state, List.of("0", "16383"));
        assertFalse(state.isOk());

        clock.advance(1_399);
        state.updateState();
        assertFalse(state.isOk());

        clock.advance(1);
        state.updateState();
        assertTrue(state.isOk());
    }

    @Test
    void masterBackFromTheMinorityWaitsTheRejoinDelay() {
        TestClusters.FakeClock clock = new TestClusters.FakeClock();
        ClusterState state = TestClusters.sixNodes(TestClusters.A, clock, new TestClusters.FakeKeys());
        state.setConfig(state.config().withNodeTimeoutMillis(1_000));
        assertTrue(state.isOk());
        flag(state, B, NodeFlag.PFAIL);
        flag(state, C, NodeFlag.PFAIL);
        state.updateState();
        assertFalse(state.isOk());

        clock.advance(300);
        TestClusters.get(state, B).removeFlag(NodeFlag.PFAIL);
        state.updateState();
        assertFalse(state.isOk());

        clock.advance(699);
        state.updateState();
        assertFalse(state.isOk());
        clock.advance(1);
        state.updateState();
        assertTrue(state.isOk());
    }

    @Test
    void rejoinDelayIsNodeTimeoutClampedBetweenHalfASecondAndFiveSeconds() {
        assertEquals(500, ClusterConfig.defaults().withNodeTimeoutMillis(100).rejoinDelayMillis());
        assertEquals(
                3_000, ClusterConfig.defaults().withNodeTimeoutMillis(3_000).rejoinDelayMillis());
        assertEquals(5_000, ClusterConfig.defaults().rejoinDelayMillis());
    }

    @Test
    void goingDownIsImmediate() {
        ClusterState state = TestClusters.sixNodes();
        assertTrue(state.isOk());

        flag(state, C, NodeFlag.FAIL);
        state.updateState();

        assertFalse(state.isOk());
    }
}
