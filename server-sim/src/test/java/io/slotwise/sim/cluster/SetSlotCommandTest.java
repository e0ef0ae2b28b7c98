package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.A;
import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.D;
import static io.slotwise.sim.cluster.TestClusters.E;
import static io.slotwise.sim.cluster.TestClusters.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SetSlotCommandTest {

    static Stream<Arguments> rejectedCalls() {
        String invalidAction = "ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP";
        return Stream.of(
                Arguments.of(List.of("100"), "ERR wrong number of arguments for 'cluster|setslot' command"),
                Arguments.of(List.of("abc", "stable"), "ERR Invalid or out of range slot"),
                Arguments.of(List.of("16384", "stable"), "ERR Invalid or out of range slot"),
                Arguments.of(List.of("100", "bogus"), invalidAction),
                Arguments.of(List.of("100", "stable", A), invalidAction),
                Arguments.of(List.of("100", "migrating"), invalidAction),
                Arguments.of(List.of("100", "importing", A, "x"), invalidAction),
                Arguments.of(List.of("100", "node"), invalidAction),
                Arguments.of(List.of("6000", "migrating", B), "ERR I'm not the owner of hash slot 6000"),
                Arguments.of(List.of("100", "migrating", "nope"), "ERR I don't know about node nope"),
                Arguments.of(List.of("100", "migrating", UNKNOWN), "ERR I don't know about node " + UNKNOWN),
                Arguments.of(
                        List.of("100", "migrating", B.toUpperCase()), "ERR I don't know about node " + B.toUpperCase()),
                Arguments.of(List.of("100", "migrating", D), "ERR Target node is not a master"),
                Arguments.of(List.of("100", "importing", B), "ERR I'm already the owner of hash slot 100"),
                Arguments.of(List.of("6000", "importing", UNKNOWN), "ERR I don't know about node " + UNKNOWN),
                Arguments.of(List.of("6000", "importing", E), "ERR Target node is not a master"),
                Arguments.of(List.of("100", "node", UNKNOWN), "ERR Unknown node " + UNKNOWN),
                Arguments.of(List.of("100", "node", D), "ERR Target node is not a master"),
                Arguments.of(
                        List.of("100", "node", B),
                        "ERR Can't assign hashslot 100 to a different node while I still hold keys for this hash slot."));
    }

    @ParameterizedTest(name = "SETSLOT {0} -> {1}")
    @MethodSource("rejectedCalls")
    void rejectedCallFailsWithRedisTextAndChangesNothing(List<String> arguments, String expectedError) {
        ClusterState state =
                TestClusters.sixNodes(A, new TestClusters.FakeClock(), new TestClusters.FakeKeys().put(100, 2));
        String before = ClusterNodesRenderer.render(state);

        ClusterCommandException error =
                assertThrows(ClusterCommandException.class, () -> SetSlotCommand.execute(state, arguments));

        assertEquals(expectedError, error.errorText());
        assertEquals(before, ClusterNodesRenderer.render(state));
        assertEquals(Set.of(), state.drainPendingActions());
    }

    @Test
    void replicaRefusesSetslotBeforeLookingAtTheSlot() {
        ClusterState replica = TestClusters.sixNodes(D, new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        ClusterCommandException error = assertThrows(
                ClusterCommandException.class, () -> SetSlotCommand.execute(replica, List.of("abc", "stable")));

        assertEquals("ERR Please use SETSLOT only with masters.", error.errorText());
    }

    @Test
    void migratingAndImportingSetMarkersAndStableClearsBoth() {
        ClusterState state = TestClusters.sixNodes();

        SetSlotCommand.execute(state, List.of("100", "MiGrAtInG", B));
        SetSlotCommand.execute(state, List.of("7000", "importing", B));

        assertSame(TestClusters.get(state, B), state.slots().migratingTo(100));
        assertSame(TestClusters.get(state, B), state.slots().importingFrom(7000));
        assertTrue(state.drainPendingActions().contains(PendingAction.SAVE_CONFIG));

        SetSlotCommand.execute(state, List.of("100", "STABLE"));
        SetSlotCommand.execute(state, List.of("7000", "stable"));
        assertNull(state.slots().migratingTo(100));
        assertNull(state.slots().importingFrom(7000));
    }

    @Test
    void migratingToMyselfIsAccepted() {
        ClusterState state = TestClusters.sixNodes();

        SetSlotCommand.execute(state, List.of("100", "migrating", A));

        assertSame(state.myself(), state.slots().migratingTo(100));
    }

    @Test
    void nodeGivesAnEmptySlotAwayAndClearsItsMigratingMarker() {
        ClusterState state = TestClusters.sixNodes();

        SetSlotCommand.execute(state, List.of("3999", "node", B));

        assertSame(TestClusters.get(state, B), state.slots().owner(3999));
        assertNull(state.slots().migratingTo(3999));
        assertFalse(state.myself().ownsSlot(3999));
        assertTrue(state.myself().isMaster());
    }

    @Test
    void nodeOnASlotOfAnotherNodeKeepsMigratingWhileKeysRemain() {
        TestClusters.FakeKeys keys = new TestClusters.FakeKeys().put(6000, 1);
        ClusterState state = TestClusters.sixNodes(A, new TestClusters.FakeClock(), keys);
        state.slots().setMigratingTo(6000, TestClusters.get(state, C));

        SetSlotCommand.execute(state, List.of("6000", "node", C));

        assertSame(TestClusters.get(state, C), state.slots().owner(6000));
        assertSame(TestClusters.get(state, C), state.slots().migratingTo(6000));
    }

    @Test
    void nodeToMyselfClosesTheImportAndBumpsMyEpoch() {
        ClusterState state = TestClusters.sixNodes();

        SetSlotCommand.execute(state, List.of("12000", "node", A));

        assertSame(state.myself(), state.slots().owner(12000));
        assertNull(state.slots().importingFrom(12000));
        assertEquals(4, state.currentEpoch());
        assertEquals(4, state.myself().configEpoch());
        assertTrue(state.drainPendingActions()
                .containsAll(Set.of(PendingAction.BROADCAST_PONG, PendingAction.FSYNC_CONFIG)));
    }

    @Test
    void nodeNamingAnotherNodeLeavesTheImportingMarker() {
        ClusterState state = TestClusters.sixNodes();

        SetSlotCommand.execute(state, List.of("12000", "node", B));

        assertSame(TestClusters.get(state, B), state.slots().owner(12000));
        assertSame(TestClusters.get(state, C), state.slots().importingFrom(12000));
    }

    @Test
    void masterGivingAwayItsLastSlotBecomesAReplicaOfTheNewOwner() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        state.addNode(TestClusters.node(B, 7001));
        state.setNodeAsMaster(TestClusters.get(state, B));
        SlotAssignmentCommands.addSlots(state, List.of("7"));
        SetSlotCommand.execute(state, List.of("8", "importing", B));
        state.drainPendingActions();

        SetSlotCommand.execute(state, List.of("7", "node", B));

        assertTrue(state.myself().isReplica());
        assertEquals(B, state.myself().masterId());
        assertNull(state.slots().importingFrom(8));
        assertTrue(state.drainPendingActions().contains(PendingAction.REPLICATION_CHANGED));
    }

    @Test
    void masterStaysMasterWhenReplicaMigrationIsDisabled() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        state.setConfig(state.config().withAllowReplicaMigration(false));
        state.addNode(TestClusters.node(B, 7001));
        state.setNodeAsMaster(TestClusters.get(state, B));
        SlotAssignmentCommands.addSlots(state, List.of("7"));

        SetSlotCommand.execute(state, List.of("7", "node", B));

        assertTrue(state.myself().isMaster());
        assertEquals(0, state.myself().slotCount());
    }
}
