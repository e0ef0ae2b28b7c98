package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.ScanPage;
import io.slotwise.sim.keyspace.ValueType;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type], answering {@code [cursor, [key...]]} in RESP2 and RESP3 alike.
 * The cursor is read as Redis reads it with {@code strtoul}: an optional sign, decimal digits, wrapping negative values
 * modulo 2^64, ending at a NUL byte; an empty cursor is 0; a leading blank, trailing garbage or overflow is {@code ERR
 * invalid cursor}. COUNT below 1 is {@code ERR syntax error}. As in Redis 7.0 an unknown TYPE matches nothing rather
 * than failing. Cursors are the keyspace's (see {@link io.slotwise.sim.keyspace.Keyspace#scan}). Runs on the node's
 * event loop.
 */
final class ScanCommand {
    private ScanCommand() {}

    static void register(CommandRegistry registry) {
        registry.register("scan", ScanCommand::scan);
    }

    private static Reply scan(CommandContext ctx) {
        long cursor = parseCursor(ctx.arg(1));
        long count = 10;
        byte[] pattern = null;
        String typeName = null;
        for (int i = 2; i < ctx.argc(); i++) {
            boolean hasValue = i + 1 < ctx.argc();
            if (hasValue && ctx.argIs(i, "COUNT")) {
                count = ctx.longArg(++i);
                if (count < 1) {
                    throw CommandException.syntaxError();
                }
            } else if (hasValue && ctx.argIs(i, "MATCH")) {
                byte[] glob = ctx.arg(++i);
                pattern = glob.length == 1 && glob[0] == '*' ? null : glob;
            } else if (hasValue && ctx.argIs(i, "TYPE")) {
                typeName = ctx.argString(++i);
            } else {
                throw CommandException.syntaxError();
            }
        }
        ValueType type = typeName == null ? null : ValueType.fromRedisName(typeName);
        ScanPage<Key> page =
                DataContext.keyspace(ctx).scan(cursor, (int) Math.min(count, Integer.MAX_VALUE), pattern, type);
        List<Reply> keys = new ArrayList<>(page.items().size());
        if (typeName == null || type != null) {
            page.items().forEach(key -> keys.add(Reply.bulk(key.toByteArray())));
        }
        return Reply.array(Reply.bulk(Long.toUnsignedString(page.cursor())), new Reply.Array(keys));
    }

    /**
     * Parses a cursor as Redis's {@code parseScanCursorOrReply}.
     *
     * @return the cursor's 64 bits
     * @throws CommandException {@code ERR invalid cursor}
     */
    static long parseCursor(byte[] text) {
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        if (end == 0) {
            if (text.length > 0 && isSpace(text[0])) {
                throw invalidCursor();
            }
            return 0;
        }
        if (isSpace(text[0])) {
            throw invalidCursor();
        }
        int position = 0;
        boolean negative = false;
        if (text[0] == '+' || text[0] == '-') {
            negative = text[0] == '-';
            position++;
        }
        if (position == end || text[position] < '0' || text[position] > '9') {
            throw invalidCursor(); // strtoul converts nothing and points at the first byte
        }
        long value = 0;
        for (; position < end; position++) {
            int digit = text[position] - '0';
            if (digit < 0 || digit > 9) {
                throw invalidCursor();
            }
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                throw invalidCursor(); // ERANGE
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    private static CommandException invalidCursor() {
        return new CommandException("ERR invalid cursor");
    }
}
