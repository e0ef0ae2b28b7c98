package io.slotwise.sim.cluster;

import java.util.List;
import java.util.OptionalLong;

/**
 * CLUSTER ADDSLOTS, ADDSLOTSRANGE, DELSLOTS and DELSLOTSRANGE with Redis 7.0's validation order and error texts. Each
 * call is all-or-nothing: every argument is validated before any slot changes. Arguments are the raw strings after the
 * subcommand name. Success binds (or unbinds) the slots locally, clears their IMPORTING marker, requests
 * {@link PendingAction#SAVE_CONFIG} and re-evaluates {@code cluster_state}. Run on the node's thread.
 */
public final class SlotAssignmentCommands {

    /** The error for a slot argument that is not an integer in {@code [0, 16383]}. */
    public static final String INVALID_SLOT = "ERR Invalid or out of range slot";

    private SlotAssignmentCommands() {}

    /**
     * Parses a slot argument.
     *
     * @param argument the raw argument
     * @return the slot, in {@code [0, 16383]}
     * @throws ClusterCommandException with {@value #INVALID_SLOT}
     */
    public static int parseSlot(String argument) {
        OptionalLong value = IntegerArgument.tryParse(argument);
        if (value.isEmpty() || value.getAsLong() < 0 || value.getAsLong() >= SlotTable.SLOT_COUNT) {
            throw new ClusterCommandException(INVALID_SLOT);
        }
        return (int) value.getAsLong();
    }

    /**
     * CLUSTER ADDSLOTS slot [slot ...]: binds unassigned slots to myself.
     *
     * @param state the state, never {@code null}
     * @param arguments the slot arguments
     * @throws ClusterCommandException for a wrong argument count, an invalid slot, {@code ERR Slot N is already busy}
     *     or {@code ERR Slot N specified multiple times}
     */
    public static void addSlots(ClusterState state, List<String> arguments) {
        apply(state, singleSlots("addslots", arguments, state, false), false);
    }

    /**
     * CLUSTER DELSLOTS slot [slot ...]: unbinds assigned slots (whoever owns them in my view).
     *
     * @param state the state, never {@code null}
     * @param arguments the slot arguments
     * @throws ClusterCommandException for a wrong argument count, an invalid slot,
     *     {@code ERR Slot N is already unassigned} or {@code ERR Slot N specified multiple times}
     */
    public static void delSlots(ClusterState state, List<String> arguments) {
        apply(state, singleSlots("delslots", arguments, state, true), true);
    }

    /**
     * CLUSTER ADDSLOTSRANGE start end [start end ...].
     *
     * @param state the state, never {@code null}
     * @param arguments the range arguments (an even, non-zero count)
     * @throws ClusterCommandException as {@link #addSlots}, plus
     *     {@code ERR start slot number A is greater than end slot number B}
     */
    public static void addSlotsRange(ClusterState state, List<String> arguments) {
        apply(state, ranges("addslotsrange", arguments, state, false), false);
    }

    /**
     * CLUSTER DELSLOTSRANGE start end [start end ...].
     *
     * @param state the state, never {@code null}
     * @param arguments the range arguments (an even, non-zero count)
     * @throws ClusterCommandException as {@link #delSlots}, plus
     *     {@code ERR start slot number A is greater than end slot number B}
     */
    public static void delSlotsRange(ClusterState state, List<String> arguments) {
        apply(state, ranges("delslotsrange", arguments, state, true), true);
    }

    private static boolean[] singleSlots(String name, List<String> arguments, ClusterState state, boolean delete) {
        if (arguments.isEmpty()) {
            throw wrongArity(name);
        }
        int[] parsed = new int[arguments.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = parseSlot(arguments.get(i));
        }
        boolean[] chosen = new boolean[SlotTable.SLOT_COUNT];
        for (int slot : parsed) {
            check(state, chosen, slot, delete);
        }
        return chosen;
    }

    private static boolean[] ranges(String name, List<String> arguments, ClusterState state, boolean delete) {
        if (arguments.isEmpty() || arguments.size() % 2 != 0) {
            throw wrongArity(name);
        }
        boolean[] chosen = new boolean[SlotTable.SLOT_COUNT];
        for (int i = 0; i < arguments.size(); i += 2) {
            int start = parseSlot(arguments.get(i));
            int end = parseSlot(arguments.get(i + 1));
            if (start > end) {
                throw new ClusterCommandException(
                        "ERR start slot number " + start + " is greater than end slot number " + end);
            }
            for (int slot = start; slot <= end; slot++) {
                check(state, chosen, slot, delete);
            }
        }
        return chosen;
    }

    private static void check(ClusterState state, boolean[] chosen, int slot, boolean delete) {
        ClusterNode owner = state.slots().owner(slot);
        if (delete && owner == null) {
            throw new ClusterCommandException("ERR Slot " + slot + " is already unassigned");
        }
        if (!delete && owner != null) {
            throw new ClusterCommandException("ERR Slot " + slot + " is already busy");
        }
        if (chosen[slot]) {
            throw new ClusterCommandException("ERR Slot " + slot + " specified multiple times");
        }
        chosen[slot] = true;
    }

    private static void apply(ClusterState state, boolean[] chosen, boolean delete) {
        for (int slot = 0; slot < SlotTable.SLOT_COUNT; slot++) {
            if (!chosen[slot]) {
                continue;
            }
            state.slots().setImportingFrom(slot, null);
            if (delete) {
                state.unassignSlot(slot);
            } else {
                state.assignSlot(slot, state.myself());
            }
        }
        state.request(PendingAction.SAVE_CONFIG);
        state.updateState();
    }

    private static ClusterCommandException wrongArity(String name) {
        return new ClusterCommandException("ERR wrong number of arguments for 'cluster|" + name + "' command");
    }
}
