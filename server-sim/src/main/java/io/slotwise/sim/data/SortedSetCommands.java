package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.LexBound;
import io.slotwise.sim.keyspace.ScoreBound;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The sorted-set family: ZREM, ZSCORE, ZMSCORE, ZCARD, ZCOUNT, ZLEXCOUNT, ZRANK, ZREVRANK, ZREMRANGEBYSCORE,
 * ZREMRANGEBYLEX and ZREMRANGEBYRANK here, ZADD/ZINCRBY in {@link ZAddCommand}, the ZRANGE family (ZRANGESTORE
 * included) in {@link ZRangeCommand}, ZPOPMIN/ZPOPMAX in {@link SortedSetPopCommands}, ZUNION/ZINTER/ZDIFF, their STORE
 * forms and ZINTERCARD in {@link SortedSetAlgebraCommands}, ZRANDMEMBER in {@link ZRandMemberCommand}, ZMPOP and the
 * blocking pops in {@link SortedSetMultiPopCommands}, and ZSCAN in {@link CollectionScan}, with Redis 7.0's replies. Ranges are parsed before the
 * key is looked up; scores are double replies; a missing member's score or rank is the null bulk.
 */
final class SortedSetCommands {
    private SortedSetCommands() {}

    /**
     * Registers the family.
     *
     * @param registrar the node's collection registrar
     * @param blocked the node's blocked clients, for the blocking pops
     */
    static void register(CollectionRegistrar registrar, BlockedClients blocked) {
        registrar.register("zrem", SortedSetCommands::zrem);
        registrar.register("zscore", ctx -> score(zset(ctx), ctx, 2));
        registrar.register("zmscore", ctx -> {
            SortedSetValue zset = zset(ctx);
            List<Reply> scores = new ArrayList<>(ctx.argc() - 2);
            for (int i = 2; i < ctx.argc(); i++) {
                scores.add(score(zset, ctx, i));
            }
            return new Reply.Array(scores);
        });
        registrar.register("zcard", ctx -> {
            SortedSetValue zset = zset(ctx);
            return Reply.integer(zset == null ? 0 : zset.size());
        });
        registrar.register("zcount", ctx -> {
            ScoreBound min = SortedSetReplies.scoreBound(ctx, 2);
            ScoreBound max = SortedSetReplies.scoreBound(ctx, 3);
            SortedSetValue zset = zset(ctx);
            return Reply.integer(zset == null ? 0 : zset.countByScore(min, max));
        });
        registrar.register("zlexcount", ctx -> {
            LexBound min = SortedSetReplies.lexBound(ctx, 2);
            LexBound max = SortedSetReplies.lexBound(ctx, 3);
            SortedSetValue zset = zset(ctx);
            return Reply.integer(zset == null ? 0 : zset.countByLex(min, max));
        });
        registrar.register("zrank", ctx -> rank(ctx, false));
        registrar.register("zrevrank", ctx -> rank(ctx, true));
        registrar.register("zremrangebyscore", ctx -> {
            ScoreBound min = SortedSetReplies.scoreBound(ctx, 2);
            ScoreBound max = SortedSetReplies.scoreBound(ctx, 3);
            return removeRange(ctx, zset -> zset.removeRangeByScore(min, max));
        });
        registrar.register("zremrangebylex", ctx -> {
            LexBound min = SortedSetReplies.lexBound(ctx, 2);
            LexBound max = SortedSetReplies.lexBound(ctx, 3);
            return removeRange(ctx, zset -> zset.removeRangeByLex(min, max));
        });
        registrar.register("zremrangebyrank", ctx -> {
            long start = ctx.longArg(2);
            long stop = ctx.longArg(3);
            return removeRange(ctx, zset -> zset.removeRangeByRank(start, stop));
        });
        ZAddCommand.register(registrar);
        ZRangeCommand.register(registrar);
        SortedSetPopCommands.register(registrar);
        SortedSetAlgebraCommands.register(registrar);
        ZRandMemberCommand.register(registrar);
        SortedSetMultiPopCommands.register(registrar, blocked);
    }

    private static Reply zrem(CommandContext ctx) {
        return removeRange(ctx, zset -> {
            int removed = 0;
            for (int i = 2; i < ctx.argc() && !zset.isEmpty(); i++) {
                if (zset.remove(CollectionArguments.bytes(ctx, i))) {
                    removed++;
                }
            }
            return removed;
        });
    }

    /** Applies a removal to an existing sorted set and answers how many members went; 0 for a missing key. */
    private static Reply removeRange(CommandContext ctx, ToIntFunction<SortedSetValue> removal) {
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (keyspace.getSortedSet(key) == null) {
            return Reply.integer(0);
        }
        int removed = removal.applyAsInt(keyspace.getOrCreateSortedSet(key));
        if (removed > 0) {
            keyspace.markModified(key);
        }
        return Reply.integer(removed);
    }

    private static Reply rank(CommandContext ctx, boolean reverse) {
        SortedSetValue zset = zset(ctx);
        long rank = zset == null ? -1 : zset.rank(CollectionArguments.bytes(ctx, 2), reverse);
        return rank < 0 ? CollectionReplies.NULL_BULK : Reply.integer(rank);
    }

    private static Reply score(SortedSetValue zset, CommandContext ctx, int index) {
        Double score = zset == null ? null : zset.score(CollectionArguments.bytes(ctx, index));
        return score == null ? CollectionReplies.NULL_BULK : new Reply.Double(score);
    }

    private static SortedSetValue zset(CommandContext ctx) {
        return DataContext.keyspace(ctx).getSortedSet(CollectionArguments.key(ctx, 1));
    }
}
