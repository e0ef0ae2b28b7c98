package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.ValueType;
import io.slotwise.sim.keyspace.ZEntry;
import io.slotwise.sim.protocol.Reply;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * ZMPOP {@code numkeys key [key ...] MIN|MAX [COUNT count]}, BZMPOP {@code timeout numkeys key ... MIN|MAX [COUNT
 * count]}, BZPOPMIN and BZPOPMAX {@code key [key ...] timeout}, as Redis 7.0 answers them.
 *
 * <p>Arguments are checked in Redis's order: for BZPOPMIN/BZPOPMAX only the timeout; for (B)ZMPOP numkeys ({@code ERR
 * numkeys should be greater than 0}), MIN or MAX right after the keys ({@code ERR syntax error}), COUNT at most once
 * ({@code ERR count should be greater than 0}), then BZMPOP's timeout. The keys are then looked at in order: missing
 * ones are skipped, the first existing one must be a sorted set (else WRONGTYPE) and is popped. ZMPOP and BZMPOP answer
 * {@code [key, [[member, score], ...]]} (nested in RESP2 too), BZPOPMIN and BZPOPMAX {@code [key, member, score]}.
 * When every key is missing, ZMPOP answers the null array; the blocking forms answer it inside a transaction and
 * otherwise block on all the keys (see {@link BlockedClients}) until a sorted set appears on one of them or the
 * timeout answers the null array.
 */
final class SortedSetMultiPopCommands {
    private SortedSetMultiPopCommands() {}

    /** What to pop: from which end, how many, and whether the reply nests pairs (the MPOP forms). */
    private record Pop(boolean min, long count, boolean nested) {}

    static void register(CollectionRegistrar registrar, BlockedClients blocked) {
        registrar.register("zmpop", ctx -> {
            int keyCount = keyCount(ctx, 1);
            Pop pop = parseMultiPop(ctx, 1, keyCount);
            Reply reply = popFirst(ctx, CollectionArguments.keys(ctx, 2, 2 + keyCount), pop);
            return reply == null ? CollectionReplies.NULL_ARRAY : reply;
        });
        registrar.registerAsync("bzmpop", ctx -> {
            int keyCount = keyCount(ctx, 2);
            Pop pop = parseMultiPop(ctx, 2, keyCount);
            long timeout = BlockingTimeout.parseMillis(ctx, 1, System.currentTimeMillis());
            return popOrBlock(ctx, blocked, CollectionArguments.keys(ctx, 3, 3 + keyCount), pop, timeout);
        });
        registrar.registerAsync("bzpopmin", ctx -> blockingPop(ctx, blocked, true));
        registrar.registerAsync("bzpopmax", ctx -> blockingPop(ctx, blocked, false));
    }

    private static CompletionStage<Reply> blockingPop(CommandContext ctx, BlockedClients blocked, boolean min) {
        long timeout = BlockingTimeout.parseMillis(ctx, ctx.argc() - 1, System.currentTimeMillis());
        List<Key> keys = CollectionArguments.keys(ctx, 1, ctx.argc() - 1);
        return popOrBlock(ctx, blocked, keys, new Pop(min, 1, false), timeout);
    }

    /** Parses numkeys and checks that MIN or MAX can follow the keys; returns the number of keys. */
    private static int keyCount(CommandContext ctx, int numkeysIndex) {
        long numkeys =
                CollectionArguments.rangeLong(ctx, numkeysIndex, 1, Long.MAX_VALUE, "numkeys should be greater than 0");
        if (numkeys > ctx.argc() - numkeysIndex - 2) {
            throw CommandException.syntaxError();
        }
        return (int) numkeys;
    }

    /** Parses MIN|MAX and the optional COUNT after the keys. */
    private static Pop parseMultiPop(CommandContext ctx, int numkeysIndex, int keyCount) {
        int whereIndex = numkeysIndex + keyCount + 1;
        boolean min;
        if (ctx.argIs(whereIndex, "min")) {
            min = true;
        } else if (ctx.argIs(whereIndex, "max")) {
            min = false;
        } else {
            throw CommandException.syntaxError();
        }
        long count = -1;
        for (int j = whereIndex + 1; j < ctx.argc(); j++) {
            if (count == -1 && ctx.argIs(j, "count") && j + 1 < ctx.argc()) {
                j++;
                count = CollectionArguments.rangeLong(ctx, j, 1, Long.MAX_VALUE, "count should be greater than 0");
            } else {
                throw CommandException.syntaxError();
            }
        }
        return new Pop(min, count == -1 ? 1 : count, true);
    }

    private static CompletionStage<Reply> popOrBlock(
            CommandContext ctx, BlockedClients blocked, List<Key> keys, Pop pop, long timeout) {
        Reply reply = popFirst(ctx, keys, pop);
        if (reply != null || ctx.inTransaction()) {
            return CompletableFuture.completedFuture(reply == null ? CollectionReplies.NULL_ARRAY : reply);
        }
        Keyspace keyspace = DataContext.keyspace(ctx);
        return blocked.block(
                ctx.session(),
                keys,
                timeout,
                ready -> keyspace.type(ready) == ValueType.ZSET ? popFrom(keyspace, ready, pop) : null);
    }

    /** Pops from the first existing key; null if none exists. */
    private static Reply popFirst(CommandContext ctx, List<Key> keys, Pop pop) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        for (Key key : keys) {
            if (keyspace.getSortedSet(key) != null) {
                return popFrom(keyspace, key, pop);
            }
        }
        return null;
    }

    private static Reply popFrom(Keyspace keyspace, Key key, Pop pop) {
        SortedSetValue zset = keyspace.getOrCreateSortedSet(key);
        int popCount = (int) Math.min(pop.count(), zset.size());
        List<ZEntry> popped = pop.min() ? zset.popMin(popCount) : zset.popMax(popCount);
        keyspace.markModified(key);
        Reply name = new Reply.Bulk(key.toByteArray());
        if (pop.nested()) {
            return Reply.array(name, SortedSetReplies.withScores(popped, true));
        }
        ZEntry entry = popped.get(0);
        return Reply.array(name, CollectionReplies.bulk(entry.member()), new Reply.Double(entry.score()));
    }
}
