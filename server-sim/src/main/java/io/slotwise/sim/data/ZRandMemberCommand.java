package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.ZEntry;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * ZRANDMEMBER {@code key [count [WITHSCORES]]}, as Redis 7.0 answers it. Without a count: one random member, or the
 * null bulk for a missing key. With a count (from {@code -LONG_MAX} to {@code LONG_MAX}; with WITHSCORES within half
 * that, else {@code ERR value is out of range}): an empty array for a missing key or a count of 0; a negative count
 * answers exactly |count| members drawn independently (repeats possible); a positive count answers distinct members,
 * the whole sorted set from the highest score down when the count reaches its size. WITHSCORES pairs every member with
 * its score, nested in RESP3. Unlike Redis, which has no limit, a negative count beyond {@link
 * SetRandomCommands#MAX_REPEATED_MEMBERS} is refused.
 */
final class ZRandMemberCommand {
    private ZRandMemberCommand() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("zrandmember", ZRandMemberCommand::zrandmember);
    }

    private static Reply zrandmember(CommandContext ctx) {
        RandomGenerator random = ThreadLocalRandom.current();
        if (ctx.argc() == 2) {
            SortedSetValue zset = DataContext.keyspace(ctx).getSortedSet(CollectionArguments.key(ctx, 1));
            return zset == null
                    ? CollectionReplies.NULL_BULK
                    : CollectionReplies.bulk(zset.randomEntry(random).member());
        }
        long count = CollectionArguments.rangeLong(ctx, 2, -Long.MAX_VALUE, Long.MAX_VALUE, null);
        if (ctx.argc() > 4 || (ctx.argc() == 4 && !ctx.argIs(3, "withscores"))) {
            throw CommandException.syntaxError();
        }
        boolean withScores = ctx.argc() == 4;
        if (withScores && (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2)) {
            throw new CommandException("ERR value is out of range");
        }
        SortedSetValue zset = DataContext.keyspace(ctx).getSortedSet(CollectionArguments.key(ctx, 1));
        if (zset == null || count == 0) {
            return CollectionReplies.EMPTY_ARRAY;
        }
        List<ZEntry> chosen;
        if (count < 0 || count == 1) {
            long draws = Math.abs(count);
            if (draws > SetRandomCommands.MAX_REPEATED_MEMBERS) {
                throw new CommandException("ERR value is out of range: the Slotwise simulator returns at most "
                        + SetRandomCommands.MAX_REPEATED_MEMBERS + " members");
            }
            chosen = new ArrayList<>((int) draws);
            for (long i = 0; i < draws; i++) {
                chosen.add(zset.randomEntry(random));
            }
        } else if (count >= zset.size()) {
            chosen = zset.rangeByRank(0, -1, true);
        } else {
            List<ZEntry> entries = new ArrayList<>(zset.entries());
            for (int i = 0; i < count; i++) { // partial Fisher-Yates: the first count positions get a uniform sample
                Collections.swap(entries, i, i + random.nextInt(entries.size() - i));
            }
            chosen = entries.subList(0, (int) count);
        }
        return withScores
                ? SortedSetReplies.withScores(chosen, SortedSetReplies.resp3(ctx))
                : SortedSetReplies.members(chosen);
    }
}
