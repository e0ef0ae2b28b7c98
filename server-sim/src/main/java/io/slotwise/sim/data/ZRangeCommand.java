package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.ZEntry;
import io.slotwise.sim.protocol.Reply;
import java.util.List;

/**
 * ZRANGE (by rank, BYSCORE or BYLEX, REV, LIMIT, WITHSCORES), ZRANGEBYSCORE, ZREVRANGE, ZREVRANGEBYSCORE, ZRANGEBYLEX,
 * ZREVRANGEBYLEX and ZRANGESTORE, as Redis 7.0 answers them (arguments: {@link ZRangeRequest}). A missing key is an
 * empty array. WITHSCORES answers {@code [[member, score], ...]} in RESP3 and a flat {@code [member, score, ...]} in
 * RESP2. ZRANGESTORE answers how many members it stored; an empty range (or a missing source) deletes the destination,
 * otherwise the destination is replaced whatever its type, losing its TTL.
 */
final class ZRangeCommand {
    private ZRangeCommand() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("zrange", ctx -> range(ctx, ZRangeRequest.Type.AUTO, null));
        registrar.register("zrangebyscore", ctx -> range(ctx, ZRangeRequest.Type.SCORE, false));
        registrar.register("zrevrange", ctx -> range(ctx, ZRangeRequest.Type.RANK, true));
        registrar.register("zrevrangebyscore", ctx -> range(ctx, ZRangeRequest.Type.SCORE, true));
        registrar.register("zrangebylex", ctx -> range(ctx, ZRangeRequest.Type.LEX, false));
        registrar.register("zrevrangebylex", ctx -> range(ctx, ZRangeRequest.Type.LEX, true));
        registrar.register("zrangestore", ZRangeCommand::store);
    }

    private static Reply store(CommandContext ctx) {
        ZRangeRequest request = ZRangeRequest.parse(ctx, ZRangeRequest.Type.AUTO, null, 2, true);
        Keyspace keyspace = DataContext.keyspace(ctx);
        SortedSetValue source = keyspace.getSortedSet(CollectionArguments.key(ctx, 2));
        List<ZEntry> entries = source == null ? List.of() : select(source, request);
        Key destination = CollectionArguments.key(ctx, 1);
        if (entries.isEmpty()) {
            keyspace.delete(destination);
            return Reply.integer(0);
        }
        SortedSetValue stored = new SortedSetValue();
        entries.forEach(entry -> stored.add(entry.member(), entry.score()));
        keyspace.set(destination, stored);
        return Reply.integer(stored.size());
    }

    private static Reply range(CommandContext ctx, ZRangeRequest.Type type, Boolean reverse) {
        ZRangeRequest request = ZRangeRequest.parse(ctx, type, reverse);
        SortedSetValue zset = DataContext.keyspace(ctx).getSortedSet(CollectionArguments.key(ctx, 1));
        if (zset == null) {
            return CollectionReplies.EMPTY_ARRAY;
        }
        List<ZEntry> entries = select(zset, request);
        return request.withScores()
                ? SortedSetReplies.withScores(entries, SortedSetReplies.resp3(ctx))
                : SortedSetReplies.members(entries);
    }

    private static List<ZEntry> select(SortedSetValue zset, ZRangeRequest request) {
        return switch (request.type()) {
            case SCORE ->
                request.offset() > 0 && request.offset() >= zset.size()
                        ? List.of()
                        : zset.rangeByScore(
                                request.minScore(),
                                request.maxScore(),
                                request.reverse(),
                                request.offset(),
                                request.limit());
            case LEX ->
                zset.rangeByLex(
                        request.minLex(), request.maxLex(), request.reverse(), request.offset(), request.limit());
            default -> zset.rangeByRank(request.start(), request.stop(), request.reverse());
        };
    }
}
