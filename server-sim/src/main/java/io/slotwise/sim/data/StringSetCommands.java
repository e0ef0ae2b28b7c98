package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.protocol.Reply;

/**
 * SET with its options, SETNX, SETEX, PSETEX and GETEX, with Redis 7.0's replies. SET checks in Redis's order: options
 * ({@code ERR syntax error}), the time ({@code ERR invalid expire time in 'set' command}), then with GET the old value's
 * type ({@code WRONGTYPE}), then NX/XX. A time already in the past (EXAT, PXAT) stores nothing and removes the key,
 * which is what a client observes in Redis. Handlers run on the node's event loop.
 */
final class StringSetCommands {
    private StringSetCommands() {}

    static void register(CommandRegistry registry) {
        registry.register("set", TypeChecked.handler(StringSetCommands::set));
        registry.register("setnx", TypeChecked.handler(ctx -> {
            Keyspace keyspace = DataContext.keyspace(ctx);
            Key key = CommandArgs.key(ctx, 1);
            if (keyspace.exists(key)) {
                return Reply.integer(0);
            }
            keyspace.set(key, StringValue.of(ctx.arg(2)));
            return Reply.integer(1);
        }));
        registry.register("setex", ctx -> setWithTime(ctx, true));
        registry.register("psetex", ctx -> setWithTime(ctx, false));
        registry.register("getex", TypeChecked.handler(StringSetCommands::getex));
    }

    private static Reply set(CommandContext ctx) {
        StringOptions options = StringOptions.parse(ctx, 3, true);
        Keyspace keyspace = DataContext.keyspace(ctx);
        long expireAt = options.hasTime() ? options.expireAtMillis(ctx, keyspace.currentTimeMillis()) : 0;
        Key key = CommandArgs.key(ctx, 1);
        StringValue old = options.get ? keyspace.getString(key) : null;
        boolean found = keyspace.exists(key);
        if ((options.nx && found) || (options.xx && !found)) {
            return options.get ? bulkOrNull(old) : Reply.nullBulk();
        }
        StringValue value = StringValue.of(ctx.arg(2));
        if (options.hasTime()) {
            keyspace.set(key, value, expireAt);
        } else if (options.expiry == StringOptions.Expiry.KEEPTTL) {
            keyspace.setKeepTtl(key, value);
        } else {
            keyspace.set(key, value);
        }
        return options.get ? bulkOrNull(old) : Reply.ok();
    }

    private static Reply setWithTime(CommandContext ctx, boolean seconds) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        long expireAt = StringOptions.expireAtMillis(ctx, 2, seconds, true, keyspace.currentTimeMillis());
        keyspace.set(CommandArgs.key(ctx, 1), StringValue.of(ctx.arg(3)), expireAt);
        return Reply.ok();
    }

    private static Reply getex(CommandContext ctx) {
        StringOptions options = StringOptions.parse(ctx, 2, false);
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key key = CommandArgs.key(ctx, 1);
        StringValue value = keyspace.getString(key);
        if (value == null) {
            return Reply.nullBulk();
        }
        if (options.hasTime()) {
            keyspace.expireAt(key, options.expireAtMillis(ctx, keyspace.currentTimeMillis()));
        } else if (options.expiry == StringOptions.Expiry.PERSIST) {
            keyspace.persist(key);
        }
        return Reply.bulk(value.toByteArray());
    }

    /** The value as a bulk string, or the null bulk string for an absent key. */
    static Reply bulkOrNull(StringValue value) {
        return value == null ? Reply.nullBulk() : Reply.bulk(value.toByteArray());
    }
}
