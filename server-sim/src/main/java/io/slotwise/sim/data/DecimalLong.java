package io.slotwise.sim.data;

import java.util.OptionalLong;

/**
 * Redis's strict decimal syntax for 64-bit integers ({@code string2ll}), for arguments and for stored values such as a
 * hash field that HINCRBY reads: an optional '-', then "0" or a non-zero digit and more digits; no '+', no blanks, no
 * leading zeros, no "-0", at most 20 characters. Stateless.
 */
final class DecimalLong {
    private static final int MAX_LENGTH = 20;

    private DecimalLong() {}

    /** Returns the value, or empty if {@code text} is not such an integer or does not fit in 64 bits. */
    static OptionalLong parse(byte[] text) {
        int length = text.length;
        if (length == 0 || length > MAX_LENGTH) {
            return OptionalLong.empty();
        }
        if (length == 1 && text[0] == '0') {
            return OptionalLong.of(0);
        }
        boolean negative = text[0] == '-';
        int start = negative ? 1 : 0;
        if (start == length || text[start] < '1' || text[start] > '9') {
            return OptionalLong.empty();
        }
        long value = 0; // accumulated negatively: the negative range holds Long.MIN_VALUE
        for (int i = start; i < length; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9 || value < (Long.MIN_VALUE + digit) / 10) {
                return OptionalLong.empty();
            }
            value = value * 10 - digit;
        }
        if (negative) {
            return OptionalLong.of(value);
        }
        return value == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(-value);
    }
}
