package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.ListValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The list family's pushes, pops and reads: LPUSH, RPUSH, LPUSHX, RPUSHX, LPOP, RPOP, LLEN, LRANGE, LINDEX, with Redis
 * 7.0's replies. The other list commands live in {@link ListEditCommands} (LSET, LREM, LTRIM, LINSERT), {@link
 * ListPositionCommand} (LPOS), {@link ListMoveCommands} (LMOVE, BLMOVE, RPOPLPUSH, BRPOPLPUSH), {@link
 * BlockingPopCommands} (BLPOP, BRPOP) and {@link ListMultiPopCommands} (LMPOP, BLMPOP).
 *
 * <p>LPOP/RPOP without a count answer a bulk string, or the null bulk for a missing key; with a count an array, or the
 * null array (RESP2 {@code *-1}) for a missing key and an empty array for a count of 0.
 */
final class ListCommands {
    private ListCommands() {}

    /**
     * Registers the list family, blocking commands included.
     *
     * @param registrar the node's collection registrar
     * @param blocked the node's blocked clients
     */
    static void register(CollectionRegistrar registrar, BlockedClients blocked) {
        registrar.register("lpush", ctx -> push(ctx, true, false));
        registrar.register("rpush", ctx -> push(ctx, false, false));
        registrar.register("lpushx", ctx -> push(ctx, true, true));
        registrar.register("rpushx", ctx -> push(ctx, false, true));
        registrar.register("lpop", ctx -> pop(ctx, true));
        registrar.register("rpop", ctx -> pop(ctx, false));
        registrar.register("llen", ctx -> {
            ListValue list = list(ctx);
            return Reply.integer(list == null ? 0 : list.size());
        });
        registrar.register("lrange", ListCommands::lrange);
        registrar.register("lindex", ListCommands::lindex);
        ListEditCommands.register(registrar);
        ListPositionCommand.register(registrar);
        ListMoveCommands.register(registrar, blocked);
        BlockingPopCommands.register(registrar, blocked);
        ListMultiPopCommands.register(registrar, blocked);
    }

    private static Reply push(CommandContext ctx, boolean head, boolean onlyIfExists) {
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (onlyIfExists && keyspace.getList(key) == null) {
            return Reply.integer(0);
        }
        ListValue list = keyspace.getOrCreateList(key);
        for (int i = 2; i < ctx.argc(); i++) {
            Bytes element = CollectionArguments.bytes(ctx, i);
            if (head) {
                list.pushFirst(element);
            } else {
                list.pushLast(element);
            }
        }
        keyspace.markModified(key);
        return Reply.integer(list.size());
    }

    private static Reply pop(CommandContext ctx, boolean head) {
        if (ctx.argc() > 3) {
            throw new CommandException(
                    "ERR wrong number of arguments for '" + ctx.spec().name() + "' command");
        }
        boolean hasCount = ctx.argc() == 3;
        long count = hasCount ? CollectionArguments.positiveLong(ctx, 2, null) : 1;
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        ListValue list = keyspace.getList(key);
        if (list == null) {
            return hasCount ? CollectionReplies.NULL_ARRAY : CollectionReplies.NULL_BULK;
        }
        if (count == 0) {
            return CollectionReplies.EMPTY_ARRAY;
        }
        List<Bytes> popped = popElements(list, head, count);
        keyspace.markModified(key);
        return hasCount ? CollectionReplies.array(popped) : CollectionReplies.bulk(popped.get(0));
    }

    /** Pops up to {@code count} elements from one end, in the order they are popped. */
    private static List<Bytes> popElements(ListValue list, boolean head, long count) {
        List<Bytes> popped = new ArrayList<>((int) Math.min(count, list.size()));
        while (popped.size() < count && !list.isEmpty()) {
            popped.add(head ? list.popFirst() : list.popLast());
        }
        return popped;
    }

    private static Reply lrange(CommandContext ctx) {
        long start = ctx.longArg(2);
        long stop = ctx.longArg(3);
        ListValue list = list(ctx);
        return list == null ? CollectionReplies.EMPTY_ARRAY : CollectionReplies.array(list.range(start, stop));
    }

    /** Like Redis, looks the key up (nil if missing, WRONGTYPE) before it parses the index. */
    private static Reply lindex(CommandContext ctx) {
        ListValue list = list(ctx);
        if (list == null) {
            return CollectionReplies.bulkOrNull(null);
        }
        return CollectionReplies.bulkOrNull(list.get(ctx.longArg(2)));
    }

    private static ListValue list(CommandContext ctx) {
        return DataContext.keyspace(ctx).getList(CollectionArguments.key(ctx, 1));
    }
}
