package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.HashValue;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hash family: HSET, HMSET, HSETNX, HGET, HMGET, HGETALL, HKEYS, HVALS, HLEN, HSTRLEN, HEXISTS, HDEL, plus
 * HINCRBY/HINCRBYFLOAT ({@link HashIncrementCommands}) and HSCAN ({@link CollectionScan}), with Redis 7.0's replies.
 * HGETALL answers a map in RESP3 and a flat array in RESP2; a missing key reads as an empty hash. Fields come in Redis's
 * iteration order ({@link CompactEncoding#iterationOrder(HashValue)}): insertion order for a small hash.
 */
final class HashCommands {
    private HashCommands() {}

    /**
     * Registers the family.
     *
     * @param registrar the node's collection registrar
     */
    static void register(CollectionRegistrar registrar) {
        registrar.register("hset", HashCommands::hset);
        registrar.register("hmset", HashCommands::hset);
        registrar.register("hsetnx", HashCommands::hsetnx);
        registrar.register("hget", ctx -> CollectionReplies.bulkOrNull(fieldOf(ctx, 2)));
        registrar.register("hmget", HashCommands::hmget);
        registrar.register("hgetall", HashCommands::hgetall);
        registrar.register("hkeys", ctx -> CollectionReplies.array(entries(ctx, true)));
        registrar.register("hvals", ctx -> CollectionReplies.array(entries(ctx, false)));
        registrar.register("hlen", ctx -> Reply.integer(sizeOf(hash(ctx))));
        registrar.register("hstrlen", ctx -> {
            Bytes value = fieldOf(ctx, 2);
            return Reply.integer(value == null ? 0 : value.length());
        });
        registrar.register("hexists", ctx -> CollectionReplies.flag(fieldOf(ctx, 2) != null));
        registrar.register("hdel", HashCommands::hdel);
        HashIncrementCommands.register(registrar);
        HashRandomFieldCommand.register(registrar);
    }

    private static Reply hset(CommandContext ctx) {
        if (ctx.argc() % 2 == 1) {
            throw new CommandException(
                    "ERR wrong number of arguments for '" + ctx.spec().name() + "' command");
        }
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        HashValue hash = keyspace.getOrCreateHash(key);
        int created = 0;
        for (int i = 2; i < ctx.argc(); i += 2) {
            if (hash.put(CollectionArguments.bytes(ctx, i), CollectionArguments.bytes(ctx, i + 1))) {
                created++;
            }
        }
        keyspace.markModified(key);
        return ctx.spec().name().equals("hset") ? Reply.integer(created) : Reply.ok();
    }

    private static Reply hsetnx(CommandContext ctx) {
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        HashValue existing = keyspace.getHash(key);
        Bytes field = CollectionArguments.bytes(ctx, 2);
        if (existing != null && existing.contains(field)) {
            return Reply.integer(0);
        }
        keyspace.getOrCreateHash(key).put(field, CollectionArguments.bytes(ctx, 3));
        keyspace.markModified(key);
        return Reply.integer(1);
    }

    private static Reply hmget(CommandContext ctx) {
        HashValue hash = hash(ctx);
        List<Reply> values = new ArrayList<>(ctx.argc() - 2);
        for (int i = 2; i < ctx.argc(); i++) {
            values.add(CollectionReplies.bulkOrNull(hash == null ? null : hash.get(CollectionArguments.bytes(ctx, i))));
        }
        return new Reply.Array(values);
    }

    private static Reply hgetall(CommandContext ctx) {
        HashValue hash = hash(ctx);
        List<Reply.Entry> entries = new ArrayList<>(sizeOf(hash));
        if (hash != null) {
            for (Map.Entry<Bytes, Bytes> entry : CompactEncoding.iterationOrder(hash)) {
                entries.add(
                        Reply.entry(CollectionReplies.bulk(entry.getKey()), CollectionReplies.bulk(entry.getValue())));
            }
        }
        return new Reply.Map(entries);
    }

    private static Reply hdel(CommandContext ctx) {
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        HashValue hash = keyspace.getHash(key);
        if (hash == null) {
            return Reply.integer(0);
        }
        int deleted = 0;
        for (int i = 2; i < ctx.argc() && !hash.isEmpty(); i++) {
            if (hash.remove(CollectionArguments.bytes(ctx, i))) {
                deleted++;
            }
        }
        if (deleted > 0) {
            keyspace.markModified(key);
        }
        return Reply.integer(deleted);
    }

    private static List<Bytes> entries(CommandContext ctx, boolean fields) {
        HashValue hash = hash(ctx);
        List<Bytes> items = new ArrayList<>(sizeOf(hash));
        if (hash != null) {
            CompactEncoding.iterationOrder(hash)
                    .forEach(entry -> items.add(fields ? entry.getKey() : entry.getValue()));
        }
        return items;
    }

    private static HashValue hash(CommandContext ctx) {
        return DataContext.keyspace(ctx).getHash(CollectionArguments.key(ctx, 1));
    }

    private static Bytes fieldOf(CommandContext ctx, int fieldIndex) {
        HashValue hash = hash(ctx);
        return hash == null ? null : hash.get(CollectionArguments.bytes(ctx, fieldIndex));
    }

    private static int sizeOf(HashValue hash) {
        return hash == null ? 0 : hash.size();
    }
}
