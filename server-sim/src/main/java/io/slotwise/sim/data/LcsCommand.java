package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * LCS {@code key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]}, as Redis 7.0 answers it: the longest common
 * subsequence of two strings (a missing key reads as the empty string), its length (LEN), or with IDX a map {@code
 * matches} (the matching ranges from the end of the strings backwards, each {@code [[a_start, a_end], [b_start,
 * b_end]]} plus the length with WITHMATCHLEN, only those at least MINMATCHLEN long) and {@code len}. Checks in Redis's
 * order: both keys ({@code ERR The specified keys must contain string values}), the options ({@code ERR syntax
 * error}; a malformed MINMATCHLEN is {@code ERR value is not an integer or out of range}, a negative one counts as 0),
 * then LEN with IDX ({@code ERR If you want both the length and indexes, please just use IDX.}). The dynamic
 * programming table takes 4 bytes per pair of positions: beyond {@code proto-max-bulk-len} bytes Redis refuses, and the
 * simulator also refuses tables of more than {@value #MAX_CELLS} cells. Stateless.
 */
final class LcsCommand {
    /** The largest table the simulator builds, to keep a node's heap safe. */
    static final long MAX_CELLS = 1L << 26;

    private LcsCommand() {}

    static void register(CommandRegistry registry) {
        registry.register("lcs", LcsCommand::lcs);
    }

    private static Reply lcs(CommandContext ctx) {
        byte[] a = stringOrEmpty(ctx, 1);
        byte[] b = stringOrEmpty(ctx, 2);
        boolean idx = false;
        boolean len = false;
        boolean withMatchLen = false;
        long minMatchLen = 0;
        for (int i = 3; i < ctx.argc(); i++) {
            if (ctx.argIs(i, "idx")) {
                idx = true;
            } else if (ctx.argIs(i, "len")) {
                len = true;
            } else if (ctx.argIs(i, "withmatchlen")) {
                withMatchLen = true;
            } else if (ctx.argIs(i, "minmatchlen") && i + 1 < ctx.argc()) {
                minMatchLen = Math.max(0, ctx.longArg(++i));
            } else {
                throw CommandException.syntaxError();
            }
        }
        if (idx && len) {
            throw new CommandException("ERR If you want both the length and indexes, please just use IDX.");
        }
        long cells = (a.length + 1L) * (b.length + 1L);
        if (cells * Integer.BYTES > ctx.node().config().protoMaxBulkLen()) {
            throw new CommandException("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
        }
        if (cells > MAX_CELLS) {
            throw new CommandException("ERR Insufficient memory, failed allocating transient memory for LCS");
        }
        int[][] table = table(a, b);
        int total = table[a.length][b.length];
        if (len) {
            return Reply.integer(total);
        }
        Walk walk = walk(a, b, table, minMatchLen, withMatchLen);
        if (!idx) {
            return Reply.bulk(walk.common);
        }
        return Reply.map(
                Reply.entry(Reply.bulk("matches"), new Reply.Array(walk.ranges)),
                Reply.entry(Reply.bulk("len"), Reply.integer(total)));
    }

    private static byte[] stringOrEmpty(CommandContext ctx, int index) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        Value value = keyspace.get(CommandArgs.key(ctx, 1));
        Value other = keyspace.get(CommandArgs.key(ctx, 2));
        if ((value != null && !(value instanceof StringValue)) || (other != null && !(other instanceof StringValue))) {
            throw new CommandException("ERR The specified keys must contain string values");
        }
        Value mine = index == 1 ? value : other;
        return mine == null ? new byte[0] : ((StringValue) mine).toByteArray();
    }

    /** {@code table[i][j]} is the length of the LCS of the first i bytes of a and the first j bytes of b. */
    private static int[][] table(byte[] a, byte[] b) {
        int[][] table = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                table[i][j] =
                        a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        return table;
    }

    private record Walk(byte[] common, List<Reply> ranges) {}

    /** Walks the table back from the end, collecting the subsequence and the ranges of contiguous matches. */
    private static Walk walk(byte[] a, byte[] b, int[][] table, long minMatchLen, boolean withMatchLen) {
        int remaining = table[a.length][b.length];
        byte[] common = new byte[remaining];
        List<Reply> ranges = new ArrayList<>();
        int none = a.length; // a range start of a.length means no range is open
        int aStart = none;
        int aEnd = 0;
        int bStart = 0;
        int bEnd = 0;
        int i = a.length;
        int j = b.length;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == b[j - 1]) {
                common[--remaining] = a[i - 1];
                if (aStart == none) {
                    aStart = i - 1;
                    aEnd = i - 1;
                    bStart = j - 1;
                    bEnd = j - 1;
                } else if (aStart == i && bStart == j) {
                    aStart--;
                    bStart--;
                } else {
                    emit = true;
                }
                if (aStart == 0 || bStart == 0) {
                    emit = true;
                }
                i--;
                j--;
            } else {
                if (table[i - 1][j] > table[i][j - 1]) {
                    i--;
                } else {
                    j--;
                }
                if (aStart != none) {
                    emit = true;
                }
            }
            if (emit) {
                long matchLen = aEnd - aStart + 1;
                if (minMatchLen == 0 || matchLen >= minMatchLen) {
                    List<Reply> range = new ArrayList<>(3);
                    range.add(Reply.array(Reply.integer(aStart), Reply.integer(aEnd)));
                    range.add(Reply.array(Reply.integer(bStart), Reply.integer(bEnd)));
                    if (withMatchLen) {
                        range.add(Reply.integer(matchLen));
                    }
                    ranges.add(new Reply.Array(range));
                }
                aStart = none;
            }
        }
        return new Walk(common, ranges);
    }
}
