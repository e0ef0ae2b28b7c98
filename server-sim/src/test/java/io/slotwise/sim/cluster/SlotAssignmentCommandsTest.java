package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlotAssignmentCommandsTest {

    interface Subcommand {
        void run(ClusterState state, List<String> arguments);
    }

    /** A node owning only slot 5. */
    private static ClusterState ownsSlotFive() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        state.assignSlot(5, state.myself());
        return state;
    }

    static Stream<Arguments> rejectedCalls() {
        Subcommand add = SlotAssignmentCommands::addSlots;
        Subcommand del = SlotAssignmentCommands::delSlots;
        Subcommand addRange = SlotAssignmentCommands::addSlotsRange;
        Subcommand delRange = SlotAssignmentCommands::delSlotsRange;
        String invalid = "ERR Invalid or out of range slot";
        return Stream.of(
                Arguments.of(
                        "ADDSLOTS", add, List.of(), "ERR wrong number of arguments for 'cluster|addslots' command"),
                Arguments.of("ADDSLOTS", add, List.of("abc"), invalid),
                Arguments.of("ADDSLOTS", add, List.of("16384"), invalid),
                Arguments.of("ADDSLOTS", add, List.of("-1"), invalid),
                Arguments.of("ADDSLOTS", add, List.of("07"), invalid),
                Arguments.of("ADDSLOTS", add, List.of(" 7"), invalid),
                Arguments.of("ADDSLOTS", add, List.of("5"), "ERR Slot 5 is already busy"),
                Arguments.of("ADDSLOTS", add, List.of("6", "6"), "ERR Slot 6 specified multiple times"),
                Arguments.of("ADDSLOTS", add, List.of("5", "5"), "ERR Slot 5 is already busy"),
                Arguments.of("ADDSLOTS", add, List.of("5", "abc"), invalid),
                Arguments.of("ADDSLOTS", add, List.of("6", "7", "abc"), invalid),
                Arguments.of(
                        "DELSLOTS", del, List.of(), "ERR wrong number of arguments for 'cluster|delslots' command"),
                Arguments.of("DELSLOTS", del, List.of("x"), invalid),
                Arguments.of("DELSLOTS", del, List.of("6"), "ERR Slot 6 is already unassigned"),
                Arguments.of("DELSLOTS", del, List.of("5", "5"), "ERR Slot 5 specified multiple times"),
                Arguments.of(
                        "ADDSLOTSRANGE",
                        addRange,
                        List.of(),
                        "ERR wrong number of arguments for 'cluster|addslotsrange' command"),
                Arguments.of(
                        "ADDSLOTSRANGE",
                        addRange,
                        List.of("1", "2", "3"),
                        "ERR wrong number of arguments for 'cluster|addslotsrange' command"),
                Arguments.of(
                        "ADDSLOTSRANGE",
                        addRange,
                        List.of("10", "9"),
                        "ERR start slot number 10 is greater than end slot number 9"),
                Arguments.of("ADDSLOTSRANGE", addRange, List.of("0", "10"), "ERR Slot 5 is already busy"),
                Arguments.of(
                        "ADDSLOTSRANGE", addRange, List.of("6", "8", "8", "9"), "ERR Slot 8 specified multiple times"),
                // Ranges are parsed and checked pair by pair: the busy slot of pair 1 wins over pair 2's bad slot.
                Arguments.of("ADDSLOTSRANGE", addRange, List.of("4", "6", "x", "y"), "ERR Slot 5 is already busy"),
                Arguments.of("ADDSLOTSRANGE", addRange, List.of("x", "y", "4", "6"), invalid),
                Arguments.of("ADDSLOTSRANGE", addRange, List.of("0", "16384"), invalid),
                Arguments.of(
                        "DELSLOTSRANGE",
                        delRange,
                        List.of("5"),
                        "ERR wrong number of arguments for 'cluster|delslotsrange' command"),
                Arguments.of("DELSLOTSRANGE", delRange, List.of("5", "6"), "ERR Slot 6 is already unassigned"),
                Arguments.of(
                        "DELSLOTSRANGE",
                        delRange,
                        List.of("6", "5"),
                        "ERR start slot number 6 is greater than end slot number 5"));
    }

    @ParameterizedTest(name = "{0} {2} -> {3}")
    @MethodSource("rejectedCalls")
    void rejectedCallFailsWithRedisTextAndChangesNothing(
            String name, Subcommand subcommand, List<String> arguments, String expectedError) {
        ClusterState state = ownsSlotFive();

        ClusterCommandException error =
                assertThrows(ClusterCommandException.class, () -> subcommand.run(state, arguments));

        assertEquals(expectedError, error.errorText());
        BitSet onlyFive = new BitSet();
        onlyFive.set(5);
        assertEquals(onlyFive, state.myself().slots());
        assertEquals(1, state.slots().assignedCount());
        assertEquals(Set.of(), state.drainPendingActions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successfulCalls")
    void successfulCallUpdatesSlotsAndAsksForASave(
            String name, Subcommand subcommand, List<String> arguments, int assignedAfter) {
        ClusterState state = ownsSlotFive();

        subcommand.run(state, arguments);

        assertEquals(assignedAfter, state.slots().assignedCount());
        assertEquals(assignedAfter, state.myself().slotCount());
        assertTrue(state.drainPendingActions().contains(PendingAction.SAVE_CONFIG));
    }

    static Stream<Arguments> successfulCalls() {
        Subcommand add = SlotAssignmentCommands::addSlots;
        Subcommand del = SlotAssignmentCommands::delSlots;
        Subcommand addRange = SlotAssignmentCommands::addSlotsRange;
        Subcommand delRange = SlotAssignmentCommands::delSlotsRange;
        return Stream.of(
                Arguments.of("ADDSLOTS 0 16383", add, List.of("0", "16383"), 3),
                Arguments.of("DELSLOTS 5", del, List.of("5"), 0),
                Arguments.of("ADDSLOTSRANGE 6 100 200 300", addRange, List.of("6", "100", "200", "300"), 197),
                Arguments.of("ADDSLOTSRANGE 0 4 6 16383", addRange, List.of("0", "4", "6", "16383"), 16384),
                Arguments.of("DELSLOTSRANGE 5 5", delRange, List.of("5", "5"), 0));
    }

    @org.junit.jupiter.api.Test
    void addingEverySlotToTheOnlyMasterMakesTheClusterOkAfterTheRejoinDelay() {
        TestClusters.FakeClock clock = new TestClusters.FakeClock();
        ClusterState state = TestClusters.single(clock, new TestClusters.FakeKeys());
        assertFalse(state.isOk());

        SlotAssignmentCommands.addSlotsRange(state, List.of("0", "16383"));
        assertFalse(state.isOk());
        clock.advance(state.config().rejoinDelayMillis());
        state.updateState();

        assertTrue(state.isOk());
    }

    @org.junit.jupiter.api.Test
    void addAndDelClearTheImportingMarkerButNotMigrating() {
        ClusterState state = TestClusters.sixNodes();
        ClusterNode c = TestClusters.get(state, C);

        SlotAssignmentCommands.delSlots(state, List.of("12000"));
        assertNull(state.slots().importingFrom(12000));
        state.slots().setImportingFrom(12000, c);
        SlotAssignmentCommands.addSlots(state, List.of("12000"));
        assertNull(state.slots().importingFrom(12000));
        assertSame(state.myself(), state.slots().owner(12000));

        SlotAssignmentCommands.delSlots(state, List.of("3999"));
        assertSame(TestClusters.get(state, TestClusters.B), state.slots().migratingTo(3999));
    }

    @org.junit.jupiter.api.Test
    void delSlotsUnbindsSlotsOwnedByAnyNode() {
        ClusterState state = TestClusters.sixNodes();

        SlotAssignmentCommands.delSlots(state, List.of("6000"));

        assertNull(state.slots().owner(6000));
        assertFalse(TestClusters.get(state, TestClusters.B).ownsSlot(6000));
        assertFalse(state.isOk());
    }
}
