package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The set family's basics: SADD, SREM, SMEMBERS, SISMEMBER, SMISMEMBER, SCARD and SMOVE, with Redis 7.0's replies;
 * SPOP and SRANDMEMBER are in {@link SetRandomCommands}, SINTER/SUNION/SDIFF and their STORE forms in {@link
 * SetAlgebraCommands}, SSCAN in {@link CollectionScan}. SMEMBERS answers a set ({@code ~} in RESP3, an array in RESP2);
 * members of a set Redis would encode as an intset come in numeric order, others in the keyspace's scan order.
 */
final class SetCommands {
    private SetCommands() {}

    /**
     * Registers the family.
     *
     * @param registrar the node's collection registrar
     */
    static void register(CollectionRegistrar registrar) {
        registrar.register("sadd", SetCommands::sadd);
        registrar.register("srem", SetCommands::srem);
        registrar.register("smembers", ctx -> {
            SetValue set = set(ctx);
            return set == null
                    ? CollectionReplies.EMPTY_SET
                    : CollectionReplies.set(CompactEncoding.iterationOrder(set));
        });
        registrar.register(
                "sismember", ctx -> CollectionReplies.flag(contains(set(ctx), CollectionArguments.bytes(ctx, 2))));
        registrar.register("smismember", SetCommands::smismember);
        registrar.register("scard", ctx -> {
            SetValue set = set(ctx);
            return Reply.integer(set == null ? 0 : set.size());
        });
        registrar.register("smove", SetCommands::smove);
        SetRandomCommands.register(registrar);
        SetAlgebraCommands.register(registrar);
        SetIntersectionCardCommand.register(registrar);
    }

    private static Reply sadd(CommandContext ctx) {
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        SetValue set = keyspace.getOrCreateSet(key);
        int added = 0;
        for (int i = 2; i < ctx.argc(); i++) {
            if (set.add(CollectionArguments.bytes(ctx, i))) {
                added++;
            }
        }
        if (added > 0) {
            keyspace.markModified(key);
        }
        return Reply.integer(added);
    }

    private static Reply srem(CommandContext ctx) {
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (keyspace.getSet(key) == null) {
            return Reply.integer(0);
        }
        SetValue set = keyspace.getOrCreateSet(key);
        int removed = 0;
        for (int i = 2; i < ctx.argc() && !set.isEmpty(); i++) {
            if (set.remove(CollectionArguments.bytes(ctx, i))) {
                removed++;
            }
        }
        if (removed > 0) {
            keyspace.markModified(key);
        }
        return Reply.integer(removed);
    }

    private static Reply smismember(CommandContext ctx) {
        SetValue set = set(ctx);
        List<Reply> flags = new ArrayList<>(ctx.argc() - 2);
        for (int i = 2; i < ctx.argc(); i++) {
            flags.add(CollectionReplies.flag(contains(set, CollectionArguments.bytes(ctx, i))));
        }
        return new Reply.Array(flags);
    }

    private static Reply smove(CommandContext ctx) {
        Key source = CollectionArguments.key(ctx, 1);
        Key destination = CollectionArguments.key(ctx, 2);
        Bytes member = CollectionArguments.bytes(ctx, 3);
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (keyspace.get(source) == null) {
            return Reply.integer(0);
        }
        SetValue from = keyspace.getSet(source);
        keyspace.getSet(destination); // type check before anything changes
        if (source.equals(destination)) {
            return CollectionReplies.flag(from.contains(member));
        }
        if (!from.contains(member)) {
            return Reply.integer(0);
        }
        keyspace.getOrCreateSet(source).remove(member);
        keyspace.markModified(source);
        if (keyspace.getOrCreateSet(destination).add(member)) {
            keyspace.markModified(destination);
        }
        return Reply.integer(1);
    }

    private static SetValue set(CommandContext ctx) {
        return DataContext.keyspace(ctx).getSet(CollectionArguments.key(ctx, 1));
    }

    private static boolean contains(SetValue set, Bytes member) {
        return set != null && set.contains(member);
    }
}
