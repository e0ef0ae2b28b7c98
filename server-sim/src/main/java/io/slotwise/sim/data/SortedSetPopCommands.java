package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.ZEntry;
import io.slotwise.sim.protocol.Reply;
import java.util.List;

/**
 * ZPOPMIN and ZPOPMAX {@code key [count]}, as Redis 7.0 answers them: more than one count argument is {@code ERR
 * syntax error}, a malformed or negative count {@code ERR value is out of range, must be positive}; a missing key or a
 * count of 0 gives an empty array. The reply is flat ({@code [member, score, ...]}) in RESP2 and without a count; in
 * RESP3 with a count it is nested ({@code [[member, score], ...]}).
 */
final class SortedSetPopCommands {
    private SortedSetPopCommands() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("zpopmin", ctx -> pop(ctx, true));
        registrar.register("zpopmax", ctx -> pop(ctx, false));
    }

    private static Reply pop(CommandContext ctx, boolean min) {
        if (ctx.argc() > 3) {
            throw CommandException.syntaxError();
        }
        boolean hasCount = ctx.argc() == 3;
        long count = hasCount ? CollectionArguments.positiveLong(ctx, 2, null) : 1;
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (keyspace.getSortedSet(key) == null || count == 0) {
            return CollectionReplies.EMPTY_ARRAY;
        }
        SortedSetValue zset = keyspace.getOrCreateSortedSet(key);
        int popCount = (int) Math.min(count, zset.size());
        List<ZEntry> popped = min ? zset.popMin(popCount) : zset.popMax(popCount);
        keyspace.markModified(key);
        return SortedSetReplies.withScores(popped, hasCount && SortedSetReplies.resp3(ctx));
    }
}
