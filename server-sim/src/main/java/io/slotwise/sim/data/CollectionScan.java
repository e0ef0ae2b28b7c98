package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.GlobMatcher;
import io.slotwise.sim.keyspace.HashValue;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.ScanPage;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.ZEntry;
import io.slotwise.sim.protocol.DoubleFormat;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HSCAN, SSCAN and ZSCAN {@code key cursor [MATCH pattern] [COUNT count]}, with Redis 7.0's order of checks: the
 * cursor ({@code ERR invalid cursor}), then the key (a missing key answers an empty page, whatever the options), then
 * its type, then the options ({@code ERR syntax error}, also for COUNT below 1). Compact collections (see {@link
 * CompactEncoding}) are returned whole with cursor 0. Replies are {@code [cursor, [items...]]}; ZSCAN scores are bulk
 * strings in {@code %.17g} style.
 */
final class CollectionScan {
    private static final int DEFAULT_COUNT = 10;
    private static final Reply EMPTY_PAGE = Reply.array(Reply.bulk("0"), CollectionReplies.EMPTY_ARRAY);

    private CollectionScan() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("hscan", CollectionScan::hscan);
        registrar.register("sscan", CollectionScan::sscan);
        registrar.register("zscan", CollectionScan::zscan);
    }

    private static Reply hscan(CommandContext ctx) {
        long cursor = cursor(ctx);
        HashValue hash = DataContext.keyspace(ctx).getHash(key(ctx));
        if (hash == null) {
            return EMPTY_PAGE;
        }
        Options options = options(ctx);
        ScanPage<Map.Entry<Bytes, Bytes>> page = CompactEncoding.isListpack(hash)
                ? new ScanPage<>(0, hash.entriesInInsertionOrder())
                : hash.scan(cursor, options.count);
        List<Reply> items = new ArrayList<>();
        for (Map.Entry<Bytes, Bytes> entry : page.items()) {
            if (options.matches(entry.getKey())) {
                items.add(CollectionReplies.bulk(entry.getKey()));
                items.add(CollectionReplies.bulk(entry.getValue()));
            }
        }
        return reply(page.cursor(), items);
    }

    private static Reply sscan(CommandContext ctx) {
        long cursor = cursor(ctx);
        SetValue set = DataContext.keyspace(ctx).getSet(key(ctx));
        if (set == null) {
            return EMPTY_PAGE;
        }
        Options options = options(ctx);
        ScanPage<Bytes> page = CompactEncoding.isIntset(set)
                ? new ScanPage<>(0, CompactEncoding.iterationOrder(set))
                : set.scan(cursor, options.count);
        List<Reply> items = new ArrayList<>();
        for (Bytes member : page.items()) {
            if (options.matches(member)) {
                items.add(CollectionReplies.bulk(member));
            }
        }
        return reply(page.cursor(), items);
    }

    private static Reply zscan(CommandContext ctx) {
        long cursor = cursor(ctx);
        SortedSetValue zset = DataContext.keyspace(ctx).getSortedSet(key(ctx));
        if (zset == null) {
            return EMPTY_PAGE;
        }
        Options options = options(ctx);
        ScanPage<ZEntry> page =
                CompactEncoding.isListpack(zset) ? new ScanPage<>(0, zset.entries()) : zset.scan(cursor, options.count);
        List<Reply> items = new ArrayList<>();
        for (ZEntry entry : page.items()) {
            if (options.matches(entry.member())) {
                items.add(CollectionReplies.bulk(entry.member()));
                items.add(Reply.bulk(DoubleFormat.format(entry.score())));
            }
        }
        return reply(page.cursor(), items);
    }

    private static Key key(CommandContext ctx) {
        return CollectionArguments.key(ctx, 1);
    }

    private static Reply reply(long cursor, List<Reply> items) {
        return Reply.array(Reply.bulk(Long.toUnsignedString(cursor)), new Reply.Array(items));
    }

    /**
     * Parses the cursor as C's {@code strtoul} in base 10 with Redis's checks: no leading blank, an optional sign
     * (a '-' negates modulo 2^64), digits up to 2^64 - 1, nothing after them; the empty string reads as 0.
     */
    private static long cursor(CommandContext ctx) {
        byte[] text = ctx.arg(2);
        int start = text.length > 0 && (text[0] == '+' || text[0] == '-') ? 1 : 0;
        if (start == 1 && text.length == 1) {
            throw invalidCursor();
        }
        long value = 0;
        for (int i = start; i < text.length; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9 || Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                throw invalidCursor();
            }
            value = value * 10 + digit;
        }
        return start == 1 && text[0] == '-' ? -value : value;
    }

    private static CommandException invalidCursor() {
        return new CommandException("ERR invalid cursor");
    }

    private static Options options(CommandContext ctx) {
        int count = DEFAULT_COUNT;
        byte[] pattern = null;
        for (int i = 3; i < ctx.argc(); i += 2) {
            boolean hasValue = i + 1 < ctx.argc();
            if (ctx.argIs(i, "count") && hasValue) {
                long requested = ctx.longArg(i + 1);
                if (requested < 1) {
                    throw CommandException.syntaxError();
                }
                count = (int) Math.min(requested, Integer.MAX_VALUE);
            } else if (ctx.argIs(i, "match") && hasValue) {
                byte[] match = ctx.arg(i + 1);
                pattern = match.length == 1 && match[0] == '*' ? null : match;
            } else {
                throw CommandException.syntaxError();
            }
        }
        return new Options(count, pattern);
    }

    private record Options(int count, byte[] pattern) {
        boolean matches(Bytes item) {
            return pattern == null || GlobMatcher.matches(pattern, item);
        }
    }
}
