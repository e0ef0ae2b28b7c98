package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.protocol.Reply;

/**
 * ZADD {@code key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]} and ZINCRBY {@code key increment
 * member} (ZADD with INCR, as in Redis, so it even accepts the same options), with Redis 7.0's checks in its order:
 * options, pairing ({@code ERR syntax error}), incompatible options, INCR with several pairs, every score ({@code ERR
 * value is not a valid float}), the key's type. ZADD answers the number of members added (with CH: added or updated);
 * with INCR the new score, or the null bulk when NX/XX/GT/LT rejected the change. An increment producing NaN answers
 * {@code ERR resulting score is not a number (NaN)}, keeping earlier changes of the same command.
 */
final class ZAddCommand {
    private ZAddCommand() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("zadd", ctx -> zadd(ctx, false));
        registrar.register("zincrby", ctx -> zadd(ctx, true));
    }

    private static Reply zadd(CommandContext ctx, boolean incrCommand) {
        ZAddOptions options = ZAddOptions.parse(ctx, incrCommand);
        int pairs = (ctx.argc() - options.firstScore()) / 2;
        double[] scores = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            scores[i] = FloatSyntax.parseDouble(ctx.arg(options.firstScore() + 2 * i))
                    .orElseThrow(() -> new CommandException("ERR value is not a valid float"));
        }
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (keyspace.getSortedSet(key) == null && options.xx()) {
            return options.incr() ? CollectionReplies.NULL_BULK : Reply.integer(0);
        }
        SortedSetValue zset = keyspace.getOrCreateSortedSet(key);
        int added = 0;
        int updated = 0;
        int processed = 0;
        double lastScore = 0;
        try {
            for (int i = 0; i < pairs; i++) {
                Bytes member = CollectionArguments.bytes(ctx, options.firstScore() + 2 * i + 1);
                Double current = zset.score(member);
                double score = scores[i];
                if (current == null) {
                    if (options.xx()) {
                        continue;
                    }
                    zset.add(member, score);
                    added++;
                } else {
                    if (options.nx()) {
                        continue;
                    }
                    if (options.incr()) {
                        score += current;
                        if (Double.isNaN(score)) {
                            throw new CommandException("ERR resulting score is not a number (NaN)");
                        }
                    }
                    if ((options.lt() && score >= current) || (options.gt() && score <= current)) {
                        continue;
                    }
                    if (score != current) {
                        zset.add(member, score);
                        updated++;
                    }
                }
                processed++;
                lastScore = score;
            }
        } finally {
            if (added + updated > 0) {
                keyspace.markModified(key);
            }
        }
        if (options.incr()) {
            return processed > 0 ? new Reply.Double(lastScore) : CollectionReplies.NULL_BULK;
        }
        return Reply.integer(options.ch() ? added + updated : added);
    }
}
