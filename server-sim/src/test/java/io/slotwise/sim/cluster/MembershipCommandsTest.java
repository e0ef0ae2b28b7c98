package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.A;
import static io.slotwise.sim.cluster.TestClusters.B;
import static io.slotwise.sim.cluster.TestClusters.C;
import static io.slotwise.sim.cluster.TestClusters.D;
import static io.slotwise.sim.cluster.TestClusters.E;
import static io.slotwise.sim.cluster.TestClusters.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MembershipCommandsTest {

    static Stream<Arguments> rejectedMeets() {
        return Stream.of(
                Arguments.of("127.0.0.1", "abc", null, "ERR Invalid TCP base port specified: abc"),
                Arguments.of("127.0.0.1", "7001", "x", "ERR Invalid TCP bus port specified: x"),
                Arguments.of("localhost", "7001", null, "ERR Invalid node address specified: localhost:7001"),
                Arguments.of("127.0.0.256", "7001", null, "ERR Invalid node address specified: 127.0.0.256:7001"),
                Arguments.of("127.0.0.1", "0", null, "ERR Invalid node address specified: 127.0.0.1:0"),
                Arguments.of("127.0.0.1", "65536", null, "ERR Invalid node address specified: 127.0.0.1:65536"),
                Arguments.of("127.0.0.1", "60000", null, "ERR Invalid node address specified: 127.0.0.1:60000"),
                Arguments.of("127.0.0.1", "7001", "0", "ERR Invalid node address specified: 127.0.0.1:7001"),
                // The port is validated before the address.
                Arguments.of("localhost", "x", null, "ERR Invalid TCP base port specified: x"));
    }

    @ParameterizedTest(name = "MEET {0} {1} {2} -> {3}")
    @MethodSource("rejectedMeets")
    void rejectedMeetFailsWithRedisText(String ip, String port, String busPort, String expected) {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        ClusterCommandException error =
                assertThrows(ClusterCommandException.class, () -> MembershipCommands.meet(state, ip, port, busPort));

        assertEquals(expected, error.errorText());
        assertEquals(1, state.nodes().size());
    }

    @Test
    void meetAddsOneHandshakeNodeWithNormalizedAddressAndDefaultBusPort() {
        TestClusters.FakeClock clock = new TestClusters.FakeClock();
        ClusterState state = TestClusters.single(clock, new TestClusters.FakeKeys());

        MembershipCommands.meet(state, "::FFFF:127.0.0.1", "7001", null);
        MembershipCommands.meet(state, "::ffff:127.0.0.1", "7001", null);
        MembershipCommands.meet(state, "127.0.0.1", "7002", "17999");

        assertEquals(3, state.nodes().size());
        List<ClusterNode> handshakes =
                state.nodes().stream().filter(ClusterNode::inHandshake).toList();
        assertEquals("::ffff:127.0.0.1", handshakes.get(0).ip());
        assertEquals(17001, handshakes.get(0).busPort());
        assertEquals(17999, handshakes.get(1).busPort());
        assertTrue(handshakes.get(0).meetPending());
        assertEquals(clock.now, handshakes.get(0).createdAtMillis());
        assertEquals(
                handshakes.get(1).id() + " 127.0.0.1:7002@17999 handshake - 0 0 0 disconnected",
                ClusterNodesRenderer.line(state, handshakes.get(1)));
        assertTrue(NodeId.isWellFormed(handshakes.get(1).id()));
    }

    static Stream<Arguments> rejectedForgets() {
        return Stream.of(
                Arguments.of(A, UNKNOWN, "ERR Unknown node " + UNKNOWN),
                Arguments.of(A, "nope", "ERR Unknown node nope"),
                Arguments.of(A, A, "ERR I tried hard but I can't forget myself..."),
                Arguments.of(D, A, "ERR Can't forget my master!"));
    }

    @ParameterizedTest(name = "{0} FORGET {1} -> {2}")
    @MethodSource("rejectedForgets")
    void rejectedForgetFailsWithRedisText(String myself, String target, String expected) {
        ClusterState state = TestClusters.sixNodes(myself, new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        ClusterCommandException error =
                assertThrows(ClusterCommandException.class, () -> MembershipCommands.forget(state, target));

        assertEquals(expected, error.errorText());
        assertEquals(6, state.nodes().size());
    }

    @Test
    void forgetRemovesTheNodeItsSlotsAndMarkersAndDetachesItsReplicas() {
        ClusterState state = TestClusters.sixNodes();

        MembershipCommands.forget(state, B);

        assertTrue(state.findNode(B).isEmpty());
        assertNull(state.slots().owner(6000));
        assertNull(state.slots().migratingTo(3999));
        ClusterNode e = TestClusters.get(state, E);
        assertTrue(e.isReplica());
        assertNull(e.masterId());
        assertTrue(ClusterNodesRenderer.line(state, e).startsWith(E + " 127.0.0.1:7004@17004 slave,fail? - "));
        assertFalse(state.isOk());
        assertTrue(state.drainPendingActions().contains(PendingAction.SAVE_CONFIG));
    }

    @Test
    void forgottenNodeStaysBlacklistedForSixtySeconds() {
        TestClusters.FakeClock clock = new TestClusters.FakeClock();
        ClusterState state = TestClusters.sixNodes(A, clock, new TestClusters.FakeKeys());

        MembershipCommands.forget(state, C);
        clock.advance(ForgetBlacklist.TTL_MILLIS);
        assertTrue(state.blacklist().contains(C, clock.now));

        clock.advance(1);
        assertFalse(state.blacklist().contains(C, clock.now));
        assertEquals(0, state.blacklist().size(clock.now));
    }

    @Test
    void replicaCanForgetNodesOtherThanItsMaster() {
        ClusterState state = TestClusters.sixNodes(D, new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        MembershipCommands.forget(state, B);

        assertEquals(5, state.nodes().size());
    }

    static Stream<Arguments> rejectedReplicates() {
        return Stream.of(
                Arguments.of(A, UNKNOWN, 0, "ERR Unknown node " + UNKNOWN),
                Arguments.of(A, A, 0, "ERR Can't replicate myself"),
                Arguments.of(A, E, 0, "ERR I can only replicate a master, not a replica."),
                Arguments.of(A, B, 0, "ERR To set a master the node must be empty and without assigned slots."));
    }

    @ParameterizedTest(name = "{0} REPLICATE {1} -> {3}")
    @MethodSource("rejectedReplicates")
    void rejectedReplicateFailsWithRedisText(String myself, String target, int keys, String expected) {
        ClusterState state = TestClusters.sixNodes(myself, new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        ClusterCommandException error =
                assertThrows(ClusterCommandException.class, () -> MembershipCommands.replicate(state, target));

        assertEquals(expected, error.errorText());
    }

    @Test
    void slotlessMasterHoldingKeysCannotReplicate() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys().put(9, 1));
        state.addNode(TestClusters.node(B, 7001));
        state.setNodeAsMaster(TestClusters.get(state, B));

        ClusterCommandException error =
                assertThrows(ClusterCommandException.class, () -> MembershipCommands.replicate(state, B));

        assertEquals("ERR To set a master the node must be empty and without assigned slots.", error.errorText());
    }

    @Test
    void emptyMasterBecomesReplicaAndDropsItsMigrationMarkers() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        state.addNode(TestClusters.node(B, 7001));
        state.setNodeAsMaster(TestClusters.get(state, B));
        SetSlotCommand.importing(state, 42, B);
        state.drainPendingActions();

        MembershipCommands.replicate(state, B);

        assertTrue(state.myself().isReplica());
        assertEquals(B, state.myself().masterId());
        assertNull(state.slots().importingFrom(42));
        assertEquals(Set.of(PendingAction.SAVE_CONFIG, PendingAction.REPLICATION_CHANGED), state.drainPendingActions());
    }

    @Test
    void replicaWithKeysMaySwitchMasters() {
        ClusterState state =
                TestClusters.sixNodes(D, new TestClusters.FakeClock(), new TestClusters.FakeKeys().put(1, 5));

        MembershipCommands.replicate(state, B);

        assertEquals(B, state.myself().masterId());
        assertEquals(List.of(TestClusters.get(state, E), state.myself()), state.replicasOf(TestClusters.get(state, B)));
    }

    static Stream<Arguments> resetArguments() {
        return Stream.of(
                Arguments.of(List.of(), ResetMode.SOFT),
                Arguments.of(List.of("soft"), ResetMode.SOFT),
                Arguments.of(List.of("HARD"), ResetMode.HARD),
                Arguments.of(List.of("Hard"), ResetMode.HARD));
    }

    @ParameterizedTest(name = "RESET {0} -> {1}")
    @MethodSource("resetArguments")
    void resetModeIsParsedCaseInsensitively(List<String> arguments, ResetMode expected) {
        assertEquals(expected, ResetMode.parse(arguments));
    }

    @Test
    void unknownResetModeIsASyntaxError() {
        for (List<String> arguments : List.of(List.of("medium"), List.of("hard", "soft"))) {
            assertEquals(
                    "ERR syntax error",
                    assertThrows(ClusterCommandException.class, () -> ResetMode.parse(arguments))
                            .errorText());
        }
    }

    @Test
    void masterHoldingKeysCannotBeReset() {
        ClusterState state =
                TestClusters.sixNodes(A, new TestClusters.FakeClock(), new TestClusters.FakeKeys().put(5, 1));

        ClusterCommandException error =
                assertThrows(ClusterCommandException.class, () -> MembershipCommands.reset(state, ResetMode.HARD));

        assertEquals("ERR CLUSTER RESET can't be called with master nodes containing keys", error.errorText());
        assertEquals(6, state.nodes().size());
    }

    @Test
    void softResetForgetsEverythingButKeepsIdentityAndEpochs() {
        ClusterState state = TestClusters.sixNodes();

        MembershipCommands.reset(state, ResetMode.SOFT);

        assertEquals(
                A + " 127.0.0.1:7000@17000 myself,master - 0 1700000000000 1 connected\n",
                ClusterNodesRenderer.render(state));
        assertEquals(3, state.currentEpoch());
        assertEquals(0, state.slots().assignedCount());
        assertEquals(0, state.blacklist().size(state.environment().nowMillis()));
        assertTrue(
                state.drainPendingActions().containsAll(Set.of(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG)));
    }

    @Test
    void hardResetAlsoZeroesEpochsAndChangesTheNodeId() {
        ClusterState state = TestClusters.sixNodes();
        state.setLastVoteEpoch(2);

        MembershipCommands.reset(state, ResetMode.HARD);

        assertNotEquals(A, state.myself().id());
        assertTrue(NodeId.isWellFormed(state.myself().id()));
        assertEquals(0, state.currentEpoch());
        assertEquals(0, state.lastVoteEpoch());
        assertEquals(0, state.myself().configEpoch());
        assertEquals(1, state.nodes().size());
    }

    @Test
    void replicaWithKeysResetsIntoAnEmptyMaster() {
        ClusterState state =
                TestClusters.sixNodes(D, new TestClusters.FakeClock(), new TestClusters.FakeKeys().put(5, 1));

        MembershipCommands.reset(state, ResetMode.SOFT);

        assertTrue(state.myself().isMaster());
        assertNull(state.myself().masterId());
        assertTrue(state.drainPendingActions()
                .containsAll(Set.of(PendingAction.FLUSH_DATA, PendingAction.REPLICATION_CHANGED)));
        assertEquals(
                D + " 127.0.0.1:7003@17003 myself,master - 0 1700000003000 0 connected\n",
                ClusterNodesRenderer.render(state));
    }
}
