package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SINTER, SUNION, SDIFF and their STORE forms, as Redis 7.0 answers them: every key is type-checked before anything is
 * computed; a missing key reads as an empty set. The plain forms answer a set ({@code ~} in RESP3); the STORE forms
 * replace the destination whatever its type (dropping its TTL), delete it when the result is empty, and answer the
 * result's size.
 */
final class SetAlgebraCommands {
    private SetAlgebraCommands() {}

    private enum Operation {
        INTERSECTION,
        UNION,
        DIFFERENCE
    }

    static void register(CollectionRegistrar registrar) {
        registrar.register("sinter", ctx -> compute(ctx, Operation.INTERSECTION));
        registrar.register("sunion", ctx -> compute(ctx, Operation.UNION));
        registrar.register("sdiff", ctx -> compute(ctx, Operation.DIFFERENCE));
        registrar.register("sinterstore", ctx -> store(ctx, Operation.INTERSECTION));
        registrar.register("sunionstore", ctx -> store(ctx, Operation.UNION));
        registrar.register("sdiffstore", ctx -> store(ctx, Operation.DIFFERENCE));
    }

    private static Reply compute(CommandContext ctx, Operation operation) {
        SetValue result = evaluate(DataContext.keyspace(ctx), CollectionArguments.keys(ctx, 1, ctx.argc()), operation);
        return CollectionReplies.set(CompactEncoding.iterationOrder(result));
    }

    private static Reply store(CommandContext ctx, Operation operation) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        SetValue result = evaluate(keyspace, CollectionArguments.keys(ctx, 2, ctx.argc()), operation);
        keyspace.set(CollectionArguments.key(ctx, 1), result);
        return Reply.integer(result.size());
    }

    private static SetValue evaluate(Keyspace keyspace, List<Key> keys, Operation operation) {
        List<SetValue> sets = new ArrayList<>(keys.size());
        for (Key key : keys) {
            sets.add(keyspace.getSet(key)); // null for a missing key; WRONGTYPE before any result
        }
        SetValue result = new SetValue();
        switch (operation) {
            case INTERSECTION -> {
                if (sets.contains(null)) {
                    return result;
                }
                List<SetValue> bySize = new ArrayList<>(sets);
                bySize.sort(Comparator.comparingInt(SetValue::size));
                for (Bytes member : bySize.get(0).members()) {
                    if (bySize.stream().allMatch(set -> set.contains(member))) {
                        result.add(member);
                    }
                }
            }
            case UNION ->
                sets.stream()
                        .filter(set -> set != null)
                        .forEach(set -> set.members().forEach(result::add));
            case DIFFERENCE -> {
                if (sets.get(0) == null) {
                    return result;
                }
                for (Bytes member : sets.get(0).members()) {
                    if (sets.stream().skip(1).noneMatch(set -> set != null && set.contains(member))) {
                        result.add(member);
                    }
                }
            }
        }
        return result;
    }
}
