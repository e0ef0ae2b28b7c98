package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.ListValue;
import io.slotwise.sim.protocol.Reply;

/**
 * LSET, LREM, LTRIM and LINSERT, with Redis 7.0's replies and errors: LSET answers {@code ERR no such key} and {@code
 * ERR index out of range}, LINSERT {@code ERR syntax error} for a position other than BEFORE/AFTER, 0 for a missing key
 * and -1 for a missing pivot. A list emptied by LREM or LTRIM is deleted.
 */
final class ListEditCommands {
    private ListEditCommands() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("lset", ListEditCommands::lset);
        registrar.register("lrem", ListEditCommands::lrem);
        registrar.register("ltrim", ListEditCommands::ltrim);
        registrar.register("linsert", ListEditCommands::linsert);
    }

    /** Like Redis, looks the key up (no such key, WRONGTYPE) before it parses the index. */
    private static Reply lset(CommandContext ctx) {
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (keyspace.getList(key) == null) {
            throw new CommandException("ERR no such key");
        }
        long index = ctx.longArg(2);
        if (!keyspace.getOrCreateList(key).set(index, CollectionArguments.bytes(ctx, 3))) {
            throw new CommandException("ERR index out of range");
        }
        keyspace.markModified(key);
        return Reply.ok();
    }

    private static Reply lrem(CommandContext ctx) {
        long count = ctx.longArg(2);
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (keyspace.getList(key) == null) {
            return Reply.integer(0);
        }
        int removed = keyspace.getOrCreateList(key).remove(CollectionArguments.bytes(ctx, 3), count);
        if (removed > 0) {
            keyspace.markModified(key);
        }
        return Reply.integer(removed);
    }

    private static Reply ltrim(CommandContext ctx) {
        long start = ctx.longArg(2);
        long stop = ctx.longArg(3);
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (keyspace.getList(key) != null) {
            keyspace.getOrCreateList(key).trim(start, stop);
            keyspace.markModified(key); // Redis signals LTRIM as a change even when nothing was trimmed
        }
        return Reply.ok();
    }

    private static Reply linsert(CommandContext ctx) {
        boolean before;
        if (ctx.argIs(2, "after")) {
            before = false;
        } else if (ctx.argIs(2, "before")) {
            before = true;
        } else {
            throw CommandException.syntaxError();
        }
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        ListValue list = keyspace.getList(key);
        if (list == null) {
            return Reply.integer(0);
        }
        int length = keyspace.getOrCreateList(key)
                .insert(CollectionArguments.bytes(ctx, 3), CollectionArguments.bytes(ctx, 4), before);
        if (length >= 0) {
            keyspace.markModified(key);
        }
        return Reply.integer(length);
    }
}
