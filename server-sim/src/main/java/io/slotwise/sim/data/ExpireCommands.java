package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.protocol.Reply;

/**
 * EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (with NX, XX, GT, LT), TTL, PTTL, EXPIRETIME, PEXPIRETIME and PERSIST, with
 * Redis 7.0's replies and check order: options ({@code ERR Unsupported option <opt>}, then the incompatibility
 * errors), the time ({@code ERR value is not an integer or out of range}, {@code ERR invalid expire time in
 * '<command>' command} when the conversion to milliseconds overflows), the key, the condition. A time not in the
 * future deletes the key and answers 1. GT treats a key without TTL as infinite, LT as larger than any time. Handlers
 * run on the node's event loop.
 */
final class ExpireCommands {
    private ExpireCommands() {}

    static void register(CommandRegistry registry) {
        registry.register("expire", ctx -> expire(ctx, true, true));
        registry.register("pexpire", ctx -> expire(ctx, false, true));
        registry.register("expireat", ctx -> expire(ctx, true, false));
        registry.register("pexpireat", ctx -> expire(ctx, false, false));
        registry.register("ttl", ctx -> Reply.integer(DataContext.keyspace(ctx).ttl(CommandArgs.key(ctx, 1))));
        registry.register("pttl", ctx -> Reply.integer(DataContext.keyspace(ctx).pttl(CommandArgs.key(ctx, 1))));
        registry.register("expiretime", ctx -> {
            long at = DataContext.keyspace(ctx).expireTimeMillis(CommandArgs.key(ctx, 1));
            return Reply.integer(at < 0 ? at : at / 1000);
        });
        registry.register(
                "pexpiretime",
                ctx -> Reply.integer(DataContext.keyspace(ctx).expireTimeMillis(CommandArgs.key(ctx, 1))));
        registry.register(
                "persist", ctx -> Reply.integer(DataContext.keyspace(ctx).persist(CommandArgs.key(ctx, 1)) ? 1 : 0));
    }

    private static Reply expire(CommandContext ctx, boolean seconds, boolean relative) {
        boolean nx = false;
        boolean xx = false;
        boolean gt = false;
        boolean lt = false;
        for (int i = 3; i < ctx.argc(); i++) {
            if (ctx.argIs(i, "NX")) {
                nx = true;
            } else if (ctx.argIs(i, "XX")) {
                xx = true;
            } else if (ctx.argIs(i, "GT")) {
                gt = true;
            } else if (ctx.argIs(i, "LT")) {
                lt = true;
            } else {
                throw new CommandException("ERR Unsupported option " + CommandArgs.echo(ctx, i, false));
            }
        }
        if (nx && (xx || gt || lt)) {
            throw new CommandException("ERR NX and XX, GT or LT options at the same time are not compatible");
        }
        if (gt && lt) {
            throw new CommandException("ERR GT and LT options at the same time are not compatible");
        }
        Keyspace keyspace = DataContext.keyspace(ctx);
        long when = ctx.longArg(2);
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
                throw StringOptions.invalidExpireTime(ctx);
            }
            when *= 1000;
        }
        long base = relative ? keyspace.currentTimeMillis() : 0;
        if (when > Long.MAX_VALUE - base) {
            throw StringOptions.invalidExpireTime(ctx);
        }
        when += base;
        Key key = CommandArgs.key(ctx, 1);
        if (!keyspace.exists(key)) {
            return Reply.integer(0);
        }
        long current = keyspace.expireTimeMillis(key);
        boolean persistent = current == -1;
        if ((nx && !persistent)
                || (xx && persistent)
                || (gt && (persistent || when <= current))
                || (lt && !persistent && when >= current)) {
            return Reply.integer(0);
        }
        keyspace.expireAt(key, when);
        return Reply.integer(1);
    }
}
