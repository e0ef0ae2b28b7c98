package io.slotwise.sim.command;

import java.util.OptionalLong;

/**
 * Redis's strict integer syntax ({@code string2ll}) for command arguments and for integers stored in strings (INCR,
 * HINCRBY). Stateless and thread-safe.
 */
public final class RedisNumbers {
    private static final int MAX_DIGITS = 20;

    private RedisNumbers() {}

    /**
     * Parses a signed decimal 64-bit integer: an optional '-', then "0" or a non-zero digit and more digits; nothing
     * else (no '+', no blanks, no leading zeros, no "-0").
     *
     * @param bytes the argument
     * @return the value, or empty if the bytes are not such an integer or overflow
     */
    public static OptionalLong parseLong(byte[] bytes) {
        int length = bytes.length;
        if (length == 0 || length > MAX_DIGITS) {
            return OptionalLong.empty();
        }
        if (length == 1 && bytes[0] == '0') {
            return OptionalLong.of(0);
        }
        boolean negative = bytes[0] == '-';
        int start = negative ? 1 : 0;
        if (start == length || bytes[start] < '1' || bytes[start] > '9') {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = start; i < length; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return OptionalLong.empty();
            }
            // Accumulate negatively so that Long.MIN_VALUE parses.
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return OptionalLong.empty();
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                return OptionalLong.empty();
            }
            value = -value;
        }
        return OptionalLong.of(value);
    }
}
