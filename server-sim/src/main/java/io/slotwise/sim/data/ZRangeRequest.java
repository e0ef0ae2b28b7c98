package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.LexBound;
import io.slotwise.sim.keyspace.ScoreBound;

/**
 * The parsed arguments of ZRANGE, ZRANGEBYSCORE, ZREVRANGE, ZREVRANGEBYSCORE, ZRANGEBYLEX, ZREVRANGEBYLEX ({@code key
 * start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]}) and ZRANGESTORE ({@code dst src start stop ...}
 * without WITHSCORES), checked in Redis 7.0's order: the options ({@code ERR syntax error}, and integer errors in
 * LIMIT), LIMIT without BYSCORE/BYLEX, WITHSCORES with BYLEX, then the range itself. With REV, a score or lexicographic
 * range is given as max then min.
 *
 * @param type how start and stop are read
 * @param reverse highest first
 * @param withScores answer scores too
 * @param offset LIMIT's offset (0 without LIMIT)
 * @param limit LIMIT's count (negative for all)
 * @param start the start rank (rank ranges)
 * @param stop the stop rank (rank ranges)
 * @param minScore the minimum (score ranges)
 * @param maxScore the maximum (score ranges)
 * @param minLex the minimum (lexicographic ranges)
 * @param maxLex the maximum (lexicographic ranges)
 */
record ZRangeRequest(
        Type type,
        boolean reverse,
        boolean withScores,
        long offset,
        long limit,
        long start,
        long stop,
        ScoreBound minScore,
        ScoreBound maxScore,
        LexBound minLex,
        LexBound maxLex) {

    /** How a range's bounds are read. */
    enum Type {
        /** Not fixed by the command name: ZRANGE decides with BYSCORE or BYLEX, else ranks. */
        AUTO,
        /** Ranks, counted from 0 (negative from the end). */
        RANK,
        /** Scores. */
        SCORE,
        /** Members, when all scores are equal. */
        LEX
    }

    /**
     * Parses a request.
     *
     * @param fixedType the range type the command name implies, or {@link Type#AUTO} (ZRANGE)
     * @param fixedReverse the direction the command name implies, or null (ZRANGE, where REV may set it)
     */
    static ZRangeRequest parse(CommandContext ctx, Type fixedType, Boolean fixedReverse) {
        return parse(ctx, fixedType, fixedReverse, 1, false);
    }

    /**
     * Parses a request whose source key is argument {@code keyIndex}, followed by the range and the options.
     *
     * @param fixedType the range type the command name implies, or {@link Type#AUTO}
     * @param fixedReverse the direction the command name implies, or null (REV may set it)
     * @param keyIndex the position of the source key
     * @param store whether the range is stored (ZRANGESTORE), where WITHSCORES is a syntax error
     */
    static ZRangeRequest parse(CommandContext ctx, Type fixedType, Boolean fixedReverse, int keyIndex, boolean store) {
        Type type = fixedType;
        Boolean reverse = fixedReverse;
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        for (int j = keyIndex + 3; j < ctx.argc(); j++) {
            int remaining = ctx.argc() - j - 1;
            if (!store && ctx.argIs(j, "withscores")) {
                withScores = true;
            } else if (ctx.argIs(j, "limit") && remaining >= 2) {
                offset = ctx.longArg(j + 1);
                limit = ctx.longArg(j + 2);
                j += 2;
            } else if (reverse == null && ctx.argIs(j, "rev")) {
                reverse = true;
            } else if (type == Type.AUTO && ctx.argIs(j, "bylex")) {
                type = Type.LEX;
            } else if (type == Type.AUTO && ctx.argIs(j, "byscore")) {
                type = Type.SCORE;
            } else {
                throw CommandException.syntaxError();
            }
        }
        boolean rev = reverse != null && reverse;
        type = type == Type.AUTO ? Type.RANK : type;
        if (limit != -1 && type == Type.RANK) {
            throw new CommandException(
                    "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        }
        if (withScores && type == Type.LEX) {
            throw new CommandException("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        }
        int minIndex = keyIndex + (rev && type != Type.RANK ? 2 : 1);
        int maxIndex = 2 * keyIndex + 3 - minIndex;
        return switch (type) {
            case SCORE ->
                new ZRangeRequest(
                        type,
                        rev,
                        withScores,
                        offset,
                        limit,
                        0,
                        0,
                        SortedSetReplies.scoreBound(ctx, minIndex),
                        SortedSetReplies.scoreBound(ctx, maxIndex),
                        null,
                        null);
            case LEX ->
                new ZRangeRequest(
                        type,
                        rev,
                        false,
                        offset,
                        limit,
                        0,
                        0,
                        null,
                        null,
                        SortedSetReplies.lexBound(ctx, minIndex),
                        SortedSetReplies.lexBound(ctx, maxIndex));
            default ->
                new ZRangeRequest(
                        type,
                        rev,
                        withScores,
                        0,
                        -1,
                        ctx.longArg(keyIndex + 1),
                        ctx.longArg(keyIndex + 2),
                        null,
                        null,
                        null,
                        null);
        };
    }
}
