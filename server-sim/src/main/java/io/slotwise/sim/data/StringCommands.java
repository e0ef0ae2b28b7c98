package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.keyspace.ValueType;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * GET, GETDEL, GETSET, MGET, MSET and MSETNX with Redis 7.0's replies: a missing key reads as the null bulk string
 * ({@code _} in RESP3), a key of another type is {@code WRONGTYPE} except in MGET, which answers null for it. Writes
 * remove any TTL. Handlers run on the node's event loop.
 */
final class StringCommands {
    private StringCommands() {}

    static void register(CommandRegistry registry) {
        registry.register(
                "get",
                TypeChecked.handler(ctx ->
                        StringSetCommands.bulkOrNull(DataContext.keyspace(ctx).getString(CommandArgs.key(ctx, 1)))));
        registry.register("getdel", TypeChecked.handler(StringCommands::getdel));
        registry.register("getset", TypeChecked.handler(StringCommands::getset));
        registry.register("mget", StringCommands::mget);
        registry.register("mset", StringCommands::mset);
        registry.register("msetnx", StringCommands::msetnx);
    }

    private static Reply getdel(CommandContext ctx) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key key = CommandArgs.key(ctx, 1);
        StringValue value = keyspace.getString(key);
        if (value != null) {
            keyspace.delete(key);
        }
        return StringSetCommands.bulkOrNull(value);
    }

    private static Reply getset(CommandContext ctx) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key key = CommandArgs.key(ctx, 1);
        StringValue old = keyspace.getString(key);
        keyspace.set(key, StringValue.of(ctx.arg(2)));
        return StringSetCommands.bulkOrNull(old);
    }

    private static Reply mget(CommandContext ctx) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        List<Reply> values = new ArrayList<>(ctx.argc() - 1);
        for (int i = 1; i < ctx.argc(); i++) {
            Key key = CommandArgs.key(ctx, i);
            values.add(
                    keyspace.type(key) == ValueType.STRING
                            ? Reply.bulk(keyspace.getString(key).toByteArray())
                            : Reply.nullBulk());
        }
        return new Reply.Array(values);
    }

    private static Reply mset(CommandContext ctx) {
        requirePairs(ctx);
        Keyspace keyspace = DataContext.keyspace(ctx);
        for (int i = 1; i < ctx.argc(); i += 2) {
            keyspace.set(CommandArgs.key(ctx, i), StringValue.of(ctx.arg(i + 1)));
        }
        return Reply.ok();
    }

    private static Reply msetnx(CommandContext ctx) {
        requirePairs(ctx);
        Keyspace keyspace = DataContext.keyspace(ctx);
        for (int i = 1; i < ctx.argc(); i += 2) {
            if (keyspace.exists(CommandArgs.key(ctx, i))) {
                return Reply.integer(0);
            }
        }
        for (int i = 1; i < ctx.argc(); i += 2) {
            keyspace.set(CommandArgs.key(ctx, i), StringValue.of(ctx.arg(i + 1)));
        }
        return Reply.integer(1);
    }

    /** MSET and MSETNX need key-value pairs: an odd number of arguments after the name is an arity error. */
    private static void requirePairs(CommandContext ctx) {
        if (ctx.argc() % 2 == 0) {
            throw new CommandException(
                    "ERR wrong number of arguments for '" + ctx.spec().name() + "' command");
        }
    }
}
