package io.slotwise.sim.clustermode;

import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.PendingAction;
import io.slotwise.sim.cluster.SetSlotCommand;
import io.slotwise.sim.cluster.SlotAssignmentCommands;
import io.slotwise.sim.cluster.SlotTable;
import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.KeySlot;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The slot subcommands of CLUSTER: ADDSLOTS, ADDSLOTSRANGE, DELSLOTS, DELSLOTSRANGE, FLUSHSLOTS, SETSLOT (validated by
 * the cluster package), and COUNTKEYSINSLOT, GETKEYSINSLOT and KEYSLOT, answered from the keyspace.
 */
final class ClusterSlotHandlers {

    private ClusterSlotHandlers() {}

    static void register(CommandRegistry registry, ClusterNodeContext cluster) {
        ClusterCommands.register(registry, cluster, "addslots", (ctx, c) -> {
            SlotAssignmentCommands.addSlots(c.state(), ClusterCommands.arguments(ctx));
            return Reply.ok();
        });
        ClusterCommands.register(registry, cluster, "addslotsrange", (ctx, c) -> {
            SlotAssignmentCommands.addSlotsRange(c.state(), ClusterCommands.arguments(ctx));
            return Reply.ok();
        });
        ClusterCommands.register(registry, cluster, "delslots", (ctx, c) -> {
            SlotAssignmentCommands.delSlots(c.state(), ClusterCommands.arguments(ctx));
            return Reply.ok();
        });
        ClusterCommands.register(registry, cluster, "delslotsrange", (ctx, c) -> {
            SlotAssignmentCommands.delSlotsRange(c.state(), ClusterCommands.arguments(ctx));
            return Reply.ok();
        });
        ClusterCommands.register(registry, cluster, "setslot", (ctx, c) -> {
            SetSlotCommand.execute(c.state(), ClusterCommands.arguments(ctx));
            return Reply.ok();
        });
        ClusterCommands.register(registry, cluster, "flushslots", ClusterSlotHandlers::flushSlots);
        ClusterCommands.register(registry, cluster, "countkeysinslot", ClusterSlotHandlers::countKeysInSlot);
        ClusterCommands.register(registry, cluster, "getkeysinslot", ClusterSlotHandlers::getKeysInSlot);
        ClusterCommands.register(registry, cluster, "keyslot", (ctx, c) -> Reply.integer(KeySlot.of(ctx.arg(2))));
    }

    /** FLUSHSLOTS: unbinds every slot of mine; only with an empty database. */
    private static Reply flushSlots(CommandContext ctx, ClusterNodeContext cluster) {
        if (cluster.keyspace().size() != 0) {
            throw new CommandException("ERR DB must be empty to perform CLUSTER FLUSHSLOTS.");
        }
        ClusterState state = cluster.state();
        for (int slot = 0; slot < SlotTable.SLOT_COUNT; slot++) {
            if (state.slots().owner(slot) == state.myself()) {
                state.unassignSlot(slot);
            }
        }
        state.request(PendingAction.SAVE_CONFIG);
        state.updateState();
        return Reply.ok();
    }

    private static Reply countKeysInSlot(CommandContext ctx, ClusterNodeContext cluster) {
        long slot = ctx.longArg(2);
        if (slot < 0 || slot >= SlotTable.SLOT_COUNT) {
            throw new CommandException("ERR Invalid slot");
        }
        return Reply.integer(cluster.keyspace().countKeysInSlot((int) slot));
    }

    private static Reply getKeysInSlot(CommandContext ctx, ClusterNodeContext cluster) {
        long slot = ctx.longArg(2);
        long count = ctx.longArg(3);
        if (slot < 0 || slot >= SlotTable.SLOT_COUNT || count < 0) {
            throw new CommandException("ERR Invalid slot or number of keys");
        }
        List<Reply> keys = new ArrayList<>();
        for (Key key : cluster.keyspace().getKeysInSlot((int) slot, (int) Math.min(count, Integer.MAX_VALUE))) {
            keys.add(Reply.bulk(key.toByteArray()));
        }
        return new Reply.Array(keys);
    }
}
