package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.keyspace.StreamId;
import io.slotwise.sim.keyspace.StreamValue;
import java.util.OptionalLong;

/**
 * The options XADD and XTRIM share ({@code MAXLEN|MINID [=|~] threshold [LIMIT count]}, plus XADD's {@code NOMKSTREAM}
 * and ID), parsed with Redis 7.0's rules and errors, and the trimming they ask for.
 *
 * @param strategy what to trim by
 * @param maxLength the MAXLEN threshold
 * @param minId the MINID threshold
 * @param approximate whether {@code ~} was given (only whole nodes are removed)
 * @param limit the most entries an approximate trim removes, 0 for no limit
 * @param noMakeStream XADD's NOMKSTREAM
 * @param idIndex for XADD, the index of the ID argument
 */
record TrimArguments(
        Strategy strategy,
        long maxLength,
        StreamId minId,
        boolean approximate,
        long limit,
        boolean noMakeStream,
        int idIndex) {

    /** What to trim by. */
    enum Strategy {
        NONE,
        MAXLEN,
        MINID
    }

    /** The LIMIT of an approximate trim without one: 100 times {@code stream-node-max-entries}. */
    static final long DEFAULT_APPROXIMATE_LIMIT = 100L * StreamValue.NODE_MAX_ENTRIES;

    private static final String TWO_STRATEGIES =
            "ERR syntax error, MAXLEN and MINID options at the same time are not compatible";

    /**
     * Parses the options from argument 2.
     *
     * @param xadd true for XADD (NOMKSTREAM and the ID end the options), false for XTRIM
     * @throws CommandException with Redis's error
     */
    static TrimArguments parse(CommandContext ctx, boolean xadd) {
        Strategy strategy = Strategy.NONE;
        long maxLength = 0;
        StreamId minId = null;
        boolean approximate = false;
        long limit = 0;
        boolean limitGiven = false;
        boolean noMakeStream = false;
        int i = 2;
        for (; i < ctx.argc(); i++) {
            int more = ctx.argc() - 1 - i;
            byte[] opt = ctx.arg(i);
            if (xadd && opt.length == 1 && opt[0] == '*') {
                break;
            } else if (ctx.argIs(i, "maxlen") && more > 0) {
                if (strategy != Strategy.NONE) {
                    throw new CommandException(TWO_STRATEGIES);
                }
                approximate = false;
                if (more >= 2 && isSingle(ctx.arg(i + 1), '~')) {
                    approximate = true;
                    i++;
                } else if (more >= 2 && isSingle(ctx.arg(i + 1), '=')) {
                    i++;
                }
                maxLength = longArg(ctx, i + 1);
                if (maxLength < 0) {
                    throw new CommandException("ERR The MAXLEN argument must be >= 0.");
                }
                i++;
                strategy = Strategy.MAXLEN;
            } else if (ctx.argIs(i, "minid") && more > 0) {
                if (strategy != Strategy.NONE) {
                    throw new CommandException(TWO_STRATEGIES);
                }
                approximate = false;
                if (more >= 2 && isSingle(ctx.arg(i + 1), '~')) {
                    approximate = true;
                    i++;
                } else if (more >= 2 && isSingle(ctx.arg(i + 1), '=')) {
                    i++;
                }
                minId = StreamIds.parseStrict(ctx.arg(i + 1), 0);
                i++;
                strategy = Strategy.MINID;
            } else if (ctx.argIs(i, "limit") && more > 0) {
                limit = longArg(ctx, i + 1);
                if (limit < 0) {
                    throw new CommandException("ERR The LIMIT argument must be >= 0.");
                }
                limitGiven = true;
                i++;
            } else if (xadd && ctx.argIs(i, "nomkstream")) {
                noMakeStream = true;
            } else if (xadd) {
                StreamIds.parseForAdd(opt);
                break;
            } else {
                throw new CommandException("ERR syntax error");
            }
        }
        if (limit != 0 && strategy == Strategy.NONE) {
            throw new CommandException("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
        }
        if (!xadd && strategy == Strategy.NONE) {
            throw new CommandException("ERR syntax error, XTRIM must be called with a trimming strategy");
        }
        if (limitGiven) {
            if (!approximate) {
                throw new CommandException("ERR syntax error, LIMIT cannot be used without the special ~ option");
            }
        } else {
            limit = approximate ? DEFAULT_APPROXIMATE_LIMIT : 0;
        }
        return new TrimArguments(strategy, maxLength, minId, approximate, limit, noMakeStream, i);
    }

    /**
     * Trims the stream as asked.
     *
     * @return how many entries were removed
     */
    long trim(StreamValue stream) {
        if (strategy == Strategy.NONE) {
            return 0;
        }
        long removed = 0;
        while (stream.size() > 0) {
            int nodeSize = stream.firstNodeSize();
            if (limit != 0 && removed + nodeSize > limit) {
                break;
            }
            boolean wholeNode = strategy == Strategy.MAXLEN
                    ? stream.size() - nodeSize >= maxLength
                    : stream.firstNodeLastId().compareTo(minId) < 0;
            if (wholeNode) {
                removed += stream.trimFirstNode();
                continue;
            }
            if (approximate) {
                break;
            }
            while (stream.size() > 0 && isBeyond(stream)) {
                stream.trimFirst();
                removed++;
            }
            break;
        }
        return removed;
    }

    private boolean isBeyond(StreamValue stream) {
        return strategy == Strategy.MAXLEN
                ? stream.size() > maxLength
                : stream.firstId().compareTo(minId) < 0;
    }

    private static boolean isSingle(byte[] arg, char c) {
        return arg.length == 1 && arg[0] == c;
    }

    private static long longArg(CommandContext ctx, int index) {
        OptionalLong value = RedisNumbers.parseLong(ctx.arg(index));
        if (value.isEmpty()) {
            throw new CommandException("ERR value is not an integer or out of range");
        }
        return value.getAsLong();
    }
}
