package io.slotwise.sim.cluster;

import java.util.List;
import java.util.Locale;

/**
 * CLUSTER SETSLOT slot IMPORTING id | MIGRATING id | STABLE | NODE id, with Redis 7.0's rules and error texts. Every
 * success requests {@link PendingAction#SAVE_CONFIG} and re-evaluates {@code cluster_state}. Run on the node's thread.
 */
public final class SetSlotCommand {

    /** The error for unknown actions or a wrong number of arguments after the action. */
    public static final String INVALID_ACTION =
            "ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP";

    /** The error when a replica receives SETSLOT. */
    public static final String ONLY_MASTERS = "ERR Please use SETSLOT only with masters.";

    private SetSlotCommand() {}

    /**
     * Runs CLUSTER SETSLOT from its raw arguments (everything after {@code SETSLOT}). Checks, in Redis's order: arity,
     * myself is a master, the slot, then the action.
     *
     * @param state the state, never {@code null}
     * @param arguments {@code slot action [node-id]}
     * @throws ClusterCommandException with the exact Redis error
     */
    public static void execute(ClusterState state, List<String> arguments) {
        if (arguments.size() < 2) {
            throw new ClusterCommandException("ERR wrong number of arguments for 'cluster|setslot' command");
        }
        requireMaster(state);
        int slot = SlotAssignmentCommands.parseSlot(arguments.get(0));
        String action = arguments.get(1).toLowerCase(Locale.ROOT);
        int count = arguments.size();
        if (action.equals("migrating") && count == 3) {
            migrating(state, slot, arguments.get(2));
        } else if (action.equals("importing") && count == 3) {
            importing(state, slot, arguments.get(2));
        } else if (action.equals("stable") && count == 2) {
            stable(state, slot);
        } else if (action.equals("node") && count == 3) {
            node(state, slot, arguments.get(2));
        } else {
            throw new ClusterCommandException(INVALID_ACTION);
        }
    }

    /**
     * SETSLOT slot MIGRATING id: I must own the slot; the target must be known and not a replica (it may be myself).
     *
     * @param state the state, never {@code null}
     * @param slot the slot, in {@code [0, 16383]}
     * @param nodeId the target node ID as given
     * @throws ClusterCommandException {@code ERR I'm not the owner of hash slot N},
     *     {@code ERR I don't know about node <id>}, {@code ERR Target node is not a master}, or the replica error
     */
    public static void migrating(ClusterState state, int slot, String nodeId) {
        requireMaster(state);
        if (state.slots().owner(slot) != state.myself()) {
            throw new ClusterCommandException("ERR I'm not the owner of hash slot " + slot);
        }
        ClusterNode target = knownMasterForMigration(state, nodeId);
        state.slots().setMigratingTo(slot, target);
        done(state);
    }

    /**
     * SETSLOT slot IMPORTING id: I must not own the slot; the source must be known and not a replica.
     *
     * @param state the state, never {@code null}
     * @param slot the slot, in {@code [0, 16383]}
     * @param nodeId the source node ID as given
     * @throws ClusterCommandException {@code ERR I'm already the owner of hash slot N},
     *     {@code ERR I don't know about node <id>}, {@code ERR Target node is not a master}, or the replica error
     */
    public static void importing(ClusterState state, int slot, String nodeId) {
        requireMaster(state);
        if (state.slots().owner(slot) == state.myself()) {
            throw new ClusterCommandException("ERR I'm already the owner of hash slot " + slot);
        }
        ClusterNode source = knownMasterForMigration(state, nodeId);
        state.slots().setImportingFrom(slot, source);
        done(state);
    }

    /**
     * SETSLOT slot STABLE: clears both migration markers of the slot.
     *
     * @param state the state, never {@code null}
     * @param slot the slot, in {@code [0, 16383]}
     * @throws ClusterCommandException the replica error
     */
    public static void stable(ClusterState state, int slot) {
        requireMaster(state);
        state.slots().setMigratingTo(slot, null);
        state.slots().setImportingFrom(slot, null);
        done(state);
    }

    /**
     * SETSLOT slot NODE id: binds the slot to a known master. Refuses to give away a slot of mine that still holds
     * keys; clears MIGRATING when the slot holds no keys here. A master left without slots becomes a replica of the
     * new owner when {@code cluster-allow-replica-migration} is on. Binding to myself closes an import and bumps my
     * config epoch without consensus (requesting {@link PendingAction#BROADCAST_PONG}).
     *
     * @param state the state, never {@code null}
     * @param slot the slot, in {@code [0, 16383]}
     * @param nodeId the new owner's ID as given
     * @throws ClusterCommandException {@code ERR Unknown node <id>}, {@code ERR Target node is not a master},
     *     {@code ERR Can't assign hashslot N to a different node while I still hold keys for this hash slot.}, or the
     *     replica error
     */
    public static void node(ClusterState state, int slot, String nodeId) {
        requireMaster(state);
        ClusterNode myself = state.myself();
        ClusterNode target =
                state.findNode(nodeId).orElseThrow(() -> new ClusterCommandException("ERR Unknown node " + nodeId));
        if (target.isReplica()) {
            throw new ClusterCommandException("ERR Target node is not a master");
        }
        long keys = state.environment().localKeys().countKeysInSlot(slot);
        boolean slotWasMine = state.slots().owner(slot) == myself;
        if (slotWasMine && target != myself && keys != 0) {
            throw new ClusterCommandException("ERR Can't assign hashslot " + slot
                    + " to a different node while I still hold keys for this hash slot.");
        }
        if (keys == 0) {
            state.slots().setMigratingTo(slot, null);
        }
        state.assignSlot(slot, target);
        if (slotWasMine
                && target != myself
                && myself.slotCount() == 0
                && state.config().allowReplicaMigration()) {
            state.replicateMyselfFrom(target);
            state.request(PendingAction.FSYNC_CONFIG);
        }
        if (target == myself && state.slots().importingFrom(slot) != null) {
            EpochCommands.bumpWithoutConsensus(state);
            state.slots().setImportingFrom(slot, null);
            state.request(PendingAction.BROADCAST_PONG);
        }
        done(state);
    }

    private static void requireMaster(ClusterState state) {
        if (state.myself().isReplica()) {
            throw new ClusterCommandException(ONLY_MASTERS);
        }
    }

    private static ClusterNode knownMasterForMigration(ClusterState state, String nodeId) {
        ClusterNode node = state.findNode(nodeId)
                .orElseThrow(() -> new ClusterCommandException("ERR I don't know about node " + nodeId));
        if (node.isReplica()) {
            throw new ClusterCommandException("ERR Target node is not a master");
        }
        return node;
    }

    private static void done(ClusterState state) {
        state.request(PendingAction.SAVE_CONFIG);
        state.updateState();
    }
}
