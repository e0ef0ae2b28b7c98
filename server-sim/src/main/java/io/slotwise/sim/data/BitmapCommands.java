package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.protocol.Reply;
import java.util.Arrays;

/**
 * SETBIT, GETBIT, BITCOUNT and BITPOS, as Redis 7.0 answers them; BITOP and BITFIELD live in {@link BitOpCommand} and
 * {@link BitfieldCommand}. Strings are bit arrays, most significant bit first; a missing key reads as an empty string.
 * SETBIT grows the string with zero bytes as needed and changes the key only if a bit or its length changed (so a
 * no-op does not spoil WATCH). BITCOUNT and BITPOS take {@code start end} ranges in bytes, or in bits with {@code
 * BIT}, negative values counting from the end. Handlers run on the node's event loop.
 */
final class BitmapCommands {
    private static final String BAD_BIT = "ERR bit is not an integer or out of range";

    private BitmapCommands() {}

    static void register(CommandRegistry registry) {
        registry.register("setbit", TypeChecked.handler(BitmapCommands::setbit));
        registry.register("getbit", TypeChecked.handler(ctx -> {
            long offset = BitArguments.offset(ctx, 2, 0);
            return Reply.integer(BitFields.bit(bytes(ctx), offset));
        }));
        registry.register("bitcount", TypeChecked.handler(BitmapCommands::bitcount));
        registry.register("bitpos", TypeChecked.handler(BitmapCommands::bitpos));
        BitOpCommand.register(registry);
        BitfieldCommand.register(registry);
    }

    private static Reply setbit(CommandContext ctx) {
        long offset = BitArguments.offset(ctx, 2, 0);
        long on = CollectionArguments.rangeLong(ctx, 3, Long.MIN_VALUE, Long.MAX_VALUE, BAD_BIT.substring(4));
        if ((on & ~1L) != 0) {
            throw new CommandException(BAD_BIT);
        }
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key key = CommandArgs.key(ctx, 1);
        StringValue current = keyspace.getString(key);
        byte[] before = current == null ? null : current.toByteArray();
        byte[] after = grown(before, offset);
        int previous = BitFields.bit(after, offset);
        BitFields.setBit(after, offset, (int) on);
        if (before == null || !Arrays.equals(before, after)) {
            keyspace.setKeepTtl(key, StringValue.of(after));
        }
        return Reply.integer(previous);
    }

    /** Returns a copy of {@code bytes} (null for a missing key) long enough to hold bit {@code maxBit}. */
    static byte[] grown(byte[] bytes, long maxBit) {
        int needed = (int) ((maxBit >> 3) + 1);
        if (bytes == null) {
            return new byte[needed];
        }
        return Arrays.copyOf(bytes, Math.max(bytes.length, needed));
    }

    private static Reply bitcount(CommandContext ctx) {
        StringValue value = DataContext.keyspace(ctx).getString(CommandArgs.key(ctx, 1));
        if (value == null) {
            return Reply.integer(0);
        }
        byte[] bytes = value.toByteArray();
        long first;
        long last;
        if (ctx.argc() == 4 || ctx.argc() == 5) {
            long start = ctx.longArg(2);
            long end = ctx.longArg(3);
            if (start < 0 && end < 0 && start > end) {
                return Reply.integer(0);
            }
            boolean inBits = ctx.argc() == 5 && unit(ctx, 4);
            long[] range = bitRange(bytes.length, start, end, inBits);
            first = range[0];
            last = range[1];
        } else if (ctx.argc() == 2) {
            first = 0;
            last = bytes.length * 8L - 1;
        } else {
            throw CommandException.syntaxError();
        }
        return Reply.integer(BitFields.count(bytes, first, last));
    }

    private static Reply bitpos(CommandContext ctx) {
        long bit = ctx.longArg(2);
        if (bit != 0 && bit != 1) {
            throw new CommandException("ERR The bit argument must be 1 or 0.");
        }
        StringValue value = DataContext.keyspace(ctx).getString(CommandArgs.key(ctx, 1));
        if (value == null) {
            return Reply.integer(bit == 1 ? -1 : 0);
        }
        byte[] bytes = value.toByteArray();
        long first;
        long last;
        boolean endGiven = ctx.argc() >= 5;
        if (ctx.argc() >= 4 && ctx.argc() <= 6) {
            long start = ctx.longArg(3);
            boolean inBits = ctx.argc() == 6 && unit(ctx, 5);
            long end = endGiven ? ctx.longArg(4) : (inBits ? bytes.length * 8L + 7 : bytes.length - 1L);
            long[] range = bitRange(bytes.length, start, end, inBits);
            first = range[0];
            last = range[1];
        } else if (ctx.argc() == 3) {
            first = 0;
            last = bytes.length * 8L - 1;
        } else {
            throw CommandException.syntaxError();
        }
        if (first > last) {
            return Reply.integer(-1);
        }
        long position = BitFields.find(bytes, first, last, (int) bit);
        if (position >= 0) {
            return Reply.integer(position);
        }
        // Without an explicit end, the string continues with zero bits.
        return Reply.integer(bit == 0 && !endGiven ? last + 1 : -1);
    }

    /** Parses BYTE (false) or BIT (true). */
    private static boolean unit(CommandContext ctx, int index) {
        if (ctx.argIs(index, "bit")) {
            return true;
        }
        if (ctx.argIs(index, "byte")) {
            return false;
        }
        throw CommandException.syntaxError();
    }

    /**
     * Converts a {@code start end} range as Redis does: negative values count from the end, both are clamped into the
     * string, and a byte range covers whole bytes.
     *
     * @return the first and last bit, inclusive; first > last for an empty range
     */
    private static long[] bitRange(int length, long start, long end, boolean inBits) {
        long total = inBits ? length * 8L : length;
        if (start < 0) {
            start = total + start;
        }
        if (end < 0) {
            end = total + end;
        }
        start = Math.max(start, 0);
        end = Math.max(end, 0);
        end = Math.min(end, total - 1);
        if (start > end) {
            return new long[] {1, 0};
        }
        return inBits ? new long[] {start, end} : new long[] {start * 8, end * 8 + 7};
    }

    private static byte[] bytes(CommandContext ctx) {
        StringValue value = DataContext.keyspace(ctx).getString(CommandArgs.key(ctx, 1));
        return value == null ? new byte[0] : value.toByteArray();
    }
}
