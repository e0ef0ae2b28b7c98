package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.DumpPayloadException;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.protocol.Reply;

/**
 * DUMP, RESTORE and RESTORE-ASKING (the same command, which a node importing a slot accepts without ASKING). RESTORE
 * key ttl payload [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f] checks in Redis 7.0's order: options ({@code ERR syntax
 * error}, {@code ERR Invalid IDLETIME value, must be >= 0}, {@code ERR Invalid FREQ value, must be >= 0 and <= 255};
 * IDLETIME and FREQ exclude each other), an existing key without REPLACE ({@code BUSYKEY Target key name already
 * exists.}), the TTL ({@code ERR Invalid TTL value, must be >= 0}), the payload's footer ({@code ERR DUMP payload
 * version or checksum are wrong}) and its body ({@code ERR Bad data format}). A TTL of 0 means no expiry; a TTL already
 * in the past answers OK and leaves no key. IDLETIME and FREQ are validated and otherwise ignored, as the simulator
 * keeps no access statistics. Payloads are the simulator's own ({@link DumpPayload}), which real Redis servers reject
 * cleanly and vice versa. Handlers run on the node's event loop.
 */
final class DumpRestoreCommands {
    private DumpRestoreCommands() {}

    static void register(CommandRegistry registry) {
        registry.register("dump", ctx -> {
            Value value = DataContext.keyspace(ctx).get(CommandArgs.key(ctx, 1));
            return value == null ? Reply.nullBulk() : Reply.bulk(DumpPayload.encode(value));
        });
        registry.register("restore", DumpRestoreCommands::restore);
        registry.register("restore-asking", DumpRestoreCommands::restore);
    }

    private static Reply restore(CommandContext ctx) {
        boolean replace = false;
        boolean absoluteTtl = false;
        boolean idleTime = false;
        boolean frequency = false;
        for (int i = 4; i < ctx.argc(); i++) {
            boolean hasValue = i + 1 < ctx.argc();
            if (ctx.argIs(i, "REPLACE")) {
                replace = true;
            } else if (ctx.argIs(i, "ABSTTL")) {
                absoluteTtl = true;
            } else if (ctx.argIs(i, "IDLETIME") && hasValue && !frequency) {
                if (ctx.longArg(++i) < 0) {
                    throw new CommandException("ERR Invalid IDLETIME value, must be >= 0");
                }
                idleTime = true;
            } else if (ctx.argIs(i, "FREQ") && hasValue && !idleTime) {
                long freq = ctx.longArg(++i);
                if (freq < 0 || freq > 255) {
                    throw new CommandException("ERR Invalid FREQ value, must be >= 0 and <= 255");
                }
                frequency = true;
            } else {
                throw CommandException.syntaxError();
            }
        }
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key key = CommandArgs.key(ctx, 1);
        if (!replace && keyspace.exists(key)) {
            throw new CommandException("BUSYKEY Target key name already exists.");
        }
        long ttl = ctx.longArg(2);
        if (ttl < 0) {
            throw new CommandException("ERR Invalid TTL value, must be >= 0");
        }
        Value value;
        try {
            value = DumpPayload.decode(ctx.arg(3));
        } catch (DumpPayloadException e) {
            throw new CommandException(e.reason().errorText());
        }
        if (ttl == 0) {
            keyspace.set(key, value);
        } else {
            long now = keyspace.currentTimeMillis();
            long expireAt = absoluteTtl ? ttl : (ttl > Long.MAX_VALUE - now ? Long.MAX_VALUE : ttl + now);
            keyspace.set(key, value, expireAt); // a time not in the future stores nothing and deletes the key
        }
        return Reply.ok();
    }
}
