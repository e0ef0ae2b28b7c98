package io.slotwise.api.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A range of a string for {@code BITCOUNT} and {@code BITPOS}: {@code start end}, both included, counted in bytes
 * (the default, which every Redis version understands) or in bits ({@code BIT}, Redis 7.0 and later). Negative
 * positions count from the end of the string ({@code -1} is the last byte or bit). Immutable.
 */
public final class BitRange {

    private final long start;
    private final long end;
    private final boolean bits;

    private BitRange(long start, long end, boolean bits) {
        this.start = start;
        this.end = end;
        this.bits = bits;
    }

    /**
     * A range of bytes ({@code start end}).
     *
     * @param start the first byte, negative from the end
     * @param end the last byte, included, negative from the end
     * @return the range
     */
    public static BitRange bytes(long start, long end) {
        return new BitRange(start, end, false);
    }

    /**
     * A range of bits ({@code start end BIT}); needs Redis 7.0 or later.
     *
     * @param start the first bit, negative from the end
     * @param end the last bit, included, negative from the end
     * @return the range
     */
    public static BitRange bits(long start, long end) {
        return new BitRange(start, end, true);
    }

    /**
     * Returns the RESP arguments of this range.
     *
     * @return {@code start end}, followed by {@code BIT} for a bit range; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(3);
        args.add(Tokens.of(start));
        args.add(Tokens.of(end));
        if (bits) {
            args.add(Tokens.of("BIT"));
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitRange that && start == that.start && end == that.end && bits == that.bits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, bits);
    }

    @Override
    public String toString() {
        return "BitRange[" + start + ", " + end + (bits ? " BIT]" : " BYTE]");
    }
}
