package io.slotwise.sim.data;

/**
 * Reads and writes integers of 1 to 64 bits at any bit offset of a byte array, most significant bit first (bit 0 is
 * the top bit of byte 0), and checks BITFIELD's overflows, with Redis 7.0's arithmetic. Bits beyond the array read as
 * 0. Stateless.
 */
final class BitFields {
    private BitFields() {}

    /** What BITFIELD does when a value does not fit its type. */
    enum Overflow {
        WRAP,
        SAT,
        FAIL
    }

    /** Returns bit {@code offset} of {@code bytes}, 0 beyond the end. */
    static int bit(byte[] bytes, long offset) {
        long index = offset >> 3;
        if (index >= bytes.length) {
            return 0;
        }
        return (bytes[(int) index] >> (7 - (int) (offset & 7))) & 1;
    }

    /** Sets bit {@code offset}, which must lie within {@code bytes}. */
    static void setBit(byte[] bytes, long offset, int value) {
        int index = (int) (offset >> 3);
        int mask = 1 << (7 - (int) (offset & 7));
        bytes[index] = (byte) (value != 0 ? bytes[index] | mask : bytes[index] & ~mask);
    }

    /** Counts the set bits from {@code first} to {@code last} inclusive. */
    static long count(byte[] bytes, long first, long last) {
        long count = 0;
        long bit = first;
        while (bit <= last) {
            if ((bit & 7) == 0 && bit + 7 <= last) {
                count += Integer.bitCount(bytes[(int) (bit >> 3)] & 0xFF);
                bit += 8;
            } else {
                count += bit(bytes, bit);
                bit++;
            }
        }
        return count;
    }

    /** Returns the first bit from {@code first} to {@code last} inclusive that equals {@code value}, or -1. */
    static long find(byte[] bytes, long first, long last, int value) {
        byte skippable = (byte) (value == 1 ? 0x00 : 0xFF);
        long bit = first;
        while (bit <= last) {
            if ((bit & 7) == 0 && bit + 7 <= last && bytes[(int) (bit >> 3)] == skippable) {
                bit += 8;
            } else if (bit(bytes, bit) == value) {
                return bit;
            } else {
                bit++;
            }
        }
        return -1;
    }

    /** Reads an unsigned field of {@code bits} bits. */
    static long getUnsigned(byte[] bytes, long offset, int bits) {
        long value = 0;
        for (int i = 0; i < bits; i++) {
            value = (value << 1) | bit(bytes, offset + i);
        }
        return value;
    }

    /** Reads a two's complement field of {@code bits} bits, sign-extended. */
    static long getSigned(byte[] bytes, long offset, int bits) {
        long value = getUnsigned(bytes, offset, bits);
        if (bits < 64 && (value & (1L << (bits - 1))) != 0) {
            value |= -1L << bits;
        }
        return value;
    }

    /** Writes the low {@code bits} bits of {@code value}; the field must lie within {@code bytes}. */
    static void set(byte[] bytes, long offset, int bits, long value) {
        for (int i = 0; i < bits; i++) {
            setBit(bytes, offset + i, (int) (value >>> (bits - 1 - i)) & 1);
        }
    }

    /**
     * The result of adding {@code increment} to an unsigned {@code value} (compared unsigned) in a field of {@code
     * bits} bits.
     *
     * @return null if it fits, otherwise the value to store (for FAIL: any non-null marker)
     */
    static Long unsignedOverflow(long value, long increment, int bits, Overflow overflow) {
        long max = (1L << bits) - 1;
        long maxIncrement = max - value;
        long minIncrement = -value;
        boolean above = Long.compareUnsigned(value, max) > 0 || (increment > 0 && increment > maxIncrement);
        boolean below = !above && increment < 0 && increment < minIncrement;
        if (!above && !below) {
            return null;
        }
        return switch (overflow) {
            case WRAP -> (value + increment) & max;
            case SAT -> above ? max : 0L;
            case FAIL -> 0L;
        };
    }

    /**
     * The result of adding {@code increment} to a signed {@code value} in a field of {@code bits} bits.
     *
     * @return null if it fits, otherwise the value to store (for FAIL: any non-null marker)
     */
    static Long signedOverflow(long value, long increment, int bits, Overflow overflow) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        long maxIncrement = max - value;
        long minIncrement = min - value;
        boolean above = value > max
                || (bits != 64 && increment > maxIncrement)
                || (value >= 0 && increment > 0 && increment > maxIncrement);
        boolean below = !above
                && (value < min
                        || (bits != 64 && increment < minIncrement)
                        || (value < 0 && increment < 0 && increment < minIncrement));
        if (!above && !below) {
            return null;
        }
        return switch (overflow) {
            case WRAP -> wrapSigned(value + increment, bits);
            case SAT -> above ? max : min;
            case FAIL -> 0L;
        };
    }

    private static long wrapSigned(long sum, int bits) {
        if (bits == 64) {
            return sum;
        }
        long mask = -1L << bits;
        return (sum & (1L << (bits - 1))) != 0 ? sum | mask : sum & ~mask;
    }
}
