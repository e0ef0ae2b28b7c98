package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The arguments of the bitmap commands, parsed as Redis 7.0 parses them: bit offsets (SETBIT, GETBIT, BITFIELD) and
 * BITFIELD's integer types. Stateless.
 */
final class BitArguments {
    private static final String BAD_OFFSET = "ERR bit offset is not an integer or out of range";
    private static final String BAD_TYPE =
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";

    private BitArguments() {}

    /** A BITFIELD integer type: {@code i1}..{@code i64} or {@code u1}..{@code u63}. */
    record FieldType(boolean signed, int bits) {}

    /**
     * Parses a bit offset: a non-negative integer whose byte ({@code offset / 8}) lies below {@code
     * proto-max-bulk-len}. With {@code fieldBits} above 0, {@code #n} means {@code n * fieldBits} (BITFIELD).
     *
     * @throws CommandException {@code ERR bit offset is not an integer or out of range}
     */
    static long offset(CommandContext ctx, int index, int fieldBits) {
        byte[] text = ctx.arg(index);
        boolean multiple = fieldBits > 0 && text.length > 1 && text[0] == '#';
        OptionalLong parsed = RedisNumbers.parseLong(multiple ? Arrays.copyOfRange(text, 1, text.length) : text);
        if (parsed.isEmpty()) {
            throw new CommandException(BAD_OFFSET);
        }
        long offset = parsed.getAsLong();
        if (multiple) {
            offset = offset > Long.MAX_VALUE / fieldBits || offset < Long.MIN_VALUE / fieldBits
                    ? -1
                    : offset * fieldBits;
        }
        if (offset < 0 || (offset >> 3) >= ctx.node().config().protoMaxBulkLen()) {
            throw new CommandException(BAD_OFFSET);
        }
        return offset;
    }

    /**
     * Parses a BITFIELD type; the sign letter is case-sensitive.
     *
     * @throws CommandException {@code ERR Invalid bitfield type. ...}
     */
    static FieldType fieldType(CommandContext ctx, int index) {
        byte[] text = ctx.arg(index);
        if (text.length < 2 || (text[0] != 'i' && text[0] != 'u')) {
            throw new CommandException(BAD_TYPE);
        }
        boolean signed = text[0] == 'i';
        OptionalLong bits = RedisNumbers.parseLong(Arrays.copyOfRange(text, 1, text.length));
        if (bits.isEmpty() || bits.getAsLong() < 1 || bits.getAsLong() > (signed ? 64 : 63)) {
            throw new CommandException(BAD_TYPE);
        }
        return new FieldType(signed, (int) bits.getAsLong());
    }
}
