package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Key;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of one SORT or SORT_RO call, parsed as Redis 7.0 parses them, left to right: ASC, DESC, ALPHA, {@code
 * LIMIT offset count} (malformed numbers: {@code ERR value is not an integer or out of range}), {@code STORE
 * destination} (SORT only), {@code BY pattern} and {@code GET pattern}; anything else, or an option missing its
 * arguments, is {@code ERR syntax error}. In cluster mode a BY pattern containing {@code *} is refused with {@code ERR
 * BY option of SORT denied in Cluster mode.} and any GET with {@code ERR GET option of SORT denied in Cluster mode.}. A
 * BY pattern without {@code *} means "do not sort".
 *
 * @param descending DESC was given last (rather than ASC)
 * @param alpha ALPHA was given
 * @param limitStart the LIMIT offset, 0 without LIMIT
 * @param limitCount the LIMIT count, -1 without LIMIT
 * @param destination the STORE destination, or null
 * @param byPattern the BY pattern, or null
 * @param dontSort BY named a pattern without {@code *}
 * @param getPatterns the GET patterns in order
 */
record SortOptions(
        boolean descending,
        boolean alpha,
        long limitStart,
        long limitCount,
        Key destination,
        byte[] byPattern,
        boolean dontSort,
        List<byte[]> getPatterns) {

    /**
     * Parses the options of an invocation.
     *
     * @param ctx the invocation; options start at argument 2
     * @param readOnly SORT_RO, which has no STORE
     * @throws CommandException as described on the type
     */
    static SortOptions parse(CommandContext ctx, boolean readOnly) {
        boolean descending = false;
        boolean alpha = false;
        long limitStart = 0;
        long limitCount = -1;
        Key destination = null;
        byte[] byPattern = null;
        boolean dontSort = false;
        List<byte[]> getPatterns = new ArrayList<>();
        boolean cluster = ctx.node().config().clusterEnabled();
        for (int i = 2; i < ctx.argc(); i++) {
            int left = ctx.argc() - i - 1;
            if (ctx.argIs(i, "asc")) {
                descending = false;
            } else if (ctx.argIs(i, "desc")) {
                descending = true;
            } else if (ctx.argIs(i, "alpha")) {
                alpha = true;
            } else if (ctx.argIs(i, "limit") && left >= 2) {
                limitStart = ctx.longArg(i + 1);
                limitCount = ctx.longArg(i + 2);
                i += 2;
            } else if (!readOnly && ctx.argIs(i, "store") && left >= 1) {
                destination = Key.of(ctx.arg(++i));
            } else if (ctx.argIs(i, "by") && left >= 1) {
                byPattern = ctx.arg(++i);
                dontSort = indexOfStar(byPattern) < 0;
                if (!dontSort && cluster) {
                    throw new CommandException("ERR BY option of SORT denied in Cluster mode.");
                }
            } else if (ctx.argIs(i, "get") && left >= 1) {
                if (cluster) {
                    throw new CommandException("ERR GET option of SORT denied in Cluster mode.");
                }
                getPatterns.add(ctx.arg(++i));
            } else {
                throw CommandException.syntaxError();
            }
        }
        return new SortOptions(
                descending, alpha, limitStart, limitCount, destination, byPattern, dontSort, getPatterns);
    }

    /** The position of the first {@code *} before any NUL byte (Redis reads patterns as C strings), or -1. */
    static int indexOfStar(byte[] pattern) {
        for (int i = 0; i < pattern.length && pattern[i] != 0; i++) {
            if (pattern[i] == '*') {
                return i;
            }
        }
        return -1;
    }
}
