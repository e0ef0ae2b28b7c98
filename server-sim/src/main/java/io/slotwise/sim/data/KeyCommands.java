package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.ValueType;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * DEL, UNLINK, EXISTS, TOUCH, TYPE, RENAME, RENAMENX, RANDOMKEY and KEYS with Redis 7.0's replies. EXISTS counts a key
 * named twice twice; DEL and UNLINK count each deleted key once. RENAME of a missing key is {@code ERR no such key},
 * also when both names are equal. Handlers run on the node's event loop.
 */
final class KeyCommands {
    private KeyCommands() {}

    static void register(CommandRegistry registry) {
        registry.register("del", KeyCommands::delete);
        registry.register("unlink", KeyCommands::delete);
        registry.register("exists", KeyCommands::countExisting);
        registry.register("touch", KeyCommands::countExisting);
        registry.register("type", ctx -> {
            ValueType type = DataContext.keyspace(ctx).type(CommandArgs.key(ctx, 1));
            return Reply.simple(type == null ? "none" : type.redisName());
        });
        registry.register("rename", ctx -> rename(ctx, false));
        registry.register("renamenx", ctx -> rename(ctx, true));
        registry.register("randomkey", ctx -> {
            Key key = DataContext.keyspace(ctx).randomKey();
            return key == null ? Reply.nullBulk() : Reply.bulk(key.toByteArray());
        });
        registry.register("keys", KeyCommands::keys);
    }

    private static Reply delete(CommandContext ctx) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        long deleted = 0;
        for (int i = 1; i < ctx.argc(); i++) {
            if (keyspace.delete(CommandArgs.key(ctx, i))) {
                deleted++;
            }
        }
        return Reply.integer(deleted);
    }

    private static Reply countExisting(CommandContext ctx) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        long existing = 0;
        for (int i = 1; i < ctx.argc(); i++) {
            if (keyspace.exists(CommandArgs.key(ctx, i))) {
                existing++;
            }
        }
        return Reply.integer(existing);
    }

    private static Reply rename(CommandContext ctx, boolean onlyIfAbsent) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key source = CommandArgs.key(ctx, 1);
        Key target = CommandArgs.key(ctx, 2);
        if (!keyspace.exists(source)) {
            throw new CommandException("ERR no such key");
        }
        if (source.equals(target)) {
            return onlyIfAbsent ? Reply.integer(0) : Reply.ok();
        }
        if (onlyIfAbsent && keyspace.exists(target)) {
            return Reply.integer(0);
        }
        keyspace.rename(source, target);
        return onlyIfAbsent ? Reply.integer(1) : Reply.ok();
    }

    private static Reply keys(CommandContext ctx) {
        List<Key> keys = DataContext.keyspace(ctx).keys(ctx.arg(1));
        List<Reply> names = new ArrayList<>(keys.size());
        keys.forEach(key -> names.add(Reply.bulk(key.toByteArray())));
        return new Reply.Array(names);
    }
}
